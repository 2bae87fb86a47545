/**
 * The reader's input: one delegated click listener on the reader and one keydown listener on the
 * document, registered with the open reader's signal. Clicks on the reader's own controls act;
 * clicks elsewhere fold the chapter list and settings away; links go to ./chapters.ts or ./links.ts.
 */
import { chapterKey } from '../../../lib/reader/navigation';
import { toolbarKey } from '../../../lib/reader/toolbar';
import { eventOrigin, isTypingTarget } from './dom';
import type { ChapterNav } from './chapters';
import { followInPageLink } from './links';
import type { OpenReader } from './open-state';
import { showTags } from './work-head';

/** What a click acts on by itself: a tap there does not also bring the toolbar back. */
const INTERACTIVE = 'a[href],button,input,select,textarea,label,summary';

/** `onExit` is the reader's own off switch. */
export function listenToControls(
  reader: Pick<OpenReader, 'doc' | 'win' | 'story' | 'shell' | 'toolbar' | 'panel' | 'bar' | 'signal'>,
  nav: ChapterNav,
  onExit: () => void,
): void {
  const { shell, toolbar, panel, bar } = reader;
  const { wrapper } = shell;
  const { tags } = reader.story;
  const { list, listButton, settingsButton } = toolbar;

  function setPanel(open: boolean): void {
    panel.element.hidden = !open;
    settingsButton.setAttribute('aria-expanded', String(open));
    if (open) panel.focusFirst();
  }

  const onClick = (event: MouseEvent) => {
    const origin = eventOrigin(event);
    if (!origin) return;
    const action = toolbar.actionOf(origin, wrapper);
    // A click anywhere else folds the chapter list and the settings away.
    if (list && !list.hidden && action !== 'chapters' && !list.contains(origin)) toolbar.setList(false);
    if (!panel.element.hidden && action !== 'settings' && !panel.element.contains(origin)) setPanel(false);
    // A tap on the story (not on a link or control) brings the toolbar back.
    if (!action && !toolbar.element.contains(origin) && !panel.element.contains(origin) && !origin.closest(INTERACTIVE)) bar.reveal();
    switch (action) {
      case 'exit':
        onExit();
        return;
      case 'previous':
        nav.go(nav.targets().previous);
        return;
      case 'next':
        nav.go(nav.targets().next);
        return;
      case 'settings':
        setPanel(panel.element.hidden);
        return;
      case 'chapters':
        toolbar.setList(list?.hidden ?? false);
        return;
      case 'tags':
        if (tags) showTags(tags, tags.panel.hidden);
        return;
    }
    const link = origin.closest<HTMLAnchorElement>('a[href]');
    if (!link || event.defaultPrevented || event.button !== 0) return;
    if (event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) return;
    if (nav.followListLink(event, link)) return;
    followInPageLink(event, link, reader);
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
        toolbar.setList(false);
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
    const target = nav.targets()[direction];
    if (!target) return;
    event.preventDefault();
    nav.go(target);
  };

  const { signal } = reader;
  wrapper.addEventListener('click', onClick, { signal });
  reader.doc.addEventListener('keydown', onKeyDown, { signal });
}
