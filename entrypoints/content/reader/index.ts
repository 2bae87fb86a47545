/**
 * Reader mode (feature). On a work page: a "Reader mode" button in the work's navigation bar; when
 * on, the site's page is hidden and the story is shown in Lamplight's reader (./session.ts).
 *
 * Turned on by: the button (./toggle.ts); the `reader:toggle` message (./toggle-message.ts: keyboard
 * command, popup); the `#lamplight-reader` marker in the URL (./url-marker.ts: set by the reader's own
 * chapter links, so reader mode stays on across chapters); or the reader's "Open every work in reader
 * mode" setting. Opening by itself waits for the filters (./auto-open.ts). Settings: ./settings-sync.ts.
 */
import { browser, type PublicPath } from 'wxt/browser';
import { t } from '../../../lib/i18n';
import { hasReaderMarker } from '../../../lib/reader/navigation';
import type { ReaderSettings } from '../../../lib/reader/settings';
import type { Feature, Page } from '../page';
import { autoOpener, isShielded } from './auto-open';
import { createFontLoader } from './fonts';
import { HOST_ID, PAGE_STYLE_ID, READER_ATTRIBUTE } from './mount';
import { openReader, type ReaderHandle } from './session';
import { readerSettingsSync } from './settings-sync';
import { insertToggle, removeNotice, showNotice, type Toggle } from './toggle';
import { listenForToggleMessage } from './toggle-message';
import { urlMarker } from './url-marker';

export { HOST_ID, READER_ATTRIBUTE } from './mount';

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

const warn = (message: string, error?: unknown) => console.warn(`Lamplight reader: ${message}`, error ?? '');

/** Removes whatever a failed open may have left behind. */
function removeLeftovers(doc: Document): void {
  doc.getElementById(HOST_ID)?.remove();
  doc.getElementById(PAGE_STYLE_ID)?.remove();
  doc.documentElement.removeAttribute(READER_ATTRIBUTE);
}

function start(page: Page, deps: ReaderDeps, signal: AbortSignal): void {
  const doc = page.doc;
  const win: Window = doc.defaultView ?? window;
  const work = page.work();
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

  // Aborted when the feature stops: every listener and wait below ends with it.
  let handle: ReaderHandle | null = null;
  let toggle: Toggle | null = null;
  const settings = readerSettingsSync({ doc, saveDelayMs: deps.saveDelayMs, onChange: (next) => handle?.setSettings(next), warn, signal });
  const marker = urlMarker(win, warn);

  const open = (): boolean => {
    if (handle) return true;
    if (signal.aborted) return false;
    if (!work || !readable) {
      showNotice(doc, t('readerNoticeNoText'));
      return false;
    }
    if (isShielded(work)) {
      showNotice(doc, t('readerNoticeShielded', t('filterShowAnyway')));
      return false;
    }
    try {
      handle = openReader({
        doc,
        work,
        settings: settings.current(),
        prepareFont,
        navigate: (url) => {
          settings.flush();
          deps.navigate(url, win);
        },
        onExit: () => close(),
        onSettingsChange: settings.persist,
        events: page.events,
      });
    } catch (error) {
      warn('could not open reader mode.', error);
      handle = null;
      removeLeftovers(doc);
      showNotice(doc, t('readerNoticeFailed'));
      return false;
    }
    toggle?.setPressed(true);
    marker.mark();
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
    marker.unmark();
    settings.flush();
    toggle?.button.focus({ preventScroll: true });
  };

  const toggleReader = (): boolean => {
    if (handle) close();
    else open();
    return handle !== null;
  };

  if (readable) toggle = insertToggle(doc, work.navigation, toggleReader);
  listenForToggleMessage(page.messages, toggleReader, signal, warn);
  const auto = autoOpener(work, page.events, () => handle === null, open, signal);

  // Open at start: marked URL (we came here from the reader) or "Open every work in reader mode".
  const cameFromReader = hasReaderMarker(page.url) || hasReaderMarker(win.location.href);
  settings
    .load()
    .then(() => {
      if (signal.aborted) return;
      // Register a chosen shipped font now, while the site's page is still shown (see ./fonts.ts).
      if (readable) prepareFont(settings.current().font);
      if (!handle && (cameFromReader || settings.current().openAutomatically)) {
        if (readable) auto.request();
        else if (cameFromReader) open(); // says why it cannot
      }
    })
    .catch((error: unknown) => warn('start failed.', error));

  signal.addEventListener('abort', () => {
    try {
      close();
      settings.flush();
      toggle?.remove();
      fonts.remove();
      removeNotice();
    } catch (error) {
      warn('stop failed.', error);
    }
  }, { once: true });
}

/** The reader feature with its dependencies injectable (tests). */
export function createReaderFeature(overrides: Partial<ReaderDeps> = {}): Feature {
  const deps: ReaderDeps = { ...defaultDeps, ...overrides };
  return { name: 'reader', kinds: ['work'], start: (page, signal) => start(page, deps, signal) };
}

/** Reader mode on work pages. */
export const startReader: Feature = createReaderFeature();
