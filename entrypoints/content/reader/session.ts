/**
 * One open reader: builds it from its parts, attaches it, and on close undoes exactly what it did.
 * Parts: ./mount.ts (shadow root in, page restored), ./toolbar.ts, ./settings-panel.ts and
 * ./appearance.ts (settings applied), ./chapters.ts (chapter navigation), ./status.ts (progress and
 * where you are), ./controls.ts (clicks and keys; in-page links in ./links.ts), ./start-place.ts.
 * They share one OpenReader object (./open-state.ts) and its AbortSignal, aborted on close.
 *
 * Budget: opening a 300,000-word Entire Work must stay well under 100 ms of main-thread time, closing
 * under 50 ms. Everything is built detached, the story copied in one pass, then attached once;
 * chapters on a multi-chapter page use content-visibility so only those near the view are laid out;
 * listeners are delegated (one click, one keydown, one scroll), never per paragraph; word counts
 * wait for a timer after the first paint.
 */
import type { ReaderFont, ReaderSettings } from '../../../lib/reader/settings';
import { sameReaderSettings } from '../../../lib/reader/settings';
import { fractionRead, scrollFraction } from '../../../lib/reader/progress';
import { countWords } from '../../../lib/reader/words';
import type { Work } from '../../../lib/sites/types';
import type { PageEvents } from '../events';
import { setOpenReader, type OpenReaderView } from '../state/reader';
import { createAppearance } from './appearance';
import { addContinueLink, chapterNav, type ChapterNav } from './chapters';
import { listenToControls } from './controls';
import { readerPlace } from './exit-place';
import { attachShell, buildShell, detachShell, restorePage } from './mount';
import type { OpenReader } from './open-state';
import { buildSettingsPanel } from './settings-panel';
import { scrollToStart, startingPoint, startsMidWork } from './start-place';
import { buildStatus, statusText } from './status';
import { buildToolbar } from './toolbar';
import { toolbarReveal } from './toolbar-reveal';
import { buildStory, storyText } from './view';

export { HOST_ID, PAGE_STYLE_ID, READER_ATTRIBUTE } from './mount';

export interface ReaderEnv {
  doc: Document;
  work: Work;
  settings: ReaderSettings;
  /** Called before a font is used, so a shipped font can be registered (./fonts.ts). */
  prepareFont?: (font: ReaderFont) => void;
  /** Leave for another page (a chapter URL already carrying the reader marker). */
  navigate: (url: string) => void;
  /** The reader's own off switch was used. */
  onExit: () => void;
  /** A setting changed in the panel (already applied). */
  onSettingsChange: (settings: ReaderSettings) => void;
  /** The page's hub, told `reader:change` when the reader opens and closes. */
  events?: PageEvents;
}

export interface ReaderHandle {
  host: HTMLElement;
  root: ShadowRoot;
  /** Apply settings changed elsewhere (another tab, the options page). */
  setSettings(settings: ReaderSettings): void;
  /** Undo every change to the page and scroll it to the paragraph the reader showed. Idempotent. */
  close(): void;
}

const SETTINGS_ID = 'll-settings';

/** One animation frame of an open reader: toolbar, progress line, the chapter being read, the status line. */
function renderFrame(reader: OpenReader, nav: ChapterNav): void {
  const { win, bar } = reader;
  const vh = win.innerHeight;
  bar.onFrame(win.scrollY);
  reader.status.showProgress(scrollFraction(win.scrollY, reader.doc.documentElement.scrollHeight, vh));
  nav.follow(vh);
  const text = statusText(reader, () => {
    const rect = reader.story.sections[reader.currentSection]?.element.getBoundingClientRect();
    return rect ? fractionRead(rect.top, rect.height, vh, bar.covered()) : 0;
  });
  if (text !== null) reader.status.showText(text);
}

/** Keeps the open reader in memory (../state/reader.ts) and tells the page's features. */
function announce(env: ReaderEnv, view: OpenReaderView | null): void {
  setOpenReader(view);
  env.events?.emit('reader:change', view);
}

export function openReader(env: ReaderEnv): ReaderHandle {
  const { doc, work } = env;
  const win: Window = doc.defaultView ?? window;
  if (!doc.body) throw new Error('The page has no body.');
  if (work.chapters.length === 0) throw new Error('The work has no chapter on this page.');

  const savedScroll = { x: win.scrollX, y: win.scrollY };
  const start = startingPoint(work, win);
  const controller = new AbortController();
  const { signal } = controller;

  // ---- Build, detached --------------------------------------------------------------------
  const story = buildStory(doc, work);
  const sections = story.sections;
  const many = sections.length > 1;
  // Only a page of many chapters skips laying out the far ones; one chapter is laid out whole.
  if (many) story.main.classList.add('many');

  const toolbar = buildToolbar(doc, work, { many, tags: story.tags, settingsId: SETTINGS_ID });
  const panel = buildSettingsPanel(doc, SETTINGS_ID, env.settings, (changed) => {
    appearance.apply(changed);
    env.onSettingsChange(changed);
  });
  // Resuming mid-work starts with the toolbar tucked away, so it covers none of the story.
  const bar = toolbarReveal(toolbar.element, {
    pinned: () => !panel.element.hidden || (toolbar.list !== null && !toolbar.list.hidden),
    tucked: startsMidWork(start),
    onHeight: (px) => panel.element.style.setProperty('--ll-bar', `${px}px`),
    signal,
  });
  const status = buildStatus(doc);
  addContinueLink(doc, work, story);
  const shell = buildShell(doc, [status.progress, toolbar.element, panel.element, status.line]);

  let frame = 0;
  const reader: OpenReader = {
    doc,
    win,
    work,
    story,
    shell,
    toolbar,
    panel,
    bar,
    status,
    settings: env.settings,
    currentSection: start?.index ?? 0,
    words: null,
    signal,
    scheduleUpdate: () => {
      if (!frame && !signal.aborted) frame = win.requestAnimationFrame(update);
    },
  };
  const appearance = createAppearance(reader, env.prepareFont);
  const nav = chapterNav(reader, env.navigate);
  const update = () => {
    frame = 0;
    if (!signal.aborted) renderFrame(reader, nav);
  };

  // ---- Attach ------------------------------------------------------------------------------
  appearance.apply(reader.settings);
  attachShell(doc, shell, story.main, status.line, appearance.fitColumn);
  announce(env, {
    bookmarkSlot: toolbar.bookmarkSlot,
    chapters: sections.map((s) => ({ number: s.number, container: s.text })),
    coveredTop: () => bar.covered(),
  });
  appearance.listen();
  listenToControls(reader, nav, env.onExit);
  win.addEventListener('scroll', reader.scheduleUpdate, { passive: true, signal });
  win.addEventListener('resize', reader.scheduleUpdate, { passive: true, signal });

  // Continue where the reader was on the site's page; otherwise start at the top.
  scrollToStart(win, sections, start, signal);
  shell.wrapper.focus({ preventScroll: true });
  nav.show();
  reader.scheduleUpdate();

  // Word counts after the first paint: reading time is not worth delaying the story for.
  const countTimer = win.setTimeout(() => {
    if (signal.aborted) return;
    reader.words = sections.map((s) => countWords(storyText(s.source)));
    reader.scheduleUpdate();
  }, 50);

  return {
    host: shell.host,
    root: shell.root,
    setSettings(next) {
      if (signal.aborted || sameReaderSettings(next, reader.settings)) return;
      panel.show(next);
      appearance.apply(next);
    },
    close() {
      if (signal.aborted) return;
      controller.abort(); // every listener and observer of every part
      win.clearTimeout(countTimer);
      if (frame) win.cancelAnimationFrame(frame);
      // Where the reader was, measured while it is still laid out.
      const place = readerPlace(sections, win.innerHeight);
      detachShell(doc, shell);
      announce(env, null);
      restorePage(win, work, place, savedScroll);
    },
  };
}
