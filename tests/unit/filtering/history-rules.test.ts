/**
 * Rules on the reading history and the dim action in the content script (happy-dom, WXT's fake
 * storage, the real Worldbuilding listing): blurbs are held until one storage `get` has read their
 * works' statuses, then judged; a dimmed blurb stays with a line saying why; a work page is never
 * dimmed, shielded for dimming, or judged on the history.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing';
import { DIM_NOTE, DIMMED } from '../../../entrypoints/content/filtering/dim';
import { createHistoryWait, fillHistory } from '../../../entrypoints/content/filtering/history-status';
import { HIDDEN, JUDGED, PENDING, SHIELDED } from '../../../entrypoints/content/filtering/hold';
import { createJudge, type Judge } from '../../../entrypoints/content/filtering/judge';
import { SHIELD } from '../../../entrypoints/content/filtering/shield';
import { verdictOf } from '../../../entrypoints/content/state/verdicts';
import { compileRules } from '../../../lib/filters/engine';
import type { Rule } from '../../../lib/filters/types';
import type { HistoryStatus } from '../../../lib/history/types';
import { ao3 } from '../../../lib/sites/ao3';
import type { Blurb } from '../../../lib/sites/types';
import { recordHistoryVisit } from '../../../lib/storage/history';
import { visit } from '../history/helpers';
import { makeWork } from '../filters/factory';
import { ao3Url, loadFixture } from '../sites/ao3-fixtures';

const URL_ = ao3Url('/tags/Worldbuilding/works');
const hideRead: Rule = { id: 'read', field: 'history', status: 'finished', action: 'hide', enabled: true };
const dimStarted: Rule = { id: 'started', field: 'history', status: 'started', action: 'dim', enabled: true };
const judges: Judge[] = [];

/** -ANATA- (1/1) read to its end; As the Waves… (4/5) finished at 2, so started; Parlay In Reverse stopped at 30. */
async function seedHistory(): Promise<void> {
  await recordHistoryVisit(visit({ workId: '77859641', chapter: 1, chapterCount: 1, reachedEnd: true }));
  await recordHistoryVisit(visit({ workId: '73895506', chapter: 2, chapterCount: 2, reachedEnd: true }));
  await recordHistoryVisit(visit({ workId: '23306392', chapter: 30, chapterCount: 33 }));
}

function listing(rules: Rule[] | null) {
  const doc = loadFixture('listing-tag-works-worldbuilding.html');
  const judge = createJudge(rules && compileRules(rules), () => {});
  judges.push(judge);
  const blurbs = Array.from(doc.querySelectorAll<HTMLElement>(ao3.blurbSelector));
  const byId = (id: string) => doc.getElementById(`work_${id}`)!;
  return { doc, judge, blurbs, byId };
}

const read = (element: HTMLElement): Blurb | null => ao3.readBlurb(element, URL_);

beforeEach(() => fakeBrowser.reset());
afterEach(() => {
  for (const judge of judges.splice(0)) judge.clear();
  vi.restoreAllMocks();
});

// A real 20-blurb listing parsed and judged in happy-dom: slower than the default 5 s on a busy machine.
const SLOW = 30_000;

describe('blurbs wait for their history, then are judged', () => {
  it('holds every blurb of the batch, reads the history in one get, then hides the read work and dims the started ones', async () => {
    await seedHistory();
    const { judge, blurbs, byId } = listing([hideRead, dimStarted]);
    const get = vi.spyOn(browser.storage.local, 'get');
    let done!: () => void;
    const finished = new Promise<void>((resolve) => (done = resolve));
    const wait = createHistoryWait(read, (el, blurb, status) => judge.judgeBlurb(el, blurb?.meta ?? null, false, status), done);

    wait.judge(blurbs);
    expect(blurbs).toHaveLength(20);
    for (const blurb of blurbs) {
      expect(blurb.hasAttribute(PENDING)).toBe(true);
      expect(blurb.hasAttribute(JUDGED)).toBe(false);
    }
    expect(wait.waiting.size).toBe(20);
    await finished;

    expect(get).toHaveBeenCalledTimes(1);
    expect(wait.waiting.size).toBe(0);
    expect(byId('77859641').hasAttribute(HIDDEN)).toBe(true);
    for (const id of ['73895506', '23306392']) {
      const blurb = byId(id);
      expect(blurb.hasAttribute(DIMMED)).toBe(true);
      expect(blurb.hasAttribute(HIDDEN)).toBe(false);
      const note = blurb.previousElementSibling!;
      expect(note.hasAttribute(DIM_NOTE)).toBe(true);
      expect(note.tagName).toBe('LI');
      expect(note.textContent).toBe('Dimmed: started');
    }
    const untouched = blurbs.filter((b) => !['work_77859641', 'work_73895506', 'work_23306392'].includes(b.id));
    for (const blurb of untouched) {
      expect(blurb.hasAttribute(JUDGED)).toBe(true);
      expect(blurb.hasAttribute(PENDING)).toBe(false);
      expect(blurb.hasAttribute(DIMMED) || blurb.hasAttribute(HIDDEN)).toBe(false);
    }
    // A dimmed work is not filtered out: only the hidden one counts.
    expect(judge.filteredCount()).toBe(1);
    judge.revealAll();
    expect(byId('73895506').hasAttribute(DIMMED)).toBe(true);
  }, SLOW);

  it('when the history cannot be read, judges the blurbs anyway (history rules then match nothing)', async () => {
    await seedHistory();
    const { judge, blurbs, byId } = listing([hideRead, dimStarted]);
    vi.spyOn(browser.storage.local, 'get').mockRejectedValue(new Error('storage gone'));
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    let done!: () => void;
    const finished = new Promise<void>((resolve) => (done = resolve));
    createHistoryWait(read, (el, blurb, status) => judge.judgeBlurb(el, blurb?.meta ?? null, false, status), done).judge(blurbs);
    await finished;
    expect(byId('77859641').hasAttribute(HIDDEN)).toBe(false);
    expect(blurbs.every((b) => b.hasAttribute(JUDGED))).toBe(true);
  }, SLOW);

  it('rules that come to need the history read it for blurbs judged without it', async () => {
    await seedHistory();
    const { judge, blurbs, byId } = listing(null);
    for (const blurb of blurbs) judge.judgeBlurb(blurb, read(blurb)!.meta, false);
    expect(judge.withoutHistory()).toHaveLength(20);
    await fillHistory(judge);
    expect(judge.withoutHistory()).toHaveLength(0);
    judge.rejudge(compileRules([hideRead, dimStarted]));
    expect(byId('77859641').hasAttribute(HIDDEN)).toBe(true);
    expect(byId('23306392').hasAttribute(DIMMED)).toBe(true);
    judge.rejudge(null);
    expect(byId('23306392').hasAttribute(DIMMED)).toBe(false);
    expect(byId('23306392').previousElementSibling?.hasAttribute(DIM_NOTE) ?? false).toBe(false);
  }, SLOW);
});

describe('a work page', () => {
  function workPage(rules: Rule[]) {
    document.body.innerHTML = '<div id="workskin">Story</div>';
    const work = document.getElementById('workskin')!;
    const judge = createJudge(compileRules(rules), () => {});
    judges.push(judge);
    judge.judgeWork(work, makeWork({ freeforms: ['Angst'] }), { onAlwaysShow: () => {} });
    return { work, judge };
  }

  it('is never shielded nor faded by a dim rule', () => {
    const { work, judge } = workPage([{ id: 'a', field: 'freeform', pattern: 'Angst', action: 'dim', enabled: true }]);
    expect(work.hasAttribute(SHIELDED)).toBe(false);
    expect(work.hasAttribute(DIMMED)).toBe(false);
    expect(work.previousElementSibling).toBeNull();
    expect(verdictOf(work)).toBe('shown');
    expect(judge.filteredCount()).toBe(0);
  });

  it('is not judged on the history: opening a work you read shows it', () => {
    const { work } = workPage([{ ...hideRead }, { id: 's', field: 'history', status: 'started' as HistoryStatus, action: 'hide', enabled: true }]);
    expect(work.previousElementSibling?.hasAttribute(SHIELD) ?? false).toBe(false);
    expect(verdictOf(work)).toBe('shown');
  });
});
