/**
 * Filtering on every page of a supported site: blurbs on listings, the shield on a work.
 * Starts at document_start so nothing filtered is ever painted; see hold.ts.
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { compileRules, type CompiledRules } from '../../../lib/filters';
import type { HistoryStatus } from '../../../lib/history/types';
import { sendToBackground } from '../../../lib/messages';
import { addRule, loadAppSettings, loadRules, watchAppSettings, watchRules } from '../../../lib/storage';
import type { Blurb, SiteAdapter, Work } from '../../../lib/sites/types';
import { createEventHub, type PageEvents } from '../events';
import { mark } from '../marks';
import { rememberBlurb, setListingJudged } from '../state/blurbs';
import { setJudging, setVerdict, type Verdict } from '../state/verdicts';
import { DIM_CSS } from './dim';
import { createHistoryWait, fillHistory } from './history-status';
import { installHold, PENDING } from './hold';
import { createJudge, focusRevealed, type JudgeDisplay } from './judge';
import { createSummary, FILTER_UI_CSS } from './placeholder';
import { addHideAction, HIDE_ACTION_CSS } from './hide-action';
import { REVEALED_CSS } from './revealed';
import { SHIELD_CSS } from './shield';
import { filterOnSite } from './site-filter';

export interface Filtering {
  filteredCount(): number;
  stop(): void;
}

/** `firstLoad`: the page's site and address, on the first load only (for "Filter on AO3 too", ./site-filter.ts). */
async function loadCompiledRules(firstLoad?: { adapter: SiteAdapter; url: URL }): Promise<{ rules: CompiledRules | null; display: JudgeDisplay }> {
  const [rules, settings] = await Promise.all([loadRules(), loadAppSettings()]);
  if (firstLoad) filterOnSite(firstLoad.adapter, firstLoad.url, rules, settings);
  const active = rules.filter((rule) => rule.enabled);
  return {
    rules: settings.filteringPaused || active.length === 0 ? null : compileRules(active),
    display: { showTitles: settings.showFilteredTitles },
  };
}

/** The blurb's work as the adapter reads it (null: unreadable, left visible), remembered for later features. */
function readBlurbOf(adapter: SiteAdapter, element: HTMLElement, url: URL): Blurb | null {
  let blurb = null;
  try {
    blurb = adapter.readBlurb(element, url);
  } catch (error) {
    console.warn('Lamplight could not read a work on this page; it stays visible.', error);
  }
  rememberBlurb(element, blurb);
  return blurb;
}

/** Keeps a work's verdict in memory (../state/verdicts.ts) and tells the page's hub: reader mode and the history listen. */
const verdictTeller = (events: PageEvents) => (element: Element, verdict: Verdict | null) => {
  setVerdict(element, verdict);
  events.emit('filter:verdicts');
};

/**
 * `readWork`: the page's work, read once for every feature (../page.ts workReader). `events`: the
 * page's hub, told `filter:verdicts` whenever the work's verdict or the judging changes.
 */
export function startFiltering(ctx: ContentScriptContext, adapter: SiteAdapter, url: URL, readWork: () => Work | null, events: PageEvents = createEventHub()): Filtering {
  const doc = document;
  const hold = installHold(doc, adapter.blurbSelector, adapter.workContentSelector);
  setJudging(true);
  const style = doc.createElement('style');
  style.dataset.lamplight = 'filter-ui';
  style.textContent = FILTER_UI_CSS + SHIELD_CSS + HIDE_ACTION_CSS + REVEALED_CSS + DIM_CSS;
  (doc.head ?? doc.documentElement).append(style);

  let lastReported = -1;
  const summary = createSummary(doc, () => {
    // The summary hides itself once nothing is filtered: take focus along to the first work shown.
    const hadFocus = summary.element.contains(doc.activeElement);
    const first = judge.revealAll();
    if (hadFocus && first) focusRevealed(first);
  });
  const judge = createJudge(null, () => {
    const count = judge.filteredCount();
    summary.update(count);
    if (count !== lastReported) {
      lastReported = count;
      void sendToBackground({ type: 'badge:filtered', count });
    }
  }, verdictTeller(events));

  const removeHideActions: (() => void)[] = [];
  let rulesLoaded = false;
  /** An enabled rule asks for the reading history: blurbs wait (held) for their works' statuses. */
  let needsHistory = false;
  const parsing = () => doc.readyState === 'loading';

  const readBlurb = (element: HTMLElement) => readBlurbOf(adapter, element, url);

  function judgeBlurb(element: HTMLElement, blurb: Blurb | null, history?: HistoryStatus | null): void {
    judge.judgeBlurb(element, blurb?.meta ?? null, blurb?.own ?? false, history);
    if (blurb && !blurb.own) removeHideActions.push(addHideAction(element, blurb.meta));
    const list = element.parentElement;
    if (!summary.element.isConnected && list) list.before(summary.element);
  }

  function judgeWork(element: HTMLElement): void {
    const meta = readWork()?.meta ?? null;
    judge.judgeWork(element, meta, {
      onAlwaysShow: () => {
        if (meta) void addRule({ field: 'work', pattern: `${meta.site}:${meta.id}`, action: 'allow', enabled: true });
      },
    });
  }

  const listingDone = () => {
    if (rulesLoaded && !parsing() && history.waiting.size === 0) setListingJudged();
  };
  const history = createHistoryWait(readBlurb, judgeBlurb, listingDone);

  /** Judges every held element whose markup is complete; marks the rest pending. */
  function scan(): void {
    const batch: HTMLElement[] = [];
    for (const element of doc.querySelectorAll<HTMLElement>(adapter.blurbSelector)) {
      if (judge.has(element) || history.waiting.has(element)) continue;
      // A blurb followed by anything has been parsed to its end tag.
      if (!rulesLoaded || (parsing() && !element.nextSibling)) mark(element, PENDING);
      else if (needsHistory) batch.push(element);
      else judgeBlurb(element, readBlurb(element));
    }
    if (batch.length > 0) history.judge(batch);
    for (const element of doc.querySelectorAll<HTMLElement>(adapter.workContentSelector)) {
      if (judge.has(element)) continue;
      if (rulesLoaded && !parsing()) judgeWork(element);
      else mark(element, PENDING);
    }
    listingDone();
  }

  const observer = new MutationObserver(scan);
  observer.observe(doc.documentElement, { childList: true, subtree: true });
  const finishParsing = () => {
    observer.disconnect();
    scan();
  };
  if (parsing()) ctx.addEventListener(doc, 'DOMContentLoaded', finishParsing);

  loadCompiledRules({ adapter, url })
    .then(({ rules, display }) => {
      needsHistory = rules?.needsHistory ?? false;
      judge.rejudge(rules, display);
    })
    .catch((error) => console.warn('Lamplight could not load your filters; nothing is filtered.', error))
    .finally(() => {
      rulesLoaded = true;
      scan();
    });

  /** New rules: blurbs judged without their reading status get it first when the rules need it. */
  const reload = async () => {
    const { rules, display } = await loadCompiledRules();
    needsHistory = rules?.needsHistory ?? false;
    if (needsHistory) await fillHistory(judge);
    judge.rejudge(rules, display);
  };
  const onChange = () => void reload().catch((error: unknown) => console.warn('Lamplight filters did not reload.', error));
  const unwatchRules = watchRules(onChange);
  const unwatchSettings = watchAppSettings(onChange);

  const stop = () => {
    observer.disconnect();
    unwatchRules();
    unwatchSettings();
    judge.clear();
    for (const remove of removeHideActions) remove();
    summary.element.remove();
    style.remove();
    hold.release();
    setJudging(false);
    events.emit('filter:verdicts');
  };
  ctx.onInvalidated(stop);
  return { filteredCount: () => judge.filteredCount(), stop };
}
