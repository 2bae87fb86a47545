/**
 * Reader mode (feature). On a work page: a "Reader mode" button in the work's navigation bar; when
 * on, the site's page is hidden and the story is shown in Lamplight's reader (./session.ts).
 *
 * Turned on by: the button; the `reader:toggle` message (keyboard command, popup); the
 * `#lamplight-reader` marker in the URL (set by the reader's own chapter links, so reader mode stays
 * on across chapters: see lib/reader/navigation.ts for why a URL marker); or the reader's
 * "Open every work in reader mode" setting.
 */
import { browser, type PublicPath } from 'wxt/browser';
import { t } from '../../../lib/i18n';
import { parseToContent } from '../../../lib/messages';
import { hasReaderMarker, withoutReaderMarker, withReaderMarker } from '../../../lib/reader/navigation';
import {
  DEFAULT_READER_SETTINGS,
  sameReaderSettings,
  type ReaderSettings,
} from '../../../lib/reader/settings';
import type { Work } from '../../../lib/sites/types';
import { loadReaderSettings, watchReaderSettings, writeReaderSettings } from '../../../lib/storage/settings';
import { readerSlots } from '../state/reader';
import { isJudging, onVerdictChange, verdictOf } from '../state/verdicts';
import type { Feature, Page } from '../page';
import { HOST_ID, openReader, PAGE_STYLE_ID, READER_ATTRIBUTE, type ReaderHandle } from './session';
import { createFontLoader } from './fonts';
import { insertToggle, removeNotice, showNotice, type Toggle } from './toggle';

export { HOST_ID, READER_ATTRIBUTE } from './session';
export { registerReaderSlot, type SlotRenderer } from '../state/reader';

export interface ReaderDeps {
  /** Leave for another URL (a chapter). */
  navigate: (url: string, win: Window) => void;
  fontUrl: (file: string) => string;
  /** How long after the last change settings are written (storage.sync has write quotas). */
  saveDelayMs: number;
}

const defaultDeps: ReaderDeps = {
  navigate: (url, win) => win.location.assign(url),
  fontUrl: (file) => browser.runtime.getURL(`/fonts/${file}` as PublicPath),
  saveDelayMs: 400,
};

/*
 * Reader mode must never show a work the filters hold back: it waits for their judgement and
 * respects the shield, both learned from the filters in memory (../state/verdicts.ts), never from
 * marks on the page, which story markup or a page script could forge.
 */
/** How long an automatic open waits for the filters' judgement (their own fail-safe is 1 s). */
const JUDGEMENT_WAIT_MS = 2000;

const warn = (message: string, error?: unknown) => console.warn(`Lamplight reader: ${message}`, error ?? '');

function readWork(page: Page): Work | null {
  try {
    return page.adapter.readWork(page.doc, page.url);
  } catch (error) {
    warn('could not read the work on this page.', error);
    return null;
  }
}

/** Removes whatever a failed open may have left behind. */
function removeLeftovers(doc: Document): void {
  doc.getElementById(HOST_ID)?.remove();
  doc.getElementById(PAGE_STYLE_ID)?.remove();
  doc.documentElement.removeAttribute(READER_ATTRIBUTE);
}

function start(page: Page, ctxInvalid: () => boolean, deps: ReaderDeps): () => void {
  const doc = page.doc;
  const win: Window = doc.defaultView ?? window;
  const work = readWork(page);
  const readable = work !== null && work.chapters.length > 0;
  const fonts = createFontLoader(doc, deps.fontUrl);
  const prepareFont = (font: ReaderSettings['font']) => {
    if (font !== 'dyslexic') return;
    try {
      fonts.ensure();
    } catch (error) {
      warn('could not register the OpenDyslexic font.', error);
    }
  };

  let settings: ReaderSettings = DEFAULT_READER_SETTINGS;
  let handle: ReaderHandle | null = null;
  let stopped = false;
  /** The URL fragment the page had before the reader marked it. */
  let hashBefore: string | null = null;
  let toggle: Toggle | null = null;

  // ---- Settings: read once, watch for changes elsewhere, write (debounced) what the panel changes.
  let pendingWrite: ReaderSettings | null = null;
  let writeTimer: ReturnType<typeof setTimeout> | undefined;
  const flush = () => {
    clearTimeout(writeTimer);
    const value = pendingWrite;
    pendingWrite = null;
    if (value) writeReaderSettings(value).catch((error: unknown) => warn('could not save settings.', error));
  };
  const persist = (value: ReaderSettings) => {
    settings = value;
    pendingWrite = value;
    clearTimeout(writeTimer);
    writeTimer = setTimeout(flush, deps.saveDelayMs);
  };
  // Leaving the page (reload, closing the tab, one of the site's links) must not drop a change still
  // waiting for the timer: write it now. `visibilitychange` covers browsers that skip `pagehide`.
  const onPageHide = () => flush();
  const onVisibility = () => {
    if (doc.visibilityState === 'hidden') flush();
  };
  win.addEventListener('pagehide', onPageHide);
  doc.addEventListener('visibilitychange', onVisibility);
  const unwatch = watchReaderSettings((next) => {
    if (stopped || pendingWrite) return; // our own change is on its way; don't bounce back to an older one
    if (sameReaderSettings(next, settings)) return;
    settings = next;
    handle?.setSettings(next);
  });

  // ---- The URL marker (see lib/reader/navigation.ts).
  const markUrl = () => {
    try {
      const href = win.location.href;
      if (hasReaderMarker(href)) {
        hashBefore ??= '';
        return;
      }
      hashBefore = win.location.hash;
      win.history.replaceState(win.history.state, '', withReaderMarker(href));
    } catch (error) {
      warn('could not mark the URL.', error);
    }
  };
  const unmarkUrl = () => {
    try {
      const href = win.location.href;
      if (hasReaderMarker(href)) win.history.replaceState(win.history.state, '', withoutReaderMarker(href, hashBefore ?? ''));
    } catch (error) {
      warn('could not restore the URL.', error);
    }
    hashBefore = null;
  };

  // ---- The filters' shield.
  const shielded = () => work !== null && verdictOf(work.content) === 'shielded';
  const awaitingJudgement = () => work !== null && verdictOf(work.content) === null && isJudging();
  let unwatchVerdicts: (() => void) | null = null;
  let judgementTimer: ReturnType<typeof setTimeout> | undefined;
  const stopWaiting = () => {
    unwatchVerdicts?.();
    unwatchVerdicts = null;
    clearTimeout(judgementTimer);
  };
  /** Opens by itself (marked URL, "open every work") once the filters let the story show. */
  const autoOpen = (waited = false): void => {
    if (handle || stopped || !work) return;
    const blocked = shielded();
    if (blocked || (!waited && awaitingJudgement())) {
      unwatchVerdicts ??= onVerdictChange(() => {
        if (shielded() || awaitingJudgement()) return;
        stopWaiting();
        autoOpen();
      });
      if (!blocked) {
        clearTimeout(judgementTimer);
        judgementTimer = setTimeout(() => {
          stopWaiting();
          autoOpen(true);
        }, JUDGEMENT_WAIT_MS);
      }
      return;
    }
    stopWaiting();
    open();
  };

  // ---- Open and close.
  const open = (): boolean => {
    if (handle) return true;
    if (stopped || ctxInvalid()) return false;
    if (!work || !readable) {
      showNotice(doc, t('readerNoticeNoText'));
      return false;
    }
    if (shielded()) {
      showNotice(doc, t('readerNoticeShielded', t('filterShowAnyway')));
      return false;
    }
    try {
      handle = openReader({
        doc,
        work,
        settings,
        prepareFont,
        navigate: (url) => {
          flush();
          deps.navigate(url, win);
        },
        onExit: () => close(),
        onSettingsChange: persist,
        slots: readerSlots(),
      });
    } catch (error) {
      warn('could not open reader mode.', error);
      handle = null;
      removeLeftovers(doc);
      showNotice(doc, t('readerNoticeFailed'));
      return false;
    }
    toggle?.setPressed(true);
    markUrl();
    return true;
  };

  const close = (): void => {
    if (!handle) return;
    const closing = handle;
    handle = null;
    try {
      closing.close();
    } catch (error) {
      warn('could not close reader mode cleanly.', error);
      removeLeftovers(doc);
    }
    toggle?.setPressed(false);
    unmarkUrl();
    flush();
    toggle?.button.focus({ preventScroll: true });
  };

  const toggleReader = (): boolean => {
    if (handle) close();
    else open();
    return handle !== null;
  };

  if (readable) toggle = insertToggle(doc, work.navigation, toggleReader);

  // ---- Keyboard command and popup: `{ type: 'reader:toggle' }` (lib/messages.ts).
  const onMessage = (message: unknown) => {
    if (parseToContent(message)?.type !== 'reader:toggle') return undefined;
    let readerOn = false;
    try {
      readerOn = toggleReader();
    } catch (error) {
      warn('toggle failed.', error);
    }
    return Promise.resolve({ readerOn });
  };
  try {
    browser.runtime.onMessage.addListener(onMessage);
  } catch (error) {
    warn('cannot listen for the reader command.', error);
  }

  // ---- Open at start: marked URL (we came here from the reader) or "Open every work in reader mode".
  const cameFromReader = hasReaderMarker(page.url) || hasReaderMarker(win.location.href);
  loadReaderSettings()
    .catch((error: unknown) => {
      warn('could not read settings; using defaults.', error);
      return DEFAULT_READER_SETTINGS;
    })
    .then((loaded) => {
      if (stopped) return;
      if (!pendingWrite) {
        settings = loaded;
        handle?.setSettings(loaded);
      }
      // Register a chosen shipped font now, while the site's page is still shown (see ./fonts.ts).
      if (readable) prepareFont(settings.font);
      if (!handle && (cameFromReader || settings.openAutomatically)) {
        if (readable) autoOpen();
        else if (cameFromReader) open(); // says why it cannot
      }
    })
    .catch((error: unknown) => warn('start failed.', error));

  return () => {
    if (stopped) return;
    stopped = true;
    try {
      stopWaiting();
      close();
      flush();
      win.removeEventListener('pagehide', onPageHide);
      doc.removeEventListener('visibilitychange', onVisibility);
      unwatch();
      browser.runtime.onMessage.removeListener(onMessage);
      toggle?.remove();
      fonts.remove();
      removeNotice();
    } catch (error) {
      warn('stop failed.', error);
    }
  };
}

/** The reader feature with its dependencies injectable (tests). */
export function createReaderFeature(overrides: Partial<ReaderDeps> = {}): Feature {
  const deps: ReaderDeps = { ...defaultDeps, ...overrides };
  return (ctx, page) => {
    if (page.kind !== 'work') return () => {};
    try {
      const stop = start(page, () => ctx.isInvalid, deps);
      ctx.onInvalidated(stop);
      return stop;
    } catch (error) {
      warn('could not start.', error);
      return () => {};
    }
  };
}

/** Reader mode on work pages. */
export const startReader: Feature = createReaderFeature();
