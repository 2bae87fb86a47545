/**
 * Hostile content in Chromium: the TEST-MADE pages in tests/fixtures/hostile (generate.mjs: AO3 markup,
 * invented text) served at real AO3 URLs. Their titles, creators, tags, summaries and notes hold
 * `<img src=x onerror=window.__pwned=1>`, `<script>window.__pwned=1</script>`, `javascript:` URLs,
 * right-to-left overrides, a 10,000-character tag and a blurb with 3,000 tags, HTML-escaped the way
 * AO3 serves user text (the page shows the characters; nothing in it runs).
 *
 * With rules that match the hostile tags, every place Lamplight shows that text (the placeholder, the
 * shield, the reader's shadow root, the popup's shelf and rule list, the options page) must show it
 * as literal text: `window.__pwned` stays undefined everywhere, no element is made from it, no
 * dialog opens and no error is logged.
 */
import type { ConsoleMessage, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import * as H from '../fixtures/hostile/generate.mjs';
import { chromiumAudit, launchChromium, requestLog, withInitiators, type ChromiumSession } from './chromium';
import { fixtureBytes, fixtureText } from '../support/fixtures';

const POLL = { timeout: 15_000, interval: 100 };

/** A long-tag rule: AO3 allows no `*` in tags, and the pattern length is capped, so match its middle. */
const LONG_PATTERN = `*${H.LONG_TAG.slice(9, 60)}*`;
const RULES = [
  { id: 'hostile-img', field: 'freeform', pattern: H.IMG, action: 'collapse', enabled: true },
  { id: 'hostile-script', field: 'relationship', pattern: H.RELATIONSHIP, action: 'collapse', enabled: true },
  { id: 'hostile-long', field: 'freeform', pattern: LONG_PATTERN, action: 'collapse', enabled: true },
];

let session: ChromiumSession;
let page: Page;
let extensionPage: Page;
/** Everything any tab said that a hostile string could have caused. */
const incidents: string[] = [];

function watch(p: Page, name: string): void {
  p.on('dialog', (dialog) => {
    incidents.push(`${name}: a ${dialog.type()} dialog: ${dialog.message()}`);
    void dialog.dismiss().catch(() => {});
  });
  p.on('pageerror', (error) => incidents.push(`${name}: page error: ${error.message}`));
  p.on('console', (message: ConsoleMessage) => {
    if (message.type() === 'error') incidents.push(`${name}: console error: ${message.text()}`);
  });
}

const pwned = (p: Page) => p.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned);

/**
 * Elements a hostile string would have made had it been parsed as HTML, or URLs it would have become,
 * under `selector` (in the document, or in the reader's open shadow root).
 */
async function madeFromText(p: Page, scope: 'document' | 'reader'): Promise<string[]> {
  const found = await scan(p, scope);
  if (scope === 'reader') return found;
  // The test-made page itself carries `javascript:` creator links (the adapters must ignore them): those stay.
  const own = fixtureText(`hostile/${pageFile(p)}`).split(`href="${H.JS_URL}"`).length - 1;
  const mine = found.filter((f) => f === `a[href=${H.JS_URL}]`);
  return mine.length === own ? found.filter((f) => f !== `a[href=${H.JS_URL}]`) : found;
}

const pageFile = (p: Page) => (p.url().startsWith(H.FILES.listing.url) ? H.FILES.listing.file : H.FILES.work.file);

function scan(p: Page, scope: 'document' | 'reader'): Promise<string[]> {
  return p.evaluate((where) => {
    const root: ParentNode | null | undefined =
      where === 'reader' ? document.getElementById('lamplight-reader-host')?.shadowRoot : document;
    if (!root) return ['no such root'];
    const found: string[] = [];
    for (const el of Array.from(root.querySelectorAll('*'))) {
      const tag = el.tagName.toLowerCase();
      if (tag === 'img' || tag === 'iframe' || tag === 'object' || tag === 'embed') found.push(tag);
      if (tag === 'script' && /__pwned/.test(el.textContent ?? '')) found.push('script with the hostile code');
      for (const attr of Array.from(el.attributes)) {
        if (/^on/i.test(attr.name)) found.push(`${tag}[${attr.name}]`);
        if (/^\s*javascript:/i.test(attr.value) && (attr.name === 'href' || attr.name === 'src' || attr.name === 'action'))
          found.push(`${tag}[${attr.name}=${attr.value}]`);
      }
    }
    return found;
  }, scope);
}

async function setRules(): Promise<void> {
  await extensionPage.evaluate(async (rules) => {
    const chrome = (globalThis as any).chrome;
    await Promise.all([chrome.storage.local.clear(), chrome.storage.sync.clear()]);
    await chrome.storage.local.set({ filterRules: rules, filterRules$: { v: 1 } });
  }, RULES);
}

beforeAll(async () => {
  session = await launchChromium();
  // Registered after the harness's catch-all route, so they answer first for these two URLs.
  for (const { file, url } of [H.FILES.work, H.FILES.listing]) {
    const body = fixtureBytes(`hostile/${file}`);
    await session.context.route(url, (route) =>
      route.fulfill({ status: 200, headers: { 'content-type': 'text/html; charset=utf-8' }, body }),
    );
  }
  page = await session.context.newPage();
  watch(page, 'page');
  extensionPage = await session.context.newPage();
  watch(extensionPage, 'extension page');
  await extensionPage.goto(`chrome-extension://${session.extensionId}/popup.html`);
  await setRules();
});

afterAll(async () => {
  await session?.close();
});

describe('Chromium: hostile text stays text', () => {
  test('listing: placeholders name the hostile tags literally; nothing runs, nothing is built from them', async () => {
    const response = await page.goto(H.FILES.listing.url, { waitUntil: 'domcontentloaded' });
    expect(response?.status()).toBe(200);

    const state = () =>
      page.evaluate(() =>
        Array.from(document.querySelectorAll('li.work.blurb')).map((el) => {
          const stand = el.previousElementSibling;
          return {
            id: el.id.replace('work_', ''),
            judged: el.hasAttribute('data-lamplight-judged'),
            collapsed: el.hasAttribute('data-lamplight-collapsed'),
            placeholder: stand?.hasAttribute('data-lamplight-placeholder') ? (stand.textContent ?? '') : null,
            placeholderElements: stand?.hasAttribute('data-lamplight-placeholder')
              ? Array.from(stand.querySelectorAll('*')).map((e) => e.tagName.toLowerCase())
              : [],
          };
        }),
      );
    await expect.poll(async () => (await state()).every((b) => b.judged), POLL).toBe(true);
    const blurbs = await state();
    const byId = new Map(blurbs.map((b) => [b.id, b]));
    expect(blurbs.filter((b) => b.collapsed).map((b) => b.id)).toEqual([H.LISTING_IDS.hostile, H.LISTING_IDS.manyTags, H.LISTING_IDS.longTag]);

    const hostile = byId.get(H.LISTING_IDS.hostile)!;
    expect(hostile.placeholder).toContain(H.IMG);
    expect(hostile.placeholder).toContain(H.RELATIONSHIP);
    expect(hostile.placeholder).toMatch(/Show anyway$/);
    expect(hostile.placeholderElements).toEqual(['span', 'button']);
    expect(byId.get(H.LISTING_IDS.manyTags)?.placeholder).toContain(H.IMG);
    expect(byId.get(H.LISTING_IDS.longTag)?.placeholder).toContain(LONG_PATTERN);
    for (const b of blurbs) expect(b.placeholderElements.every((t) => t === 'span' || t === 'button')).toBe(true);

    // Show anyway brings the hostile blurb back as the page had it: text, still.
    await page.locator('[data-lamplight-placeholder]').first().getByRole('button', { name: 'Show anyway', exact: true }).click();
    await expect.poll(async () => (await state())[0]?.collapsed, POLL).toBe(false);
    expect(await page.locator(`#work_${H.LISTING_IDS.hostile} h4.heading a`).first().textContent()).toBe(H.TITLE);

    expect(await pwned(page)).toBeUndefined();
    expect(await madeFromText(page, 'document')).toEqual([]);
  });

  test('work page: the shield names them literally; then Bookmark and the reader keep them text', async () => {
    const response = await page.goto(H.FILES.work.url, { waitUntil: 'domcontentloaded' });
    expect(response?.status()).toBe(200);

    const shield = page.locator('[data-lamplight-shield]');
    await shield.waitFor({ state: 'visible', timeout: 15_000 });
    const shieldText = (await shield.textContent()) ?? '';
    expect(shieldText).toContain(H.IMG);
    expect(shieldText).toContain(H.RELATIONSHIP);
    expect(await shield.evaluate((el) => Array.from(el.querySelectorAll('*')).map((e) => e.tagName.toLowerCase()))).toEqual([
      'h2',
      'p',
      'button',
      'button',
    ]);
    expect(await pwned(page)).toBeUndefined();

    await shield.getByRole('button', { name: 'Show anyway', exact: true }).click();
    await shield.waitFor({ state: 'detached', timeout: 10_000 });

    const bookmark = page.getByRole('button', { name: 'Bookmark', exact: true });
    await bookmark.waitFor({ state: 'visible', timeout: 10_000 });
    await bookmark.click();
    await expect.poll(() => bookmark.getAttribute('aria-pressed'), POLL).toBe('true');
    const saved = await session.serviceWorker.evaluate(
      async (key) => (await (globalThis as any).chrome.storage.local.get(key))[key],
      `bookmark:ao3:${H.WORK_ID}`,
    );
    expect(saved).toMatchObject({ title: H.TITLE, url: H.FILES.work.url });

    await page.getByRole('button', { name: 'Reader mode', exact: true }).first().click();
    await expect.poll(() => page.evaluate(() => document.documentElement.getAttribute('data-lamplight-reader')), POLL).toBe('on');
    const reader = await page.evaluate(() => {
      const root = document.getElementById('lamplight-reader-host')?.shadowRoot;
      const details = Array.from(root?.querySelectorAll('details') ?? []);
      for (const d of details) d.open = true;
      return {
        title: root?.querySelector('h1')?.textContent ?? null,
        byline: root?.querySelector('.byline')?.textContent ?? null,
        bylineLinks: Array.from(root?.querySelectorAll('.byline a') ?? []).map((a) => a.getAttribute('href')),
        fandoms: root?.querySelector('.fandoms')?.textContent ?? null,
        text: root?.textContent ?? '',
      };
    });
    expect(reader.title).toBe(H.TITLE);
    expect(reader.byline).toContain(H.PSEUD);
    expect(reader.bylineLinks.every((href) => href?.startsWith('https://archiveofourown.org/'))).toBe(true);
    expect(reader.fandoms).toContain(H.FANDOM);
    for (const s of [H.IMG, H.SCRIPT, H.JS_URL, H.RTL, H.SUMMARY_TEXT, H.NOTES_TEXT]) expect(reader.text).toContain(s);

    expect(await pwned(page)).toBeUndefined();
    expect(await madeFromText(page, 'reader')).toEqual([]);
    expect(await madeFromText(page, 'document')).toEqual([]);
  });

  test('popup: the shelf and the rule list show the hostile title, creator and patterns as text', async () => {
    const popup = await session.context.newPage();
    watch(popup, 'popup');
    try {
      await popup.goto(`chrome-extension://${session.extensionId}/popup.html`);
      const item = popup.locator('li.shelf-item').first();
      await item.waitFor({ state: 'visible', timeout: 10_000 });
      const shelfText = (await item.textContent()) ?? '';
      expect(shelfText).toContain(H.TITLE);
      expect(shelfText).toContain(H.PSEUD);
      await popup.getByRole('tab', { name: 'Filters', exact: true }).click(); // the rules are one tab away
      const rules = popup.locator('ul.rule-list');
      await rules.waitFor({ state: 'visible', timeout: 10_000 });
      const rulesText = (await rules.textContent()) ?? '';
      expect(rulesText).toContain(H.IMG);
      expect(rulesText).toContain(H.RELATIONSHIP);
      expect(await pwned(popup)).toBeUndefined();
      expect(await madeFromText(popup, 'document')).toEqual([]);
    } finally {
      await popup.close();
    }
  });

  test('options page: the rules table and the shelf show them as text', async () => {
    const options = await session.context.newPage();
    watch(options, 'options');
    try {
      await options.goto(`chrome-extension://${session.extensionId}/options.html`);
      await expect.poll(async () => (await options.locator('main').textContent()) ?? '', POLL).toContain(H.IMG);
      const text = (await options.locator('main').textContent()) ?? '';
      expect(text).toContain(H.RELATIONSHIP);
      expect(text).toContain(LONG_PATTERN);
      expect(text).toContain(H.TITLE);
      expect(await pwned(options)).toBeUndefined();
      expect(await madeFromText(options, 'document')).toEqual([]);
    } finally {
      await options.close();
    }
  });

  test('no dialog, no page error, no console error anywhere; the extension fetched nothing', () => {
    expect(incidents).toEqual([]);
    const fromExtension = withInitiators(requestLog).filter((r) => r.initiator === 'extension' || r.initiator === 'service-worker');
    expect(fromExtension.map((r) => r.url)).toEqual([]);
  });

  test('nothing was requested at all but the hostile pages (answered by this file’s own routes, so never logged)', () => {
    expect(chromiumAudit()).toEqual([]);
  });
});
