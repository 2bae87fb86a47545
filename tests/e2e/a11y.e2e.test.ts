/**
 * Accessibility in Chromium with axe-core (the devDependency's axe.min.js, evaluated in each page; it
 * reads open shadow roots): the popup, the options page, a listing with collapsed placeholders, the
 * shield on a work page, and the reader in each theme (light, sepia, dark, black) and with its settings
 * panel open. On the sites' pages only Lamplight's own elements are checked (the saved AO3 pages are
 * not ours, and are shown without their stylesheets here).
 *
 * No `serious` or `critical` violation is allowed; moderate and minor ones are counted and printed.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { chromiumAudit, launchChromium, openFixture, type ChromiumSession, type FixtureFile } from './chromium';

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

const LISTING: FixtureFile = 'ao3/listing-tag-works-worldbuilding.html';
const WORK: FixtureFile = 'ao3/work-wip-14ch-chapter2-17793689.html';
const POLL = { timeout: 15_000, interval: 100 };
const THEMES = ['light', 'sepia', 'dark', 'black'] as const;

interface Finding {
  id: string;
  impact: string | null;
  help: string;
  nodes: string[];
}

/** Moderate/minor counts per checked page, printed at the end. */
const summary: string[] = [];

let session: ChromiumSession;
let page: Page;
let extensionPage: Page;

/** Runs axe in `p` (main world; the evaluation bypasses the page's CSP) over `include`, or the whole page. */
async function axe(p: Page, include?: string[][]): Promise<Finding[]> {
  await p.evaluate(AXE_SOURCE);
  return p.evaluate(async (scope) => {
    const axeApi = (window as unknown as { axe: { run(ctx: unknown, opts: unknown): Promise<{ violations: any[]; passes: unknown[] }> } }).axe;
    const context = scope ? { include: scope } : document;
    const result = await axeApi.run(context, { resultTypes: ['violations'] });
    // An include that matched nothing would pass vacuously.
    if (result.passes.length + result.violations.length === 0) throw new Error(`axe checked nothing in ${JSON.stringify(scope)}`);
    return result.violations.map((v) => ({
      id: v.id as string,
      impact: (v.impact ?? null) as string | null,
      help: v.help as string,
      nodes: (v.nodes as { target: unknown[] }[]).slice(0, 5).map((n) => JSON.stringify(n.target)),
    }));
  }, include ?? null);
}

/** Fails on serious or critical findings; records the rest. */
function check(name: string, findings: Finding[]): void {
  const severe = findings.filter((f) => f.impact === 'serious' || f.impact === 'critical');
  const count = (impact: string) => findings.filter((f) => f.impact === impact).reduce((n, f) => n + f.nodes.length, 0);
  const rest = findings.filter((f) => !severe.includes(f)).map((f) => `${f.id} (${f.impact})`);
  summary.push(`${name}: ${severe.length} serious/critical, ${count('moderate')} moderate, ${count('minor')} minor${rest.length ? ` [${rest.join(', ')}]` : ''}`);
  expect(severe, `${name}: ${JSON.stringify(severe, null, 2)}`).toEqual([]);
}

async function setStorage(items: { local?: Record<string, unknown>; sync?: Record<string, unknown> }): Promise<void> {
  await extensionPage.evaluate(async (it) => {
    const chrome = (globalThis as any).chrome;
    await Promise.all([chrome.storage.local.clear(), chrome.storage.sync.clear()]);
    if (it.local) await chrome.storage.local.set(it.local);
    if (it.sync) await chrome.storage.sync.set(it.sync);
  }, items);
}

const RULES = [
  { id: 'a11y-1', field: 'warning', pattern: 'Major Character Death', action: 'collapse', enabled: true },
  { id: 'a11y-2', field: 'warning', pattern: 'Graphic Depictions Of Violence', action: 'collapse', enabled: true },
  { id: 'a11y-3', field: 'freeform', pattern: '*Angst*', action: 'hide', enabled: false },
];
const rulesItem = { filterRules: RULES, filterRules$: { v: 1 } };

beforeAll(async () => {
  session = await launchChromium();
  page = await session.context.newPage();
  extensionPage = await session.context.newPage();
  await extensionPage.goto(`chrome-extension://${session.extensionId}/popup.html`);
});

afterAll(async () => {
  console.info(`axe-core results (no serious/critical allowed):\n  ${summary.join('\n  ')}`);
  await session?.close();
});

describe('Chromium: axe-core finds no serious or critical problem', () => {
  test('listing with collapsed placeholders (and the filtered-count line)', async () => {
    await setStorage({ local: rulesItem });
    await openFixture(page, LISTING);
    await expect.poll(() => page.locator('[data-lamplight-placeholder]').count(), POLL).toBeGreaterThan(0);
    check('listing placeholders', await axe(page, [['[data-lamplight-placeholder]'], ['[data-lamplight-summary]']]));
  });

  test('work page: the shield, and the Reader mode and Bookmark buttons', async () => {
    await setStorage({ local: { ...rulesItem, filterRules: [{ id: 'a11y-w', field: 'fandom', pattern: '*Dragon Age*', action: 'collapse', enabled: true }] } });
    await openFixture(page, WORK);
    await page.locator('[data-lamplight-shield]').waitFor({ state: 'visible', timeout: 15_000 });
    check('shield', await axe(page, [['[data-lamplight-shield]']]));
    await page.locator('[data-lamplight-shield]').getByRole('button', { name: 'Show anyway', exact: true }).click();
    await page.getByRole('button', { name: 'Bookmark', exact: true }).waitFor({ state: 'visible', timeout: 10_000 });
    check('site-page buttons', await axe(page, [['button[data-lamplight-reader-toggle]'], ['button[data-lamplight-bookmark-toggle]']]));
  });

  describe('the reader', () => {
    beforeAll(async () => {
      await setStorage({});
      await openFixture(page, WORK);
      const toggle = page.getByRole('button', { name: 'Reader mode', exact: true }).first();
      await toggle.waitFor({ state: 'visible', timeout: 10_000 });
      await toggle.click();
      await page.waitForFunction(() => document.documentElement.getAttribute('data-lamplight-reader') === 'on', undefined, {
        timeout: POLL.timeout,
      });
    });

    for (const theme of THEMES) {
      test(`${theme} theme`, async () => {
        await extensionPage.evaluate(async (t) => {
          const chrome = (globalThis as any).chrome;
          const { readerSettings } = await chrome.storage.sync.get('readerSettings');
          await chrome.storage.sync.set({ readerSettings: { ...readerSettings, theme: t }, readerSettings$: { v: 1 } });
        }, theme);
        await expect
          .poll(
            () => page.evaluate(() => document.getElementById('lamplight-reader-host')?.shadowRoot?.querySelector<HTMLElement>('[data-theme]')?.dataset.theme),
            POLL,
          )
          .toBe(theme);
        check(`reader, ${theme}`, await axe(page, [['#lamplight-reader-host']]));
      });
    }

    test('with the settings panel open', async () => {
      await page.getByRole('button', { name: 'Reader settings', exact: true }).click();
      await expect
        .poll(() => page.getByRole('button', { name: 'Reader settings', exact: true }).getAttribute('aria-expanded'), POLL)
        .toBe('true');
      check('reader settings panel', await axe(page, [['#lamplight-reader-host']]));
    });
  });

  test('popup, with rules and a bookmark', async () => {
    // The work page above was bookmarked? Not necessarily: put one in storage the way the extension does.
    await setStorage({ local: rulesItem });
    const work = await session.context.newPage();
    try {
      await openFixture(work, WORK);
      const bookmark = work.getByRole('button', { name: 'Bookmark', exact: true });
      await bookmark.waitFor({ state: 'visible', timeout: 10_000 });
      await bookmark.click();
      await expect.poll(() => bookmark.getAttribute('aria-pressed'), POLL).toBe('true');
    } finally {
      await work.close();
    }
    const popup = await session.context.newPage();
    try {
      await popup.setViewportSize({ width: 400, height: 600 });
      await popup.goto(`chrome-extension://${session.extensionId}/popup.html`);
      await popup.locator('li.shelf-item').first().waitFor({ state: 'visible', timeout: 10_000 });
      check('popup', await axe(popup));
      // The filters are in the popup's second tab.
      await popup.getByRole('tab', { name: 'Filters', exact: true }).click();
      await popup.locator('ul.rule-list').waitFor({ state: 'visible', timeout: 10_000 });
      check('popup (Filters)', await axe(popup));
    } finally {
      await popup.close();
    }
  });

  test('options page', async () => {
    const options = await session.context.newPage();
    try {
      await options.goto(`chrome-extension://${session.extensionId}/options.html`);
      await options.getByLabel('Import backup').waitFor({ state: 'attached', timeout: 10_000 });
      await options.locator('main').getByText('Major Character Death').first().waitFor({ state: 'visible', timeout: 10_000 });
      check('options', await axe(options));
    } finally {
      await options.close();
    }
  });
});

describe('Chromium: requests', () => {
  test('nothing was requested but the fixture pages the tests opened (and their own assets, refused)', () => {
    expect(chromiumAudit()).toEqual([]);
  });
});
