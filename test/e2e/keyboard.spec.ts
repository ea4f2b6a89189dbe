import { DEMO_PASSWORD, expect, expectNoAxeViolations, test } from './support/journey.js';

for (const javaScriptEnabled of [true, false]) {
  test.describe(`Keyboard only${javaScriptEnabled ? '' : ', without JavaScript'}`, () => {
    test.use({ javaScriptEnabled });

    test('the skip link is the first thing to tab to and skips to the main content', async ({ page }) => {
      await page.goto('/sign-in');
      await expectNoAxeViolations(page);

      await page.keyboard.press('Tab');
      const skipLink = page.getByRole('link', { name: 'Skip to main content' });
      await expect(skipLink).toBeFocused();
      await expect(skipLink).toBeVisible();

      await page.keyboard.press('Enter');
      await expect(page).toHaveURL(/#main-content$/);
      if (javaScriptEnabled) await expect(page.locator('main#main-content')).toBeFocused();
      // Either way the next Tab goes to the first field of the form, past the header.
      await page.keyboard.press('Tab');
      await expect(page.getByLabel('Username')).toBeFocused();
    });

    test('a person signs in with the keyboard alone: Tab to each field, type, Enter', async ({ page }) => {
      await page.goto('/sign-in');
      await expectNoAxeViolations(page);

      await page.keyboard.press('Tab');
      await expect(page.getByRole('link', { name: 'Skip to main content' })).toBeFocused();
      await page.keyboard.press('Tab');
      await expect(page.getByRole('banner').getByRole('link', { name: 'Probity' })).toBeFocused();
      await page.keyboard.press('Tab');
      await expect(page.getByLabel('Username')).toBeFocused();
      await page.keyboard.type('po.demo');
      await page.keyboard.press('Tab');
      await expect(page.getByLabel('Password', { exact: true })).toBeFocused();
      await page.keyboard.type(DEMO_PASSWORD);
      await page.keyboard.press('Enter');

      await expect(page).toHaveURL(/\/caseload$/);
      await expect(page.getByRole('heading', { level: 1, name: 'My cases' })).toBeVisible();
      await expectNoAxeViolations(page);

      // On a signed-in page too, the skip link comes first.
      await page.keyboard.press('Tab');
      await expect(page.getByRole('link', { name: 'Skip to main content' })).toBeFocused();
    });
  });
}
