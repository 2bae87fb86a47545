/**
 * The content script's filtering (entrypoints/content/filtering/index.ts `startFiltering`) on the real
 * Worldbuilding listing, with rules in WXT's fake storage: which blurbs each action takes out and how,
 * allow over hide, the reader's own works, and pages where nothing is filtered (./filtering-run.ts
 * lists the works named here).
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing';
import { DIM_NOTE, DIMMED } from '../../../entrypoints/content/filtering/dim';
import { PLACEHOLDER, SUMMARY } from '../../../entrypoints/content/filtering/placeholder';
import { HIDE_ACTION } from '../../../entrypoints/content/filtering/hide-action';
import { COLLAPSED, HIDDEN, JUDGED, PENDING } from '../../../entrypoints/content/filtering/hold';
import type { Filtering } from '../../../entrypoints/content/filtering';
import { DEFAULT_APP_SETTINGS, loadRules, saveAppSettings } from '../../../lib/storage';
import { buttonNamed, LISTING, loadPage, settle, workIdsMarked } from './live-page';
import {
  ALL_WORKS, allowParlay, blurb, collapseSadRaven, dimLostwichu, has, hideMcd, MCD_WORKS, placeholders, SADRAVEN_WORKS,
  SLOW, sorted, start, startOnListing, stopAll, summary,
} from './filtering-run';

beforeEach(() => {
  fakeBrowser.reset();
});
afterEach(() => {
  stopAll();
  vi.restoreAllMocks();
});

describe('each action on the real Worldbuilding listing', () => {
  it('a hide rule hides exactly the works it matches, leaves no placeholder, and counts them', async () => {
    const sent = vi.spyOn(browser.runtime, 'sendMessage').mockResolvedValue(undefined);
    const filtering = await startOnListing([hideMcd]);
    expect(workIdsMarked(HIDDEN)).toEqual(MCD_WORKS);
    expect(workIdsMarked(COLLAPSED)).toEqual([]);
    expect(placeholders()).toEqual([]);
    expect(filtering.filteredCount()).toBe(5);
    expect(summary()).toEqual({ text: 'Lamplight filtered 5 works on this page.', hidden: false });
    // The summary line sits right before the list of works.
    expect(document.querySelector(`[${SUMMARY}]`)!.nextElementSibling).toBe(blurb('77861651').parentElement);
    // The background's badge is told the count, and each count once.
    const counts = sent.mock.calls.map(([message]) => (message as unknown as { count: number }).count);
    expect(sent.mock.calls.at(-1)?.[0]).toEqual({ type: 'badge:filtered', count: 5 });
    expect(counts.filter((count, i) => count === counts[i - 1])).toEqual([]);
  }, SLOW);

  it('a collapse rule leaves a placeholder naming the work and why right before it, and hides nothing outright', async () => {
    const filtering = await startOnListing([collapseSadRaven]);
    expect(workIdsMarked(COLLAPSED)).toEqual(SADRAVEN_WORKS);
    expect(workIdsMarked(HIDDEN)).toEqual([]);
    expect(placeholders()).toEqual([
      {
        before: 'work_75837866',
        tag: 'LI',
        text: 'Filtered (author: SadRaven1): “Game of Thrones: Wind of Change” by SadRaven1 Show anyway',
      },
      {
        before: 'work_74092391',
        tag: 'LI',
        text: 'Filtered (author: SadRaven1): “Star Wars: The Art of War” by SadRaven1 Show anyway',
      },
    ]);
    expect(filtering.filteredCount()).toBe(2);
    expect(summary()?.text).toBe('Lamplight filtered 2 works on this page.');
  }, SLOW);

  it('with titles hidden in the settings, a placeholder says only why', async () => {
    await saveAppSettings({ ...DEFAULT_APP_SETTINGS, showFilteredTitles: false });
    await startOnListing([collapseSadRaven]);
    expect(placeholders().map((p) => p.text)).toEqual([
      'Filtered: author: SadRaven1 Show anyway',
      'Filtered: author: SadRaven1 Show anyway',
    ]);
  }, SLOW);

  it('hide and collapse on one page are not swapped: hidden works have no placeholder, collapsed ones do', async () => {
    const filtering = await startOnListing([hideMcd, collapseSadRaven]);
    expect(workIdsMarked(HIDDEN)).toEqual(MCD_WORKS);
    expect(workIdsMarked(COLLAPSED)).toEqual(SADRAVEN_WORKS);
    expect(placeholders().map((p) => p.before)).toEqual(['work_75837866', 'work_74092391']);
    for (const id of MCD_WORKS) expect(blurb(id).previousElementSibling?.hasAttribute(PLACEHOLDER) ?? false).toBe(false);
    expect(filtering.filteredCount()).toBe(7);
    expect(summary()).toEqual({ text: 'Lamplight filtered 7 works on this page.', hidden: false });

    // "Show all" in the summary shows every one of them; the summary hides itself.
    buttonNamed(document.querySelector(`[${SUMMARY}]`), 'Show all')!.click();
    expect(workIdsMarked(HIDDEN)).toEqual([]);
    expect(workIdsMarked(COLLAPSED)).toEqual([]);
    expect(filtering.filteredCount()).toBe(0);
    expect(summary()?.hidden).toBe(true);
  }, SLOW);

  it('dim keeps the work in place, faded, after a "Dimmed" note, and does not count it as filtered', async () => {
    const filtering = await startOnListing([dimLostwichu]);
    expect(workIdsMarked(DIMMED)).toEqual(['77074816']);
    expect(workIdsMarked(HIDDEN)).toEqual([]);
    expect(workIdsMarked(COLLAPSED)).toEqual([]);
    const note = blurb('77074816').previousElementSibling!;
    expect(has(note, DIM_NOTE)).toBe(true);
    expect(note.tagName).toBe('LI');
    expect(note.textContent).toBe('Dimmed: author: lostwichu');
    expect(document.querySelectorAll(`[${DIM_NOTE}]`)).toHaveLength(1);
    expect(filtering.filteredCount()).toBe(0);
    expect(summary()?.hidden).toBe(true);
  }, SLOW);

  it('an allow rule beats a hide rule for the work it allows', async () => {
    const filtering = await startOnListing([hideMcd, allowParlay]);
    expect(workIdsMarked(HIDDEN)).toEqual(['77859641', '65471875', '73895506', '77265786']);
    expect(has(blurb('23306392'), JUDGED)).toBe(true);
    expect(has(blurb('23306392'), HIDDEN)).toBe(false);
    expect(filtering.filteredCount()).toBe(4);
  }, SLOW);

  it('a disabled rule filters nothing', async () => {
    const filtering = await startOnListing([{ ...hideMcd, enabled: false }]);
    expect(workIdsMarked(HIDDEN)).toEqual([]);
    expect(filtering.filteredCount()).toBe(0);
  }, SLOW);
});

describe("the reader's own works", () => {
  it('are never filtered, by hide or collapse, and get no "Hide this work" button', async () => {
    // AO3 marks the logged-in reader's own works' blurbs with the class "own".
    const filtering = await startOnListing([hideMcd, collapseSadRaven], ['23306392', '75837866']);
    expect(workIdsMarked(HIDDEN)).toEqual(['77859641', '65471875', '73895506', '77265786']);
    expect(workIdsMarked(COLLAPSED)).toEqual(['74092391']);
    expect(placeholders().map((p) => p.before)).toEqual(['work_74092391']);
    expect(has(blurb('23306392'), JUDGED)).toBe(true);
    expect(has(blurb('75837866'), JUDGED)).toBe(true);
    expect(filtering.filteredCount()).toBe(5);

    const withButton = Array.from(document.querySelectorAll(`[${HIDE_ACTION}]`)).map((p) => p.closest('li')!.id);
    expect(sorted(withButton)).toEqual(sorted(ALL_WORKS.filter((id) => id !== '23306392' && id !== '75837866').map((id) => `work_${id}`)));
  }, SLOW);
});

describe('nothing to filter: every work judged and let go', () => {
  it('no rules: blurbs are held pending while the page parses, then all judged and none filtered', async () => {
    loadPage(LISTING.file, LISTING.url);
    // As at document_start: the page is still parsing when filtering starts.
    Object.defineProperty(document, 'readyState', { value: 'loading', configurable: true });
    let filtering: Filtering;
    try {
      filtering = start().filtering;
      // More markup arrives before the rules are read: every blurb seen is held pending.
      document.body.append(document.createElement('div'));
      await Promise.resolve();
      await Promise.resolve();
      expect(workIdsMarked(PENDING)).toEqual(ALL_WORKS);
      expect(workIdsMarked(JUDGED)).toEqual([]);
    } finally {
      delete (document as unknown as { readyState?: string }).readyState;
    }
    document.dispatchEvent(new Event('DOMContentLoaded'));
    await settle();
    expect(workIdsMarked(JUDGED)).toEqual(ALL_WORKS);
    expect(workIdsMarked(PENDING)).toEqual([]);
    expect(workIdsMarked(HIDDEN)).toEqual([]);
    expect(workIdsMarked(COLLAPSED)).toEqual([]);
    expect(filtering.filteredCount()).toBe(0);
    expect(summary()?.hidden ?? true).toBe(true);
  }, SLOW);

  it('filtering paused: the rules stay stored but nothing is filtered, and every work is judged', async () => {
    await saveAppSettings({ ...DEFAULT_APP_SETTINGS, filteringPaused: true });
    const filtering = await startOnListing([hideMcd, collapseSadRaven, dimLostwichu]);
    expect(workIdsMarked(JUDGED)).toEqual(ALL_WORKS);
    expect(workIdsMarked(PENDING)).toEqual([]);
    expect(workIdsMarked(HIDDEN)).toEqual([]);
    expect(workIdsMarked(COLLAPSED)).toEqual([]);
    expect(workIdsMarked(DIMMED)).toEqual([]);
    expect(placeholders()).toEqual([]);
    expect(filtering.filteredCount()).toBe(0);
    expect((await loadRules()).map((r) => r.id)).toEqual(['mcd', 'sad', 'lost']);
  }, SLOW);
});

