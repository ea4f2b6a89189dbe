import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

/** WCAG 2.2 AA, the level public services in the UK must meet, and every level below it. */
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

interface PageState {
  javaScriptEnabled: boolean;
  checkedUrls: Set<string>;
  /** Where axe-core checks copies of the page's documents when the page runs no scripts. */
  copy?: Page;
}

const pages = new WeakMap<Page, PageState>();

function stateOf(page: Page): PageState {
  let state = pages.get(page);
  if (!state) {
    state = { javaScriptEnabled: true, checkedUrls: new Set() };
    pages.set(page, state);
  }
  return state;
}

/** The journey fixture says whether the page runs scripts: axe-core needs them to run. */
export function trackPage(page: Page, javaScriptEnabled: boolean): void {
  stateOf(page).javaScriptEnabled = javaScriptEnabled;
}

/** Closes what the checks opened for the page. */
export async function releasePage(page: Page): Promise<void> {
  await stateOf(page).copy?.context().close();
}

export function pageKey(url: string): string {
  const parsed = new URL(url);
  return `${parsed.pathname}${parsed.search}`;
}

export function urlsCheckedOn(page: Page): Set<string> {
  return stateOf(page).checkedUrls;
}

/**
 * axe-core runs as a script in the page, so it cannot run where JavaScript is
 * off. There it checks a copy: the same document, as the browser shows it
 * without JavaScript, at the same address with the same stylesheets, opened
 * in a tab that runs scripts but with the page's own scripts taken out.
 */
async function analyse(page: Page) {
  const state = stateOf(page);
  if (state.javaScriptEnabled) return new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  const html = (await page.content()).replace(/<script\b[\s\S]*?<\/script>/gi, '');
  const copy = state.copy ?? (state.copy = await openCopy(page));
  // Every document the copy loads is the snapshot; stylesheets and images come from the server.
  await copy.route('**/*', (route) =>
    route.request().resourceType() === 'document'
      ? route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html })
      : route.fallback(),
  );
  try {
    await copy.goto(page.url().split('#')[0]!);
  } finally {
    await copy.unrouteAll();
  }
  return new AxeBuilder({ page: copy }).withTags(WCAG_TAGS).analyze();
}

async function openCopy(page: Page): Promise<Page> {
  const browser = page.context().browser();
  if (!browser) throw new Error('axe-core needs the browser to open a copy of a page without JavaScript');
  // Inside a test, new contexts take the test's options: turn scripts back on explicitly.
  const context = await browser.newContext({ javaScriptEnabled: true, viewport: page.viewportSize() });
  return context.newPage();
}

/**
 * Runs axe-core on the page as it is now and fails with a readable list of
 * every violation: the rule, what it means, the elements and how to fix them.
 */
export async function expectNoAxeViolations(page: Page): Promise<void> {
  await page.waitForLoadState('load');
  const results = await analyse(page);
  urlsCheckedOn(page).add(pageKey(page.url()));
  const report = results.violations.map((violation) =>
    [
      `${violation.id} (${violation.impact ?? 'no impact given'}): ${violation.help}`,
      `  ${violation.helpUrl}`,
      ...violation.nodes.map(
        (node) =>
          `  - ${node.target.join(' ')}\n    ${(node.failureSummary ?? '').replaceAll('\n', '\n    ')}`,
      ),
    ].join('\n'),
  );
  expect(
    results.violations.length,
    `axe-core found accessibility problems on ${page.url()}:\n\n${report.join('\n\n')}\n`,
  ).toBe(0);
}
