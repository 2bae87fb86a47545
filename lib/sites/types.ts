/**
 * The model every site adapter produces and every feature consumes.
 * Plain data, plus references to the live DOM nodes that hold story text or a blurb.
 */

import type { SiteExclusions } from '../filters/site-exclusions';

export type SiteId = 'ao3' | 'ffn';

/** What kind of page the reader is on. */
export type PageKind =
  | 'work' // a story page: one-shot, one chapter, or the Entire Work view
  | 'listing' // a page of work blurbs: tag works, search, series, bookmarks, history
  | 'adult-gate' // "This work could have adult content" before a story page
  | 'restricted' // the site asks the reader to log in to see the work
  | 'not-found' // 404 / deleted work
  | 'chapter-index' // the full-page chapter index of a work
  | 'other';

export interface Author {
  /** The name shown in the byline (AO3: the pseud). */
  pseud: string;
  /** The account the pseud belongs to (AO3: the login); equals `pseud` when they are the same. */
  login: string;
  /** Absolute profile URL. */
  url: string;
}

export interface SeriesRef {
  id: string;
  title: string;
  /** 1-based position of the work in the series, or null when the page does not say. */
  part: number | null;
  url: string;
}

export interface ChapterCount {
  posted: number;
  /** null when the creator has not said how many chapters there will be ("14/?"). */
  expected: number | null;
}

export interface WorkMeta {
  site: SiteId;
  id: string;
  /** Canonical absolute URL of the work (not of a chapter). */
  url: string;
  title: string;
  /** Linked creators. An anonymous work has none: never a made-up "Anonymous" author. */
  authors: Author[];
  anonymous: boolean;
  fandoms: string[];
  /** Canonical rating name, e.g. "Mature"; null when the page does not say. */
  rating: string | null;
  /** Canonical archive-warning tag names (e.g. "Choose Not To Use Archive Warnings"). */
  warnings: string[];
  categories: string[];
  relationships: string[];
  characters: string[];
  freeforms: string[];
  language: string | null;
  words: number | null;
  chapters: ChapterCount | null;
  complete: boolean | null;
  /** ISO date (YYYY-MM-DD) of the last update, when the page shows one. */
  updated: string | null;
  /** Summary as plain text (paragraphs joined by blank lines). */
  summary: string;
  series: SeriesRef[];
}

/** One work (or bookmark of a work) in a listing, with the element that shows it. */
export interface Blurb {
  element: HTMLElement;
  meta: WorkMeta;
  /** The reader is a creator of this work (AO3's `own` class): never hidden. */
  own: boolean;
}

export interface ChapterLink {
  /** 1-based chapter number. */
  number: number;
  title: string;
  url: string;
}

/** One chapter's text as it stands on the page. */
export interface ChapterText {
  number: number;
  /** e.g. "Chapter 2: The Long Way Round", or the work title for a one-shot. */
  title: string;
  /** The element holding the story text itself. */
  body: HTMLElement;
  summary: HTMLElement | null;
  notes: HTMLElement | null;
  endNotes: HTMLElement | null;
}

/** One kind of a work's tags, in the site's words, for the reader's header. */
export interface TagGroup {
  /** AO3: categories, relationships, characters, freeforms (Additional Tags); FFN: genres, relationships, characters. */
  kind: 'categories' | 'relationships' | 'characters' | 'freeforms' | 'genres';
  tags: string[];
}

/** What a reader should know of a work before reading it, as its page words it (the reader's header). */
export interface WorkLabels {
  /** The rating as the site shows it ("Mature"; FFN: "T"); null when the page does not say. */
  rating: string | null;
  /** What the rating means when its name does not say (FFN "T": "13 and older"), else null. */
  ratingMeaning: string | null;
  /** Archive warnings as the page shows them; null on a site that has none (FFN). */
  warnings: string[] | null;
  /** The other tags, non-empty groups only, in the page's order. */
  tagGroups: TagGroup[];
}

export interface Work {
  meta: WorkMeta;
  labels: WorkLabels;
  /** Every chapter the page knows of, in order (empty for a one-shot). */
  chapterList: ChapterLink[];
  /** 1-based number of the chapter shown; null on the Entire Work view or a one-shot. */
  currentChapter: number | null;
  entireWork: boolean;
  /** The chapters present on this page (one, or all of them on the Entire Work view). */
  chapters: ChapterText[];
  /** Work-level summary, notes and end notes, when this page shows them. */
  summary: HTMLElement | null;
  notes: HTMLElement | null;
  endNotes: HTMLElement | null;
  prevUrl: string | null;
  nextUrl: string | null;
  entireWorkUrl: string | null;
  /** The site's navigation bar for the work, where page-level buttons belong. */
  navigation: HTMLElement | null;
  /** The element that holds the story (preface, chapters, afterword). */
  content: HTMLElement;
  /** The story's language as a BCP 47 tag ("en", "es"), for hyphenation; absent or null when the page does not say. */
  lang?: string | null;
}

/** A filter a link stands for: a tag link filters the tag, a creator link the creator. */
export interface LinkRule {
  field: 'tag' | 'author' | 'series';
  pattern: string;
}

/** A page that shows one series (AO3 /series/SID), for a "Hide this series" button. */
export interface SeriesPage {
  site: SiteId;
  id: string;
  /** The series' name as its page shows it ('' when it shows none). */
  title: string;
  /** The element the button goes right after (the page's heading). */
  anchor: Element;
}

/** One work on the reader's own reading-history page of a site (AO3: `/users/NAME/readings`). */
export interface SiteHistoryItem {
  site: SiteId;
  workId: string;
  title: string;
  /** Linked creators (none for an anonymous work, or when the page hides the work). */
  authors: Author[];
  fandoms: string[];
  /** Chapters posted now, as the listing shows; null when it does not say. */
  postedChapters: number | null;
  /**
   * The site's "last visited", in milliseconds since 1970: the start of that UTC day for a date,
   * or `now` less what "3 days" (AO3's wording for the last 30 days) says.
   */
  lastVisited: number;
  visits: number;
  /** The work changed beyond minor edits since that visit. */
  updateAvailable: boolean;
  markedForLater: boolean;
}

export interface SiteAdapter {
  id: SiteId;
  /** Human name of the site, for messages. */
  name: string;
  /** Match patterns of the pages the content script runs on. */
  matches: string[];
  /** CSS selector of every blurb on a listing page (used to hold blurbs until judged). */
  blurbSelector: string;
  /** CSS selector of the story content on a work page (used to hold it until judged). */
  workContentSelector: string;
  classify(doc: Document, url: URL): PageKind;
  /** null when the page is not a readable work or its markup cannot be understood. */
  readWork(doc: Document, url: URL): Work | null;
  /** Blurbs under root (a document or an element); those it cannot read are left out. */
  readBlurbs(root: ParentNode, url: URL): Blurb[];
  /** One element matched by `blurbSelector`, or null when it is not a work blurb it can read. */
  readBlurb(element: Element, url: URL): Blurb | null;
  /** Match patterns of the links the context menu offers to filter by: tag links, creator links. */
  filterableLinks: Record<LinkRule['field'], string[]>;
  /** Match patterns of links to works, for the "Bookmark this work" context menu. */
  workLinks: string[];
  /** What a "Hide works tagged … / by …" menu item on this link would filter, or null. */
  ruleForLink(url: URL): LinkRule | null;
  /** On an adult-content gate: the absolute URL that continues to the work, else null. */
  adultGateContinueUrl(doc: Document, url: URL): string | null;
  /** The site id of the work a URL points at (work, chapter or navigate URL), or null. */
  workIdFromUrl(url: URL): string | null;
  /**
   * On the reader's own reading-history page: its works (those it cannot read left out); [] on
   * any other page. `now` dates "3 days ago" (milliseconds since 1970).
   */
  readHistoryItems?(doc: Document, url: URL, now: number): SiteHistoryItem[];
  /** On a page showing one series: which series, else null (sites without series leave it out). */
  readSeriesPage?(doc: Document, url: URL): SeriesPage | null;
  /**
   * "Filter on AO3 too": this page's address with the site asked to leave these works out, or null
   * when the page is not a listing it can filter or its address already asks (sites that cannot, none).
   */
  siteFilterUrl?(url: URL, exclusions: SiteExclusions): string | null;
}
