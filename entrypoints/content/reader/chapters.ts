/**
 * Chapter navigation in the reader: previous and next (a section of this page, or another chapter's
 * page, marked so the reader stays on), the chapter list, following which section is read on a page
 * of many chapters, and "Continue" at the end of a chapter page.
 */
import { t } from '../../../lib/i18n';
import {
  chapterListTarget,
  chapterTargets,
  withReaderMarker,
  type ChapterTarget,
  type ChapterTargets,
} from '../../../lib/reader/navigation';
import { sectionAtLazy } from '../../../lib/reader/progress';
import type { Work } from '../../../lib/sites/types';
import { h } from './dom';
import type { OpenReader } from './open-state';
import type { Story } from './view';

export interface ChapterNav {
  targets(): ChapterTargets;
  /** Shows previous/next as the current section allows and marks it in the chapter list. */
  show(): void;
  /** A scroll frame on a page of many chapters: the section at the reading line becomes current. */
  follow(viewHeight: number): void;
  jumpTo(index: number): void;
  go(target: ChapterTarget | null): void;
  /** A click on a link of the chapter list: true when it is one (a section here is jumped to). */
  followListLink(event: Event, link: HTMLAnchorElement): boolean;
}

/** `navigate` leaves for another chapter's page. */
export function chapterNav(
  reader: Pick<OpenReader, 'win' | 'work' | 'story' | 'shell' | 'toolbar' | 'bar' | 'currentSection' | 'scheduleUpdate'>,
  navigate: (url: string) => void,
): ChapterNav {
  const { win, work, toolbar, bar } = reader;
  const sections = reader.story.sections;
  const many = sections.length > 1;
  const sectionNumbers = sections.map((s) => s.number);
  const sectionTop = (i: number) => sections[i]?.element.getBoundingClientRect().top ?? Infinity;

  const targets = () =>
    chapterTargets({
      sectionCount: sections.length,
      currentSection: reader.currentSection,
      prevUrl: work.prevUrl,
      nextUrl: work.nextUrl,
    });

  function show(): void {
    const { previous, next } = targets();
    toolbar.previous.hidden = previous === null;
    toolbar.next.hidden = next === null;
    if (many) {
      const number = sections[reader.currentSection]?.number;
      for (const link of toolbar.listLinks) {
        if (Number(link.dataset.chapter) === number) link.setAttribute('aria-current', 'location');
        else link.removeAttribute('aria-current');
      }
    }
  }

  function jumpTo(index: number): void {
    const section = sections[index];
    if (!section) return;
    reader.currentSection = index;
    section.element.scrollIntoView({ block: 'start', behavior: 'auto' });
    // A new chapter: the toolbar shows, and the chapter starts below it.
    bar.reveal();
    win.scrollBy({ top: -bar.height(), left: 0, behavior: 'instant' });
    (section.heading ?? reader.shell.wrapper).focus({ preventScroll: true });
    show();
    reader.scheduleUpdate();
  }

  function go(target: ChapterTarget | null): void {
    if (!target) return;
    if (target.kind === 'section') jumpTo(target.index);
    else navigate(target.url);
  }

  return {
    targets,
    show,
    follow(viewHeight) {
      if (!many) return;
      const index = sectionAtLazy(sections.length, sectionTop, viewHeight * 0.3);
      if (index === reader.currentSection) return;
      reader.currentSection = index;
      show();
    },
    jumpTo,
    go,
    followListLink(event, link) {
      if (!link.dataset.chapter || !toolbar.list?.contains(link)) return false;
      const target = chapterListTarget(Number(link.dataset.chapter), link.href, sectionNumbers);
      if (target.kind === 'section') {
        event.preventDefault();
        toolbar.setList(false);
        jumpTo(target.index);
      }
      return true;
    },
  };
}

/** "Continue" at the end of a chapter page, so nobody has to scroll back up for Next chapter. */
export function addContinueLink(doc: Document, work: Work, story: Story): void {
  if (story.sections.length > 1 || !work.nextUrl) return;
  const current = work.currentChapter;
  const upcoming = current !== null ? work.chapterList.find((c) => c.number === current + 1) : undefined;
  const label = upcoming ? t('readerContinueToChapter', upcoming.number, upcoming.title) : t('readerContinue');
  story.sections[0]?.element.append(
    h(doc, 'p', { class: 'continue' }, h(doc, 'a', { class: 'button', href: withReaderMarker(work.nextUrl) }, label, ' →')),
  );
}
