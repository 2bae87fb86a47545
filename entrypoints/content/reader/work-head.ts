/**
 * The reader's header: title, byline and fandoms; the rating and archive warnings always in view; the
 * other tags one click away behind **Show tags** (as AO3 folds them); then the work's summary and notes,
 * folded (built by ./view.ts). Labels come from the adapter (Work.labels) and every tag is a text node:
 * a tag that reads like markup stays text.
 */
import { listOf, t, type MessageKey } from '../../../lib/i18n';
import type { TagGroup, Work } from '../../../lib/sites/types';
import { withNodes } from '../words';
import { h, type Child } from './dom';

/** The Show tags button and the tags it shows; session.ts routes the button's clicks to `showTags`. */
export interface TagsDisclosure {
  button: HTMLButtonElement;
  panel: HTMLElement;
}

const TAGS_ID = 'll-tags';

const GROUP_LABEL: Record<TagGroup['kind'], MessageKey> = {
  categories: 'readerHeadCategories',
  relationships: 'readerHeadRelationships',
  characters: 'readerHeadCharacters',
  freeforms: 'readerHeadFreeforms',
  genres: 'readerHeadGenres',
};

function byline(doc: Document, work: Work): HTMLElement | null {
  const { authors, anonymous } = work.meta;
  if (authors.length === 0) return anonymous ? h(doc, 'p', { class: 'byline' }, t('readerBylineAnonymous')) : null;
  const names = authors.map((author) => {
    const name = author.login && author.login !== author.pseud ? `${author.pseud} (${author.login})` : author.pseud;
    return author.url ? h(doc, 'a', { href: author.url }, name) : name;
  });
  // "by A, B and C": the message is put together with a mark for each creator, then the marks become the links.
  const parts = withNodes((...marks) => {
    const last = marks.length > 1 ? marks.pop()! : null;
    const list = last === null ? listOf(marks) : t('readerAuthorsLast', listOf(marks), last);
    return t('readerByline', list);
  }, names);
  return h(doc, 'p', { class: 'byline' }, ...parts);
}

/** Tags as a list (commas come from reader.css), so a screen reader hears how many there are. */
function tagList(doc: Document, tags: readonly string[]): HTMLElement {
  return h(doc, 'ul', { class: 'tag-list' }, ...tags.map((tag) => h(doc, 'li', null, tag)));
}

function entry(doc: Document, label: string, value: Child): HTMLElement {
  return h(doc, 'div', null, h(doc, 'dt', null, label), h(doc, 'dd', null, value));
}

/** "Rating: Mature" and "Archive warnings: …", whatever of them the site has. */
function ratingAndWarnings(doc: Document, work: Work): HTMLElement | null {
  const { rating, ratingMeaning, warnings } = work.labels;
  const entries: HTMLElement[] = [];
  if (rating) {
    const value = ratingMeaning ? t('readerHeadRatingMeaning', rating, ratingMeaning) : rating;
    entries.push(entry(doc, t('readerHeadRating'), value));
  }
  if (warnings && warnings.length > 0) entries.push(entry(doc, t('readerHeadWarnings'), tagList(doc, warnings)));
  return entries.length > 0 ? h(doc, 'dl', { class: 'labels' }, ...entries) : null;
}

function tagsDisclosure(doc: Document, work: Work): TagsDisclosure | null {
  const groups = work.labels.tagGroups;
  if (groups.length === 0) return null;
  const panel = h(
    doc,
    'dl',
    { class: 'tags', id: TAGS_ID, hidden: true },
    ...groups.map((group) => entry(doc, t(GROUP_LABEL[group.kind]), tagList(doc, group.tags))),
  );
  const button = h(
    doc,
    'button',
    { type: 'button', class: 'tags-toggle', 'aria-expanded': 'false', 'aria-controls': TAGS_ID },
    t('readerHeadShowTags'),
  );
  return { button, panel };
}

/** Shows or hides the tags; the button says what it will do next. */
export function showTags(tags: TagsDisclosure, shown: boolean): void {
  tags.panel.hidden = !shown;
  tags.button.setAttribute('aria-expanded', String(shown));
  tags.button.textContent = t(shown ? 'readerHeadHideTags' : 'readerHeadShowTags');
}

/** The header, detached; `folded` (summary, notes) goes last. */
export function buildWorkHead(doc: Document, work: Work, folded: Child[]): { element: HTMLElement; tags: TagsDisclosure | null } {
  const tags = tagsDisclosure(doc, work);
  const element = h(
    doc,
    'header',
    { class: 'work-head' },
    h(doc, 'h1', null, work.meta.title || t('workUntitled')),
    byline(doc, work),
    work.meta.fandoms.length > 0 ? h(doc, 'p', { class: 'fandoms' }, listOf(work.meta.fandoms)) : null,
    ratingAndWarnings(doc, work),
    tags?.button,
    tags?.panel,
    ...folded,
  );
  return { element, tags };
}
