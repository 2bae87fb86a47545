/** The background's context menus (entrypoints/background.ts): creating them, hiding from a link, bookmarking a linked work. */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import type { Rule } from '../../../lib/filters/types';
import { loadRules } from '../../../lib/storage/rules';
import { fakeTimers, settle, startBackground } from './harness';

beforeEach(() => {
  fakeBrowser.reset();
  fakeTimers();
});
afterEach(() => vi.useRealTimers());

const TAG_LINK = 'https://archiveofourown.org/tags/Major%20Character%20Death/works';
const SERIES_LINK = 'https://archiveofourown.org/series/2718';
const patternOf = (rule: Rule) => ('pattern' in rule ? rule.pattern : null);

/** A later click that does add a rule: once it is stored, the click before it has been handled too. */
async function afterOneMoreRule(background: Awaited<ReturnType<typeof startBackground>>) {
  await background.click({ menuItemId: 'tag', linkUrl: 'https://archiveofourown.org/tags/Fluff/works' });
  await vi.waitFor(async () => expect((await loadRules()).some((r) => patternOf(r) === 'Fluff')).toBe(true));
  return (await loadRules()).filter((r) => patternOf(r) !== 'Fluff');
}

describe('background: context menus', () => {
  it('creates the four link menus on install, after clearing the old ones, with English titles and AO3/FFN link patterns', async () => {
    const background = await startBackground();
    await settle();
    expect(background.create).not.toHaveBeenCalled();

    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'install', temporary: false } as never);
    await vi.waitFor(() => expect(background.create).toHaveBeenCalledTimes(4));
    expect(background.removeAll).toHaveBeenCalledTimes(1);
    expect(background.removeAll.mock.invocationCallOrder[0]).toBeLessThan(background.create.mock.invocationCallOrder[0]!);
    expect(background.create.mock.calls.map(([item]) => item)).toEqual([
      {
        id: 'tag',
        title: 'Hide works with this tag',
        contexts: ['link'],
        targetUrlPatterns: ['https://archiveofourown.org/tags/*', 'https://www.archiveofourown.org/tags/*'],
      },
      {
        id: 'author',
        title: 'Hide works by this creator',
        contexts: ['link'],
        targetUrlPatterns: [
          'https://archiveofourown.org/users/*',
          'https://www.archiveofourown.org/users/*',
          'https://www.fanfiction.net/u/*',
          'https://m.fanfiction.net/u/*',
        ],
      },
      {
        id: 'series',
        title: 'Hide works of this series',
        contexts: ['link'],
        targetUrlPatterns: ['https://archiveofourown.org/series/*', 'https://www.archiveofourown.org/series/*'],
      },
      {
        id: 'bookmark-work',
        title: 'Bookmark this work',
        contexts: ['link'],
        targetUrlPatterns: [
          'https://archiveofourown.org/works/*',
          'https://www.archiveofourown.org/works/*',
          'https://www.fanfiction.net/s/*',
          'https://m.fanfiction.net/s/*',
        ],
      },
    ]);
  });
});

describe('background: hiding from a link', () => {
  it('"Hide works with this tag" on an AO3 tag link adds a collapse rule on that tag', async () => {
    const background = await startBackground();
    await background.click({ menuItemId: 'tag', linkUrl: TAG_LINK });
    await vi.waitFor(async () =>
      expect(await loadRules()).toEqual([
        { id: expect.any(String), field: 'tag', pattern: 'Major Character Death', action: 'collapse', enabled: true },
      ]),
    );
  });

  it('"Hide works by this creator" adds an author rule on the account: AO3 login (not the pseud), FFN pen name', async () => {
    const background = await startBackground();
    await background.click({ menuItemId: 'author', linkUrl: 'https://archiveofourown.org/users/quietwriter/pseuds/Q' });
    await background.click({ menuItemId: 'author', linkUrl: 'https://www.fanfiction.net/u/1234/J-K-Rowling' });
    await vi.waitFor(async () =>
      expect((await loadRules()).map((r) => ({ field: r.field, pattern: patternOf(r), action: r.action }))).toEqual([
        { field: 'author', pattern: 'quietwriter', action: 'collapse' },
        { field: 'author', pattern: 'J*K*Rowling', action: 'collapse' },
      ]),
    );
  });

  it('"Hide works of this series" adds a series rule ao3:<id>, named by Firefox\'s link text (trimmed, at most 200 characters)', async () => {
    const background = await startBackground();
    await background.click({ menuItemId: 'series', linkUrl: SERIES_LINK, linkText: '  The Long Winter  ' });
    await background.click({ menuItemId: 'series', linkUrl: 'https://archiveofourown.org/series/99', linkText: 'x'.repeat(250) });
    await vi.waitFor(async () => expect(await loadRules()).toHaveLength(2));
    const [named, long] = await loadRules();
    expect(named).toEqual({
      id: expect.any(String),
      field: 'series',
      pattern: 'ao3:2718',
      action: 'collapse',
      enabled: true,
      seriesTitle: 'The Long Winter',
    });
    expect(long).toMatchObject({ field: 'series', pattern: 'ao3:99', seriesTitle: 'x'.repeat(200) });
  });

  it('a series rule from Chrome (no link text) has no name; link text on a tag link is not kept', async () => {
    const background = await startBackground();
    await background.click({ menuItemId: 'series', linkUrl: SERIES_LINK });
    await background.click({ menuItemId: 'tag', linkUrl: TAG_LINK, linkText: 'Major Character Death' });
    await vi.waitFor(async () => expect(await loadRules()).toHaveLength(2));
    const rules = await loadRules();
    expect(rules.map((r) => [r.field, patternOf(r)])).toEqual([
      ['series', 'ao3:2718'],
      ['tag', 'Major Character Death'],
    ]);
    for (const rule of rules) expect(rule).not.toHaveProperty('seriesTitle');
  });

  it('adds nothing for a link off the supported sites, a menu that does not fit the link, or no link', async () => {
    const background = await startBackground();
    await background.click({ menuItemId: 'tag', linkUrl: 'https://example.com/tags/Major%20Character%20Death/works' });
    await background.click({ menuItemId: 'author', linkUrl: TAG_LINK });
    await background.click({ menuItemId: 'tag', linkUrl: SERIES_LINK });
    await background.click({ menuItemId: 'tag' });
    expect(await afterOneMoreRule(background)).toEqual([]);
  });

  it('the same link twice adds one rule', async () => {
    const background = await startBackground();
    await background.click({ menuItemId: 'tag', linkUrl: TAG_LINK });
    await background.click({ menuItemId: 'tag', linkUrl: TAG_LINK });
    expect((await afterOneMoreRule(background)).map(patternOf)).toEqual(['Major Character Death']);
  });
});

describe('background: "Bookmark this work" on a link', () => {
  it('asks the content script of the clicked tab to bookmark the linked work, and adds no rule', async () => {
    const background = await startBackground();
    await background.click({ menuItemId: 'bookmark-work', linkUrl: 'https://archiveofourown.org/works/4242' }, { id: 12 });
    expect(background.sendToTab).toHaveBeenCalledTimes(1);
    expect(background.sendToTab).toHaveBeenCalledWith(12, { type: 'bookmark:link', url: 'https://archiveofourown.org/works/4242' });
    expect(await afterOneMoreRule(background)).toEqual([]);
  });

  it('sends nothing without a tab or a link', async () => {
    const background = await startBackground();
    await background.click({ menuItemId: 'bookmark-work', linkUrl: 'https://archiveofourown.org/works/4242' });
    await background.click({ menuItemId: 'bookmark-work', linkUrl: 'https://archiveofourown.org/works/4242' }, {});
    await background.click({ menuItemId: 'bookmark-work' }, { id: 12 });
    await settle();
    expect(background.sendToTab).not.toHaveBeenCalled();
  });
});
