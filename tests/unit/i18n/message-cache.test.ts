/**
 * Messages kept for the content scripts (lib/storage/message-cache.ts, lib/keep-messages.ts): a page
 * fills its texts from the kept templates without asking browser.i18n, exactly as getMessage would,
 * and falls back to the browser when they are missing, stale or not what Lamplight wrote.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { t, tn, useMessageTemplates } from '../../../lib/i18n';
import { keepMessages, keepMessagesForPages, messageKeys } from '../../../lib/keep-messages';
import { loadMessageCache, saveMessageCache } from '../../../lib/storage/message-cache';

const VERSION = '1.2.3';
const english = readFileSync(path.resolve('public/_locales/en/messages.json'), 'utf8');

beforeEach(() => {
  fakeBrowser.reset();
  vi.spyOn(browser.runtime, 'getManifest').mockReturnValue({ manifest_version: 3, name: 'Lamplight', version: VERSION });
  vi.spyOn(browser.runtime, 'getURL').mockImplementation((file: string) => `chrome-extension://lamplight${file}`);
  vi.stubGlobal('fetch', vi.fn(async (url: string) => {
    expect(url).toBe('chrome-extension://lamplight/_locales/en/messages.json');
    return new Response(english);
  }));
});
afterEach(() => {
  useMessageTemplates(null);
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

const cache = (templates: Record<string, string>, over: { version?: string; language?: string } = {}) => ({
  version: over.version ?? VERSION,
  language: over.language ?? 'en',
  templates,
});

describe('a page with kept messages', () => {
  it('fills them without asking the browser, as getMessage would (missing substitutions give nothing)', () => {
    useMessageTemplates(cache({ filterHideWork: 'Hide it', filterHidWork: 'Gone: \u00000\u0000 by \u00001\u0000.' }));
    const getMessage = vi.spyOn(browser.i18n, 'getMessage');
    expect(t('filterHideWork')).toBe('Hide it');
    expect(t('filterHidWork', 'A $1 Title', 'someone')).toBe('Gone: A $1 Title by someone.');
    expect(t('filterHidWork', 'Alone')).toBe('Gone: Alone by .');
    expect(getMessage).not.toHaveBeenCalled();
  });

  it('asks the browser for a key they lack', () => {
    useMessageTemplates(cache({}));
    const getMessage = vi.spyOn(browser.i18n, 'getMessage');
    expect(t('filterHideWorkLabel', 'Title')).toBe('Hide this work: Title');
    expect(getMessage).toHaveBeenCalledTimes(1);
  });

  it('takes plural forms from them; a form kept empty falls back to the "other" form', () => {
    useMessageTemplates(cache({ filterSummary_one: 'one work: \u00000\u0000', filterSummary_other: 'works: \u00000\u0000' }));
    expect(tn('filterSummary', 1)).toBe('one work: 1');
    expect(tn('filterSummary', 4)).toBe('works: 4');
  });

  it('ignores messages kept for another version or language, and forgets them when told there are none', () => {
    for (const stale of [cache({ filterHideWork: 'Old' }, { version: '1.2.2' }), cache({ filterHideWork: 'Alt' }, { language: 'de' })]) {
      useMessageTemplates(stale);
      expect(t('filterHideWorkLabel', 'X')).toBe('Hide this work: X');
    }
    useMessageTemplates(cache({ filterHideWorkLabel: 'Kept: \u00000\u0000' }));
    expect(t('filterHideWorkLabel', 'X')).toBe('Kept: X');
    useMessageTemplates(null);
    expect(t('filterHideWorkLabel', 'X')).toBe('Hide this work: X');
  });
});

describe('the kept messages in storage', () => {
  it('reads back what was saved, and nothing when the stored value is not a message cache', async () => {
    expect(await loadMessageCache()).toBeNull();
    await saveMessageCache(cache({ a: 'b' }));
    expect(await loadMessageCache()).toEqual(cache({ a: 'b' }));
    for (const bad of [42, 'text', [], { version: VERSION, language: 'en' }, { version: 1, language: 'en', templates: {} }, cache({ a: 5 as unknown as string })]) {
      await browser.storage.local.set({ messageCache: bad });
      expect(await loadMessageCache()).toBeNull();
    }
  });
});

describe('the background keeping them', () => {
  it('lists every English key, and every plural form of the plural ones', () => {
    expect(messageKeys({ a: {}, count_one: {}, count_other: {} })).toEqual([
      'a',
      'count_one',
      'count_zero',
      'count_two',
      'count_few',
      'count_many',
      'count_other',
    ]);
  });

  it('keeps a template of every message for this version and language', async () => {
    await keepMessages();
    const kept = await loadMessageCache();
    expect(kept?.version).toBe(VERSION);
    expect(kept?.language).toBe('en');
    expect(kept?.templates.filterHideWork).toBe('Hide this work');
    expect(kept?.templates.filterHideWorkLabel).toBe('Hide this work: \u00000\u0000');
    expect(kept?.templates.filterSummary_few).toBe('');
    expect(Object.keys(kept?.templates ?? {}).length).toBeGreaterThan(600);
  });

  it('keeps them again whenever they are removed', async () => {
    keepMessagesForPages();
    await keepMessages();
    await browser.storage.local.clear();
    await vi.waitFor(async () => expect((await loadMessageCache())?.templates.filterHideWork).toBe('Hide this work'));
  });
});
