/**
 * Applies the filters' judgement to blurbs and to a work page, and takes it back cleanly.
 * Every change is recorded per element so re-judging after a rule change is exact and idempotent.
 */
import { matchWork, type CompiledRules } from '../../../lib/filters';
import type { Judgement } from '../../../lib/filters/types';
import type { HistoryStatus } from '../../../lib/history/types';
import type { WorkMeta } from '../../../lib/sites/types';
import { mark } from '../marks';
import { setVerdict, type Verdict } from '../state/verdicts';
import { createDimNote, DIMMED } from './dim';
import { COLLAPSED, HIDDEN, JUDGED, PENDING, SHIELDED } from './hold';
import { createPlaceholder } from './placeholder';
import { createRevealedMark } from './revealed';
import { createShield, type ShieldActions } from './shield';

type Shown = 'hidden' | 'collapsed' | 'shielded' | 'dimmed' | 'visible';

interface Entry {
  meta: WorkMeta | null;
  own: boolean;
  /** The work's reading status as read for this blurb; undefined: not read (history rules do not match). */
  history: HistoryStatus | null | undefined;
  shown: Shown;
  /** The reader chose "Show anyway": shown, with a mark and "Hide again", until hidden again or the page is left. */
  revealed: boolean;
  /** The placeholder, the shield, a dimmed blurb's note, or a revealed work's mark, placed right before the element. */
  standIn: HTMLElement | null;
}

export interface Judge {
  /** Judges an element for the first time (meta null: unreadable, left visible). */
  judgeBlurb(element: HTMLElement, meta: WorkMeta | null, own: boolean, history?: HistoryStatus | null): void;
  judgeWork(element: HTMLElement, meta: WorkMeta | null, actions: Pick<ShieldActions, 'onAlwaysShow'>): void;
  /** Re-applies every judged element under new rules (null: filtering off) and display settings. */
  rejudge(rules: CompiledRules | null, display?: JudgeDisplay): void;
  /** Shows every filtered work; returns the first one it showed, if any. */
  revealAll(): HTMLElement | null;
  /** Judged blurbs whose reading status has not been read (for rules that come to need it). */
  withoutHistory(): { element: HTMLElement; meta: WorkMeta }[];
  /** Keeps a blurb's reading status, for its next judgement (`rejudge`). */
  setHistory(element: HTMLElement, history: HistoryStatus | null): void;
  /** Whether an element has been judged (kept here: the page could forge any mark). */
  has(element: HTMLElement): boolean;
  /** Works currently hidden or collapsed or shielded (a dimmed work is not filtered out). */
  filteredCount(): number;
  /** Undoes every change. */
  clear(): void;
}

export interface JudgeDisplay {
  /** Placeholders name the work (title, creator). */
  showTitles: boolean;
}

const SHOW: Judgement = { action: 'show', reasons: [] };

/**
 * The button that revealed a work goes away with its placeholder or shield: focus moves to the work
 * itself, so keyboard and screen-reader users carry on from what they chose to see instead of being
 * sent back to the top of the page. The tabindex that makes it focusable goes when focus leaves.
 */
export function focusRevealed(element: HTMLElement): void {
  if (!element.hasAttribute('tabindex')) {
    element.setAttribute('tabindex', '-1');
    element.addEventListener('blur', () => element.removeAttribute('tabindex'), { once: true });
  }
  element.focus();
}

function judgementFor(entry: Entry, rules: CompiledRules | null): Judgement {
  if (!rules || !entry.meta || entry.own) return SHOW;
  try {
    return matchWork(entry.meta, rules, entry.history);
  } catch (error) {
    // Like a work that cannot be read: it stays visible. Thrown on, the error would stop the scan
    // and leave every later blurb held until the hold's fail-safe.
    console.warn('Lamplight could not judge a work; it stays visible.', error);
    return SHOW;
  }
}

function undo(element: HTMLElement, entry: Entry): void {
  element.removeAttribute(HIDDEN);
  element.removeAttribute(COLLAPSED);
  element.removeAttribute(SHIELDED);
  element.removeAttribute(DIMMED);
  entry.standIn?.remove();
  entry.standIn = null;
  entry.shown = 'visible';
}

/** Never blocks: a work page shows as it is; a blurb stays, faded, after a line saying why. */
function dim(element: HTMLElement, entry: Entry, judgement: Judgement): void {
  entry.standIn = createDimNote(element, judgement.reasons);
  element.before(entry.standIn);
  mark(element, DIMMED);
  entry.shown = 'dimmed';
}

/** `tellVerdict`: keeps a work's verdict for reader mode and the history (../state/verdicts.ts), and says so. */
export function createJudge(initialRules: CompiledRules | null, onChange: () => void, tellVerdict: (element: Element, verdict: Verdict | null) => void = setVerdict): Judge {
  let rules = initialRules;
  let display: JudgeDisplay = { showTitles: true };
  const entries = new Map<HTMLElement, Entry>();
  const workActions = new Map<HTMLElement, Pick<ShieldActions, 'onAlwaysShow'>>();

  /** Tells reader mode (through memory, never the page) whether the work may show. */
  function report(element: HTMLElement, entry: Entry): void {
    if (workActions.has(element)) tellVerdict(element, entry.shown === 'visible' ? 'shown' : 'shielded');
  }

  /** "Show anyway" (revealed) or "Hide again" (not): re-applied, focus carried to what now stands there. */
  function setRevealed(element: HTMLElement, revealed: boolean): void {
    const entry = entries.get(element);
    if (!entry) return;
    const hadFocus = entry.standIn?.contains(element.ownerDocument.activeElement) ?? false;
    entry.revealed = revealed;
    apply(element, entry);
    if (hadFocus && revealed) focusRevealed(element);
    else if (hadFocus && entry.standIn) focusRevealed(entry.standIn);
    onChange();
  }
  const reveal = (element: HTMLElement) => setRevealed(element, true);

  function apply(element: HTMLElement, entry: Entry): void {
    const judgement = judgementFor(entry, rules);
    undo(element, entry);
    if (judgement.action === 'dim') {
      if (!workActions.has(element)) dim(element, entry, judgement);
    } else if (judgement.action !== 'show' && entry.revealed) {
      entry.standIn = createRevealedMark(element, judgement.reasons, workActions.has(element), () =>
        setRevealed(element, false),
      );
      element.before(entry.standIn);
    } else if (judgement.action !== 'show') {
      const onAlwaysShow = workActions.get(element);
      if (onAlwaysShow) {
        entry.standIn = createShield(element.ownerDocument, judgement.reasons, {
          onShow: () => reveal(element),
          onAlwaysShow: () => {
            reveal(element);
            onAlwaysShow.onAlwaysShow();
          },
        });
        mark(element, SHIELDED);
        entry.shown = 'shielded';
      } else if (judgement.action === 'hide') {
        mark(element, HIDDEN);
        entry.shown = 'hidden';
      } else {
        const named = display.showTitles ? entry.meta : null;
        entry.standIn = createPlaceholder(element, judgement.reasons, named, () => reveal(element));
        mark(element, COLLAPSED);
        entry.shown = 'collapsed';
      }
      if (entry.standIn) element.before(entry.standIn);
    }
    mark(element, JUDGED);
    element.removeAttribute(PENDING);
    report(element, entry);
  }

  function judge(element: HTMLElement, meta: WorkMeta | null, own: boolean, history?: HistoryStatus | null): void {
    const entry: Entry = { meta, own, history, shown: 'visible', revealed: false, standIn: null };
    entries.set(element, entry);
    apply(element, entry);
    onChange();
  }

  return {
    judgeBlurb: (element, meta, own, history) => judge(element, meta, own, history),
    judgeWork(element, meta, actions) {
      workActions.set(element, actions);
      judge(element, meta, false);
    },
    rejudge(next, nextDisplay) {
      rules = next;
      if (nextDisplay) display = nextDisplay;
      for (const [element, entry] of entries) apply(element, entry);
      onChange();
    },
    withoutHistory: () =>
      [...entries].flatMap(([element, { meta, own, history }]) =>
        meta && !own && history === undefined && !workActions.has(element) ? [{ element, meta }] : []),
    setHistory(element, history) {
      const entry = entries.get(element);
      if (entry) entry.history = history;
    },
    has: (element) => entries.has(element),
    revealAll() {
      let first: HTMLElement | null = null;
      for (const [element, entry] of entries) {
        if (entry.shown === 'visible' || entry.shown === 'dimmed') continue;
        entry.revealed = true;
        apply(element, entry);
        first ??= element;
      }
      onChange();
      return first;
    },
    filteredCount() {
      let count = 0;
      for (const entry of entries.values()) if (entry.shown !== 'visible' && entry.shown !== 'dimmed') count++;
      return count;
    },
    clear() {
      for (const [element, entry] of entries) {
        undo(element, entry);
        element.removeAttribute(JUDGED);
        element.removeAttribute(PENDING);
        if (workActions.has(element)) tellVerdict(element, null);
      }
      entries.clear();
      workActions.clear();
    },
  };
}
