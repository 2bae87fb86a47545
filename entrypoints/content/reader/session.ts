/**
 * One open reader: the host element and its shadow root, the document-level style that hides the
 * site's page, and every listener. `openReader` changes the page; `close` undoes exactly that.
 *
 * Budget: opening a 300,000-word Entire Work must stay well under 100 ms of main-thread time, closing
 * under 50 ms. The site's page is hidden with content-visibility (lib/reader/style.ts: pageCss), which
 * keeps its layout for the way back.
 * Everything is built detached, the story copied in one pass, then attached once; chapters on a
 * multi-chapter page use content-visibility so only those near the view are laid out; listeners
 * are delegated (one click, one keydown, one scroll), never per paragraph; word counts wait for
 * a timer after the first paint.
 */
import { t } from '../../../lib/i18n';
import {
  chapterCount,
  chapterKey,
  chapterListTarget,
  chapterTargets,
  withReaderMarker,
  type ChapterTarget,
} from '../../../lib/reader/navigation';
import {
  estimateWordsAfter,
  fractionRead,
  scrollFraction,
  sectionAtLazy,
  timeLeft,
  whereYouAre,
} from '../../../lib/reader/progress';
import { sameReaderSettings, type ReaderFont, type ReaderSettings } from '../../../lib/reader/settings';
import { columnWidth, measureSample, MIN_SAMPLE } from '../../../lib/reader/measure';
import { pageCss, PALETTES, readerCssVariables, resolveTheme } from '../../../lib/reader/style';
import { countWords } from '../../../lib/reader/words';
import type { Work } from '../../../lib/sites/types';
import { eventOrigin, h, isTypingTarget } from './dom';
import readerCss from './reader.css?inline';
import { readerPlace, scrollPageToPlace } from './exit-place';
import { buildSettingsPanel } from './settings-panel';
import { buildStory, storyText } from './view';
import { showTags } from './work-head';
import { setOpenReader, type SlotRenderer } from '../state/reader';
import { toolbarKey } from '../../../lib/reader/toolbar';
import { toolbarReveal } from './toolbar-reveal';

export const HOST_ID = 'lamplight-reader-host';
export const PAGE_STYLE_ID = 'lamplight-reader-page-style';
export const READER_ATTRIBUTE = 'data-lamplight-reader';

/** Something another feature renders into a slot of the reader (e.g. the bookmarks team's button). */
export type { SlotRenderer } from '../state/reader';

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
  slots?: ReadonlyMap<'bookmark', SlotRenderer>;
}

export interface ReaderHandle {
  host: HTMLElement;
  root: ShadowRoot;
  /** Apply settings changed elsewhere (another tab, the options page). */
  setSettings(settings: ReaderSettings): void;
  /** Undo every change to the page and scroll it to the paragraph the reader showed. Idempotent. */
  close(): void;
}

/** Where the reader was on the site's page, to continue there in the reader. */
function startingPoint(work: Work, win: Window): { index: number; fraction: number } | null {
  const sources = work.chapters.map((chapter) => chapter.body);
  if (win.scrollY <= 0 || sources.length === 0) return null;
  const line = win.innerHeight * 0.3;
  const index = sectionAtLazy(sources.length, (i) => sources[i]?.getBoundingClientRect().top ?? Infinity, line);
  const rect = sources[index]?.getBoundingClientRect();
  if (!rect || (index === 0 && rect.top > line)) return null;
  return { index, fraction: fractionRead(rect.top, rect.height, win.innerHeight) };
}

/** What a click acts on by itself: a tap there does not also bring the toolbar back. */
const INTERACTIVE = 'a[href],button,input,select,textarea,label,summary';

function anchorIn(scope: ParentNode, id: string): HTMLElement | null {
  const value = id.replace(/["\\]/g, '\\$&');
  return scope.querySelector<HTMLElement>(`[id="${value}"], a[name="${value}"]`);
}

export function openReader(env: ReaderEnv): ReaderHandle {
  const { doc, work } = env;
  const win: Window = doc.defaultView ?? window;
  const html = doc.documentElement;
  const body = doc.body;
  if (!body) throw new Error('The page has no body.');
  if (work.chapters.length === 0) throw new Error('The work has no chapter on this page.');

  const savedScroll = { x: win.scrollX, y: win.scrollY };
  const start = startingPoint(work, win);
  const reducedMotion = () => win.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false;
  const darkQuery = win.matchMedia?.('(prefers-color-scheme: dark)') ?? null;

  // ---- Build, detached --------------------------------------------------------------------
  const host = doc.createElement('lamplight-reader');
  host.id = HOST_ID;
  const root = host.attachShadow({ mode: 'open' });
  const style = h(doc, 'style', null, readerCss);

  const story = buildStory(doc, work);
  const sections = story.sections;
  const many = sections.length > 1;
  // Only a page of many chapters skips laying out the far ones; one chapter is laid out whole.
  if (many) story.main.classList.add('many');
  const sectionNumbers = sections.map((s) => s.number);

  // Each toolbar button: a decorative icon and its label; on a narrow screen only the icons show (reader.css).
  const icon = (glyph: string) => h(doc, 'span', { class: 'icon', 'aria-hidden': 'true' }, glyph);
  const label = (text: string) => h(doc, 'span', { class: 'label' }, text);
  const settingsId = 'll-settings';
  const listId = 'll-chapter-list';
  const exit = h(
    doc,
    'button',
    { type: 'button', 'data-action': 'exit', 'aria-pressed': 'true', title: t('readerExitTitle') },
    icon('✕'),
    label(t('readerToggle')),
  );
  const previous = h(
    doc,
    'button',
    { type: 'button', 'data-action': 'previous', hidden: true },
    icon('←'),
    label(t('readerPreviousChapter')),
  );
  const next = h(
    doc,
    'button',
    { type: 'button', 'data-action': 'next', hidden: true },
    label(t('readerNextChapter')),
    icon('→'),
  );

  // Chapter list: links, so a chapter can also be opened in a new tab (already marked for the reader).
  const current = work.currentChapter;
  const list = work.chapterList.length > 1 ? h(doc, 'ol', { class: 'chapter-list', id: listId, hidden: true }) : null;
  const listLinks: HTMLAnchorElement[] = [];
  if (list) {
    for (const entry of work.chapterList) {
      const link = h(
        doc,
        'a',
        {
          href: withReaderMarker(entry.url),
          'data-chapter': entry.number,
          'aria-current': !many && entry.number === current ? 'page' : null,
        },
        t('readerChapterListItem', entry.number, entry.title),
      );
      listLinks.push(link);
      list.append(h(doc, 'li', null, link));
    }
  }
  const listButton = list
    ? h(
        doc,
        'button',
        { type: 'button', 'data-action': 'chapters', 'aria-expanded': 'false', 'aria-controls': listId },
        icon('☰'),
        label(t('readerChapters')),
      )
    : null;

  const settingsButton = h(
    doc,
    'button',
    { type: 'button', 'data-action': 'settings', 'aria-expanded': 'false', 'aria-controls': settingsId },
    icon('Aa'),
    label(t('readerSettings')),
  );
  // What each of the reader's own buttons does. `data-action` stays on them for tests and styles
  // only: a click is matched against these elements, so story markup can never pass for a control.
  type Action = 'exit' | 'previous' | 'next' | 'settings' | 'chapters' | 'tags';
  const actions = new Map<Element, Action>([
    [exit, 'exit'],
    [previous, 'previous'],
    [next, 'next'],
    [settingsButton, 'settings'],
  ]);
  if (listButton) actions.set(listButton, 'chapters');
  const tags = story.tags;
  if (tags) actions.set(tags.button, 'tags');
  const actionOf = (origin: Element): Action | undefined => {
    for (let el: Element | null = origin; el && el !== wrapper; el = el.parentElement) {
      const action = actions.get(el);
      if (action) return action;
    }
    return undefined;
  };
  // The bookmarks feature renders its "Bookmark" button here (see registerReaderSlot in ../state/reader.ts).
  const bookmarkSlot = h(doc, 'span', { class: 'slot', 'data-lamplight-slot': 'bookmark' });

  const toolbar = h(
    doc,
    'div',
    { class: 'toolbar', role: 'group', 'aria-label': t('readerControls') },
    exit,
    h(doc, 'span', { class: 'spacer' }),
    previous,
    listButton ? h(doc, 'div', { class: 'chapters' }, listButton, list) : null,
    next,
    h(doc, 'span', { class: 'spacer' }),
    bookmarkSlot,
    settingsButton,
  );

  let settings = env.settings;
  const panel = buildSettingsPanel(doc, settingsId, settings, (changed) => {
    apply(changed);
    env.onSettingsChange(changed);
  });

  // Resuming mid-work starts with the toolbar tucked away, so it covers none of the story.
  const bar = toolbarReveal(toolbar, {
    pinned: () => !panel.element.hidden || (list !== null && !list.hidden),
    tucked: start !== null && (start.index > 0 || start.fraction > 0),
    onHeight: (px) => panel.element.style.setProperty('--ll-bar', `${px}px`),
  });

  const fill = h(doc, 'div', { class: 'progress-fill' });
  const status = h(doc, 'p', { class: 'status' });

  // "Continue" at the end of a chapter page, so nobody has to scroll back up for Next chapter.
  if (!many && work.nextUrl) {
    const upcoming = current !== null ? work.chapterList.find((c) => c.number === current + 1) : undefined;
    const label = upcoming ? t('readerContinueToChapter', upcoming.number, upcoming.title) : t('readerContinue');
    sections[0]?.element.append(
      h(doc, 'p', { class: 'continue' }, h(doc, 'a', { class: 'button', href: withReaderMarker(work.nextUrl) }, label, ' →')),
    );
  }

  const wrapper = h(
    doc,
    'div',
    { class: 'reader', id: 'll-reader', tabindex: -1, role: 'region', 'aria-label': t('readerRegion') },
    h(doc, 'div', { class: 'progress', 'aria-hidden': 'true' }, fill),
    toolbar,
    panel.element,
    status,
  );
  root.append(style, wrapper);

  const pageStyle = h(doc, 'style', { id: PAGE_STYLE_ID });

  function apply(next: ReaderSettings): void {
    settings = next;
    env.prepareFont?.(next.font);
    const prefersDark = darkQuery?.matches ?? false;
    const vars = readerCssVariables(next, prefersDark);
    for (const [name, value] of Object.entries(vars)) wrapper.style.setProperty(name, value);
    if (host.isConnected) fitColumn();
    const theme = resolveTheme(next.theme, prefersDark);
    wrapper.dataset.theme = theme;
    const css = pageCss({ hostId: HOST_ID, palette: PALETTES[theme] });
    if (pageStyle.textContent !== css) pageStyle.textContent = css;
    scheduleUpdate();
  }

  // The column holds `width` characters of this story in this font (lib/reader/measure.ts).
  const sample = measureSample(sections[0] ? storyText(sections[0].source) : '');
  const sampleWords = sample.split(' ').length;
  // The probe sits in a one-line stand-in for the story's page (same class, language, so the same font):
  // measuring inside the story itself would lay out the whole story first, and a long work twice.
  function fitColumn(): void {
    if (closed || sample.length < MIN_SAMPLE) return;
    const probe = h(doc, 'span', { class: 'measure-probe' }, sample);
    const stand = h(doc, 'article', { class: 'page', lang: work.lang ?? null, 'aria-hidden': 'true' }, probe);
    wrapper.append(stand);
    const px = columnWidth(settings.width, { width: probe.getBoundingClientRect().width, length: sample.length, words: sampleWords });
    stand.remove();
    if (px !== null) wrapper.style.setProperty('--ll-measure', `${px}px`);
  }
  // A shipped font (OpenDyslexic) arrives after the first measure.
  const fontSet = doc.fonts as FontFaceSet | undefined;
  const onFontsLoaded = () => fitColumn();

  // ---- Where you are --------------------------------------------------------------------
  let currentSection = start?.index ?? 0;
  let words: number[] | null = null;
  let frame = 0;
  let closed = false;

  const sectionTop = (i: number) => sections[i]?.element.getBoundingClientRect().top ?? Infinity;

  function targets() {
    return chapterTargets({
      sectionCount: sections.length,
      currentSection,
      prevUrl: work.prevUrl,
      nextUrl: work.nextUrl,
    });
  }

  function showNav(): void {
    const t = targets();
    previous.hidden = t.previous === null;
    next.hidden = t.next === null;
    if (many) {
      const number = sections[currentSection]?.number;
      for (const link of listLinks) {
        if (Number(link.dataset.chapter) === number) link.setAttribute('aria-current', 'location');
        else link.removeAttribute('aria-current');
      }
    }
  }

  function update(): void {
    frame = 0;
    if (closed) return;
    const vh = win.innerHeight;
    bar.onFrame(win.scrollY);
    fill.style.transform = `scaleX(${scrollFraction(win.scrollY, html.scrollHeight, vh).toFixed(4)})`;
    if (many) {
      const index = sectionAtLazy(sections.length, sectionTop, vh * 0.3);
      if (index !== currentSection) {
        currentSection = index;
        showNav();
      }
    }
    const section = sections[currentSection];
    if (!section) return;
    let time = null;
    if (words) {
      const rect = section.element.getBoundingClientRect();
      const after = many || story.oneShot
        ? words.slice(currentSection + 1).reduce((a, b) => a + b, 0)
        : estimateWordsAfter({
            workWords: work.meta.words,
            postedChapters: work.meta.chapters?.posted ?? (work.chapterList.length || null),
            chapterNumber: current ?? section.number,
          });
      time = timeLeft({
        chapterWords: words[currentSection] ?? 0,
        chapterFraction: fractionRead(rect.top, rect.height, vh, bar.covered()),
        wordsAfterChapter: after,
        wordsPerMinute: settings.wordsPerMinute,
      });
    }
    const text = whereYouAre({
      chapterNumber: many ? section.number : (current ?? null),
      chapterCount: chapterCount({
        listed: work.chapterList.length,
        posted: work.meta.chapters?.posted ?? null,
        onPage: sections.length,
      }),
      chapterTotal: work.meta.chapters?.expected ?? null,
      time,
      oneChapter: story.oneShot,
    });
    if (status.textContent !== text) status.textContent = text;
  }

  function scheduleUpdate(): void {
    if (!frame && !closed) frame = win.requestAnimationFrame(update);
  }

  // ---- Actions ---------------------------------------------------------------------------
  function jumpToSection(index: number): void {
    const section = sections[index];
    if (!section) return;
    currentSection = index;
    section.element.scrollIntoView({ block: 'start', behavior: 'auto' });
    // A new chapter: the toolbar shows, and the chapter starts below it.
    bar.reveal();
    win.scrollBy({ top: -bar.height(), left: 0, behavior: 'instant' });
    (section.heading ?? wrapper).focus({ preventScroll: true });
    showNav();
    scheduleUpdate();
  }

  function go(target: ChapterTarget | null): void {
    if (!target) return;
    if (target.kind === 'section') jumpToSection(target.index);
    else env.navigate(target.url);
  }

  function setPanel(open: boolean): void {
    panel.element.hidden = !open;
    settingsButton.setAttribute('aria-expanded', String(open));
    if (open) panel.focusFirst();
  }
  function setList(open: boolean): void {
    if (!list || !listButton) return;
    list.hidden = !open;
    listButton.setAttribute('aria-expanded', String(open));
  }

  const onClick = (event: MouseEvent) => {
    const origin = eventOrigin(event);
    if (!origin) return;
    const action = actionOf(origin);
    // A click anywhere else folds the chapter list and the settings away.
    if (list && !list.hidden && action !== 'chapters' && !list.contains(origin)) setList(false);
    if (!panel.element.hidden && action !== 'settings' && !panel.element.contains(origin)) setPanel(false);
    // A tap on the story (not on a link or control) brings the toolbar back.
    if (!action && !toolbar.contains(origin) && !panel.element.contains(origin) && !origin.closest(INTERACTIVE)) bar.reveal();
    switch (action) {
      case 'exit':
        env.onExit();
        return;
      case 'previous':
        go(targets().previous);
        return;
      case 'next':
        go(targets().next);
        return;
      case 'settings':
        setPanel(panel.element.hidden);
        return;
      case 'chapters':
        setList(list?.hidden ?? false);
        return;
      case 'tags':
        if (tags) showTags(tags, tags.panel.hidden);
        return;
    }
    const link = origin.closest<HTMLAnchorElement>('a[href]');
    if (!link || event.defaultPrevented || event.button !== 0) return;
    if (event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) return;
    // A chapter of this page in the list: jump within the reader.
    if (link.dataset.chapter && list?.contains(link)) {
      const target = chapterListTarget(Number(link.dataset.chapter), link.href, sectionNumbers);
      if (target.kind === 'section') {
        event.preventDefault();
        setList(false);
        jumpToSection(target.index);
      }
      return;
    }
    // A link to a place on this page (footnotes, "see the end notes"): find it in the reader, not the hidden page.
    let url: URL;
    try {
      url = new URL(link.href);
    } catch {
      return;
    }
    const here = new URL(win.location.href);
    if (!url.hash || url.origin !== here.origin || url.pathname !== here.pathname || url.search !== here.search) return;
    event.preventDefault();
    let id = url.hash.slice(1);
    try {
      id = decodeURIComponent(id);
    } catch {
      // keep it as written
    }
    const scope = link.closest('section.chapter');
    const target = (scope && anchorIn(scope, id)) ?? anchorIn(root, id);
    if (!target) return;
    for (let el: Element | null = target; el && el !== wrapper; el = el.parentElement) {
      if (el.tagName === 'DETAILS') (el as HTMLDetailsElement).open = true;
    }
    // Below the toolbar's place, so coming back up (which shows it) does not cover the target.
    const top = win.scrollY + target.getBoundingClientRect().top - bar.height();
    win.scrollTo({ top: Math.max(0, top), left: win.scrollX, behavior: reducedMotion() ? 'instant' : 'smooth' });
  };

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.defaultPrevented) return;
    const origin = eventOrigin(event);
    if (event.key === 'Escape') {
      if (!panel.element.hidden) {
        setPanel(false);
        settingsButton.focus();
        return;
      }
      if (list && !list.hidden) {
        setList(false);
        listButton?.focus();
      }
      return;
    }
    if (isTypingTarget(origin)) return;
    if (toolbarKey(event)) {
      bar.reveal();
      return;
    }
    const direction = chapterKey(event);
    if (!direction) return;
    const target = targets()[direction];
    if (!target) return;
    event.preventDefault();
    go(target);
  };

  const onScroll = () => scheduleUpdate();
  const onScheme = () => apply(settings);

  // ---- Attach: one insertion, then the attribute that hides the site's page --------------
  apply(settings);
  // Beside body, not in it: pageCss hides body whole (a selector Chromium can invalidate cheaply),
  // and the site's body markup is never touched. The column is measured while the reader holds only
  // its controls (a small layout; the site's page is still laid out as it was), then the story goes in,
  // then the page is hidden: one layout of the story, in the next frame.
  html.append(host);
  fitColumn();
  status.before(story.main);
  (doc.head ?? html).append(pageStyle);
  html.setAttribute(READER_ATTRIBUTE, 'on');
  setOpenReader({
    bookmarkSlot,
    chapters: sections.map((s) => ({ number: s.number, container: s.text })),
    coveredTop: () => bar.covered(),
  });
  fontSet?.addEventListener?.('loadingdone', onFontsLoaded);

  wrapper.addEventListener('click', onClick);
  doc.addEventListener('keydown', onKeyDown);
  win.addEventListener('scroll', onScroll, { passive: true });
  win.addEventListener('resize', onScroll, { passive: true });
  darkQuery?.addEventListener?.('change', onScheme);

  const slotCleanups: (() => void)[] = [];
  for (const [name, render] of env.slots ?? []) {
    const slot = name === 'bookmark' ? bookmarkSlot : null;
    if (!slot) continue;
    try {
      const cleanup = render(slot, work);
      if (cleanup) slotCleanups.push(cleanup);
    } catch (error) {
      console.warn('Lamplight: a reader add-on failed.', error);
    }
  }

  // Continue where the reader was on the site's page; otherwise start at the top.
  const resume = start && (start.index > 0 || start.fraction > 0) ? sections[start.index] : undefined;
  if (resume && start) {
    resume.element.scrollIntoView({ block: 'start', behavior: 'auto' });
    const fraction = start.fraction;
    if (fraction > 0) {
      // Next frame: the section is laid out for real by then (content-visibility), so its height is true.
      win.requestAnimationFrame(() => {
        if (closed) return;
        const rect = resume.element.getBoundingClientRect();
        const travel = rect.height - win.innerHeight;
        if (travel > 0) win.scrollTo({ top: win.scrollY + rect.top + fraction * travel, behavior: 'instant' });
      });
    }
  } else {
    win.scrollTo({ top: 0, left: 0, behavior: 'instant' });
  }
  wrapper.focus({ preventScroll: true });
  showNav();
  scheduleUpdate();

  // Word counts after the first paint: reading time is not worth delaying the story for.
  const countTimer = win.setTimeout(() => {
    if (closed) return;
    words = sections.map((s) => countWords(storyText(s.source)));
    scheduleUpdate();
  }, 50);

  return {
    host,
    root,
    setSettings(next) {
      if (closed || sameReaderSettings(next, settings)) return;
      panel.show(next);
      apply(next);
    },
    close() {
      if (closed) return;
      closed = true;
      win.clearTimeout(countTimer);
      if (frame) win.cancelAnimationFrame(frame);
      bar.stop();
      for (const cleanup of slotCleanups.splice(0)) {
        try {
          cleanup();
        } catch (error) {
          console.warn('Lamplight: a reader add-on failed to clean up.', error);
        }
      }
      // Where the reader was, measured while it is still laid out.
      const place = readerPlace(sections, win.innerHeight);
      wrapper.removeEventListener('click', onClick);
      doc.removeEventListener('keydown', onKeyDown);
      win.removeEventListener('scroll', onScroll);
      win.removeEventListener('resize', onScroll);
      darkQuery?.removeEventListener?.('change', onScheme);
      fontSet?.removeEventListener?.('loadingdone', onFontsLoaded);
      host.remove();
      pageStyle.remove();
      html.removeAttribute(READER_ATTRIBUTE);
      setOpenReader(null);
      if (!scrollPageToPlace(win, work, place, savedScroll.x)) {
        win.scrollTo({ top: savedScroll.y, left: savedScroll.x, behavior: 'instant' });
      }
    },
  };
}
