import { expect, test as base, type Page } from '@playwright/test';
import { expectNoAxeViolations, pageKey, releasePage, trackPage, urlsCheckedOn } from './axe.js';

export { expect };
export { expectNoAxeViolations } from './axe.js';
export { DEMO_API_CLIENT, DEMO_LIMITED_ACCESS, DEMO_PASSWORD } from '../../../src/demo-data/seed.js';

/**
 * The journeys' `test`: it records every page the browser loads and, when the
 * test ends, fails if any of them was not checked with expectNoAxeViolations.
 */
export const test = base.extend<{ everyPageChecked: void }>({
  everyPageChecked: [
    async ({ page, javaScriptEnabled }, use) => {
      trackPage(page, javaScriptEnabled !== false);
      const loaded = new Set<string>();
      page.on('load', (loadedPage) => {
        const url = loadedPage.url();
        if (url.startsWith('http')) loaded.add(pageKey(url));
      });
      await use();
      await releasePage(page);
      const checked = urlsCheckedOn(page);
      const unchecked = [...loaded].filter((url) => !checked.has(url));
      expect(unchecked, 'every page the journey visited has been checked with axe-core').toEqual([]);
    },
    { auto: true },
  ],
});

/** Fills in the sign-in form the way a person does and submits it. */
export async function signIn(page: Page, username: string, password: string): Promise<void> {
  await page.goto('/sign-in');
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in to Probity' })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByLabel('Username').fill(username);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

/** The service navigation in the header, shown to signed-in users. */
export function serviceNavigation(page: Page) {
  return page.getByRole('navigation', { name: 'Menu' });
}

/** A person's record has its own sub-navigation: Overview, Personal details and so on. */
export function recordNavigation(page: Page) {
  return page.getByRole('navigation', { name: "Person's record" });
}
