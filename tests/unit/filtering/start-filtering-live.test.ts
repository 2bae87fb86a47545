/**
 * The content script's filtering (entrypoints/content/filtering/index.ts `startFiltering`) after its
 * start: rule and setting changes re-judge the page live, "Hide this work" through the rule watch,
 * stop() and the context's end undo everything; and a work page's shield (./filtering-run.ts lists
 * the works named here).
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing';
import { HID_NOTICE } from '../../../entrypoints/content/filtering/placeholder';
import { COLLAPSED, HIDDEN, SHIELDED } from '../../../entrypoints/content/filtering/hold';
import { SHIELD } from '../../../entrypoints/content/filtering/shield';
import { addRule, DEFAULT_APP_SETTINGS, loadRules, saveAppSettings, saveRules } from '../../../lib/storage';
import { trustedClick } from '../../support/trusted-click';
import { buttonNamed, lamplightTraces, LISTING, loadPage, settle, workIdsMarked } from './live-page';
import {
  blurb, collapseSadRaven, dimLostwichu, has, hideMcd, MCD_WORKS, placeholders, SLOW, start, startOnListing, stopAll,
} from './filtering-run';

beforeEach(() => {
  fakeBrowser.reset();
});
afterEach(() => {
  stopAll();
  vi.restoreAllMocks();
});

describe('live changes, and stopping', () => {
  it('a rule added, changed and removed after the start re-judges the page each time', async () => {
    const filtering = await startOnListing([]);
    expect(filtering.filteredCount()).toBe(0);

    await addRule({ field: 'warning', pattern: 'Major Character Death', action: 'hide', enabled: true });
    await settle();
    expect(workIdsMarked(HIDDEN)).toEqual(MCD_WORKS);
    expect(filtering.filteredCount()).toBe(5);

    await saveRules([{ ...hideMcd, action: 'collapse' }]);
    await settle();
    expect(workIdsMarked(HIDDEN)).toEqual([]);
    expect(workIdsMarked(COLLAPSED)).toEqual(MCD_WORKS);
    expect(placeholders().map((p) => p.before)).toEqual(MCD_WORKS.map((id) => `work_${id}`));
    expect(filtering.filteredCount()).toBe(5);

    await saveRules([]);
    await settle();
    expect(workIdsMarked(COLLAPSED)).toEqual([]);
    expect(placeholders()).toEqual([]);
    expect(filtering.filteredCount()).toBe(0);
  }, SLOW);

  it('pausing filtering after the start shows every work again; resuming filters them again', async () => {
    const filtering = await startOnListing([hideMcd]);
    await saveAppSettings({ ...DEFAULT_APP_SETTINGS, filteringPaused: true });
    await settle();
    expect(workIdsMarked(HIDDEN)).toEqual([]);
    expect(filtering.filteredCount()).toBe(0);
    await saveAppSettings({ ...DEFAULT_APP_SETTINGS, filteringPaused: false });
    await settle();
    expect(workIdsMarked(HIDDEN)).toEqual(MCD_WORKS);
  }, SLOW);

  it('"Hide this work" on the listing hides that work through the rule watch; Undo shows it again', async () => {
    const filtering = await startOnListing([]);
    const disarmed = blurb('77074816');
    trustedClick(buttonNamed(disarmed, 'Hide this work'));
    await settle();
    expect(workIdsMarked(HIDDEN)).toEqual(['77074816']);
    expect(filtering.filteredCount()).toBe(1);
    const notice = disarmed.nextElementSibling!;
    expect(has(notice, HID_NOTICE)).toBe(true);
    trustedClick(buttonNamed(notice, 'Undo'));
    await settle();
    expect(workIdsMarked(HIDDEN)).toEqual([]);
    expect(await loadRules()).toEqual([]);
    expect(filtering.filteredCount()).toBe(0);
  }, SLOW);

  it('stop() takes away every mark, placeholder, note, button, summary and style, and stops watching', async () => {
    loadPage(LISTING.file, LISTING.url);
    const untouched = document.documentElement.outerHTML;
    await saveRules([hideMcd, collapseSadRaven, dimLostwichu]);
    const { filtering } = start();
    await settle();
    expect(filtering.filteredCount()).toBe(7);
    expect(lamplightTraces().length).toBeGreaterThan(0);

    const sent = vi.spyOn(browser.runtime, 'sendMessage').mockResolvedValue(undefined);
    filtering.stop();
    expect(lamplightTraces()).toEqual([]);
    expect(document.documentElement.outerHTML).toBe(untouched);

    // Stopped means stopped: rule changes and new blurbs on the page are no longer its business.
    await saveRules([{ ...dimLostwichu, action: 'hide' }]);
    const late = blurb('77074816').cloneNode(true) as HTMLElement;
    late.id = 'work_1';
    blurb('77074816').parentElement!.append(late);
    await settle();
    expect(lamplightTraces()).toEqual([]);
    expect(sent).not.toHaveBeenCalled();
  }, SLOW);

  it('the content script being invalidated stops it the same way', async () => {
    loadPage(LISTING.file, LISTING.url);
    const untouched = document.documentElement.outerHTML;
    await saveRules([hideMcd, collapseSadRaven]);
    const { ctx } = start();
    await settle();
    expect(workIdsMarked(HIDDEN)).toEqual(MCD_WORKS);
    ctx.abort();
    expect(lamplightTraces()).toEqual([]);
    expect(document.documentElement.outerHTML).toBe(untouched);
  }, SLOW);
});

describe('a work page', () => {
  const WORK = {
    file: 'ao3/work-oneshot-323217.html',
    url: 'https://archiveofourown.org/works/323217',
  };

  it('a matching work is shielded, and "Always show this work" stores an allow rule for it', async () => {
    loadPage(WORK.file, WORK.url);
    await saveRules([{ id: 'x', field: 'author', pattern: 'x_art', action: 'hide', enabled: true }]);
    const { filtering } = start(WORK.url);
    await settle();
    const story = document.getElementById('workskin')!;
    expect(has(story, SHIELDED)).toBe(true);
    expect(has(story, HIDDEN)).toBe(false);
    const shield = story.previousElementSibling!;
    expect(has(shield, SHIELD)).toBe(true);
    expect(shield.querySelector('p')?.textContent).toBe('It matches your filters: author: x_art.');
    expect(filtering.filteredCount()).toBe(1);

    trustedClick(buttonNamed(shield, 'Always show this work'));
    await settle();
    expect(await loadRules()).toEqual([
      { id: 'x', field: 'author', pattern: 'x_art', action: 'hide', enabled: true },
      { id: expect.any(String), field: 'work', pattern: 'ao3:323217', action: 'allow', enabled: true },
    ]);
    expect(has(story, SHIELDED)).toBe(false);
    expect(filtering.filteredCount()).toBe(0);
  }, SLOW);
});
