/**
 * Filtering on every page of a supported site: blurbs on listings, the shield on a work.
 * Starts at document_start so nothing filtered is ever painted; see hold.ts.
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { compileRules, type CompiledRules } from '../../../lib/filters';
import { sendToBackground } from '../../../lib/messages';
import { addRule, loadAppSettings, loadRules, watchAppSettings, watchRules } from '../../../lib/storage';
import type { SiteAdapter } from '../../../lib/sites/types';
import { mark } from '../marks';
import { rememberBlurb, setListingJudged } from '../state/blurbs';
import { setJudging } from '../state/verdicts';
import { installHold, PENDING } from './hold';
import { createJudge, focusRevealed, type JudgeDisplay } from './judge';
import { createSummary, FILTER_UI_CSS } from './placeholder';
import { addHideAction, HIDE_ACTION_CSS } from './hide-action';
import { SERIES_ACTION_CSS } from '../series-action';
import { REVEALED_CSS } from './revealed';
import { SHIELD_CSS } from './shield';

export interface Filtering {
  filteredCount(): number;
  stop(): void;
}

async function loadCompiledRules(): Promise<{ rules: CompiledRules | null; display: JudgeDisplay }> {
  const [rules, settings] = await Promise.all([loadRules(), loadAppSettings()]);
  const active = rules.filter((rule) => rule.enabled);
  return {
    rules: settings.filteringPaused || active.length === 0 ? null : compileRules(active),
    display: { showTitles: settings.showFilteredTitles },
  };
}

export function startFiltering(ctx: ContentScriptContext, adapter: SiteAdapter, url: URL): Filtering {
  const doc = document;
  const hold = installHold(doc, adapter.blurbSelector, adapter.workContentSelector);
  setJudging(true);
  const style = doc.createElement('style');
  style.dataset.lamplight = 'filter-ui';
  style.textContent = FILTER_UI_CSS + SHIELD_CSS + HIDE_ACTION_CSS + REVEALED_CSS + SERIES_ACTION_CSS;
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
  });

  const removeHideActions: (() => void)[] = [];
  let rulesLoaded = false;
  const parsing = () => doc.readyState === 'loading';

  function placeSummary(blurb: HTMLElement): void {
    const list = blurb.parentElement;
    if (!summary.element.isConnected && list) list.before(summary.element);
  }

  function judgeBlurb(element: HTMLElement): void {
    let blurb = null;
    try {
      blurb = adapter.readBlurb(element, url);
    } catch (error) {
      console.warn('Lamplight could not read a work on this page; it stays visible.', error);
    }
    rememberBlurb(element, blurb);
    judge.judgeBlurb(element, blurb?.meta ?? null, blurb?.own ?? false);
    if (blurb && !blurb.own) removeHideActions.push(addHideAction(element, blurb.meta));
    placeSummary(element);
  }

  function judgeWork(element: HTMLElement): void {
    let meta = null;
    try {
      meta = adapter.readWork(doc, url)?.meta ?? null;
    } catch (error) {
      console.warn('Lamplight could not read this work; it stays visible.', error);
    }
    judge.judgeWork(element, meta, {
      onAlwaysShow: () => {
        if (meta) void addRule({ field: 'work', pattern: `${meta.site}:${meta.id}`, action: 'allow', enabled: true });
      },
    });
  }

  /** Judges every held element whose markup is complete; marks the rest pending. */
  function scan(): void {
    for (const element of doc.querySelectorAll<HTMLElement>(adapter.blurbSelector)) {
      if (judge.has(element)) continue;
      // A blurb followed by anything has been parsed to its end tag.
      if (rulesLoaded && (!parsing() || element.nextSibling)) judgeBlurb(element);
      else mark(element, PENDING);
    }
    for (const element of doc.querySelectorAll<HTMLElement>(adapter.workContentSelector)) {
      if (judge.has(element)) continue;
      if (rulesLoaded && !parsing()) judgeWork(element);
      else mark(element, PENDING);
    }
    if (rulesLoaded && !parsing()) setListingJudged();
  }

  const observer = new MutationObserver(scan);
  observer.observe(doc.documentElement, { childList: true, subtree: true });
  const finishParsing = () => {
    observer.disconnect();
    scan();
  };
  if (parsing()) ctx.addEventListener(doc, 'DOMContentLoaded', finishParsing);

  loadCompiledRules()
    .then(({ rules, display }) => {
      judge.rejudge(rules, display);
      rulesLoaded = true;
      scan();
    })
    .catch((error) => {
      console.warn('Lamplight could not load your filters; nothing is filtered.', error);
      rulesLoaded = true;
      scan();
    });

  const reload = () => {
    loadCompiledRules().then(({ rules, display }) => judge.rejudge(rules, display), (error) => console.warn('Lamplight filters did not reload.', error));
  };
  const unwatchRules = watchRules(reload);
  const unwatchSettings = watchAppSettings(reload);

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
  };
  ctx.onInvalidated(stop);
  return { filteredCount: () => judge.filteredCount(), stop };
}
