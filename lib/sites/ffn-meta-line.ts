/**
 * FanFiction.net's gray metadata line, on story pages and in listing entries:
 *
 *   story page:  Rated: Fiction T - English - Angst/Romance - Harry P. - Chapters: 2 - Words: 204 -
 *                Published: <span data-xutime=…>3/29/2010</span> - Status: Complete - id: 5853866
 *   listing:     [Fandom - | Crossover - X & Y - | X + Y Crossover - ]Rated: T - English - Romance/Humor -
 *                Chapters: 5 - Words: 12,345 - Reviews: 10 - Favs: 20 - Follows: 30 - Updated: <span…>1/2</span> -
 *                Published: <span…>12/25/2019</span> - [Harry P., Hermione G.] Ron W. - Complete
 *   before 2011: Rated: T - English - Adventure/Angst - Rodney M. & John S. - Reviews: 571 -
 *                Updated: 11-22-05 - Published: 11-09-05 - Complete - id:2652996
 *
 * Labelled fields are read by label; the unlabelled ones by position (language right after the
 * rating; genres only when every part is one of FFN's genres; whatever else is the characters).
 * Any field may be missing. Never throws.
 */

import { collapseWhitespace, wholeNumber } from './text';

/** FanFiction.net's genres (its story form offers exactly these). "Hurt/Comfort" is one genre. */
export const FFN_GENRES: readonly string[] = [
  'General', 'Romance', 'Humor', 'Drama', 'Poetry', 'Adventure', 'Mystery', 'Horror', 'Parody', 'Angst',
  'Supernatural', 'Suspense', 'Sci-Fi', 'Fantasy', 'Spiritual', 'Tragedy', 'Western', 'Crime', 'Family',
  'Hurt/Comfort', 'Friendship',
];
const GENRES = new Set(FFN_GENRES);

export interface MetaLine {
  /** Whether the line had a "Rated:" field at all (a line without one is not FFN's metadata line). */
  rated: boolean;
  /** Fandoms named before "Rated:" (listings outside a fandom's own pages); [] when none. */
  fandoms: string[];
  /** FFN's rating as shown: K, K+, T or M. */
  rating: string | null;
  language: string | null;
  genres: string[];
  characters: string[];
  /** Each bracketed pairing "[A, B]" as "A/B". */
  relationships: string[];
  chapters: number | null;
  words: number | null;
  complete: boolean;
  /** ISO dates (YYYY-MM-DD). */
  updated: string | null;
  published: string | null;
}

function emptyLine(): MetaLine {
  return {
    rated: false,
    fandoms: [],
    rating: null,
    language: null,
    genres: [],
    characters: [],
    relationships: [],
    chapters: null,
    words: null,
    complete: false,
    updated: null,
    published: null,
  };
}

/** FFN renders dates in US Pacific time: the ISO date of a unix time as the page itself shows it. */
let pacific: Intl.DateTimeFormat | null | undefined;

function pacificFormat(): Intl.DateTimeFormat | null {
  if (pacific === undefined) {
    try {
      pacific = new Intl.DateTimeFormat('en-US', {
        timeZone: 'America/Los_Angeles',
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
      });
    } catch {
      pacific = null;
    }
  }
  return pacific;
}

/**
 * data-xutime (unix seconds) → "YYYY-MM-DD", the date as FFN prints it: 1269915057 (02:10 UTC on
 * 30 March 2010) is "3/29/2010" on the page. UTC if the browser has no time zone data.
 */
export function isoFromUnixSeconds(value: string | null | undefined): string | null {
  if (!value || !/^\d{1,12}$/.test(value.trim())) return null;
  const date = new Date(Number(value.trim()) * 1000);
  if (Number.isNaN(date.getTime())) return null;
  const format = pacificFormat();
  if (format) {
    try {
      const parts = Object.fromEntries(format.formatToParts(date).map((part) => [part.type, part.value]));
      if (parts.year && parts.month && parts.day) return `${parts.year}-${parts.month}-${parts.day}`;
    } catch {
      // fall through to UTC
    }
  }
  return date.toISOString().slice(0, 10);
}

/** A full date as FFN prints it without a script: "3/29/2010" or (before 2011) "11-22-05"; else null. */
export function isoFromFfnDateText(text: string): string | null {
  const match = /^(\d{1,2})[/-](\d{1,2})[/-](\d{4}|\d{2})$/.exec(collapseWhitespace(text));
  if (!match?.[1] || !match[2] || !match[3]) return null;
  const month = Number(match[1]);
  const day = Number(match[2]);
  let year = Number(match[3]);
  if (match[3].length === 2) year += year >= 90 ? 1900 : 2000;
  if (month < 1 || month > 12 || day < 1 || day > 31) return null;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** "Fiction T" / " T" / "K+" → "T" / "T" / "K+"; null when empty. */
function ratingFrom(value: string): string | null {
  const rating = collapseWhitespace(value.replace(/^\s*Fiction\b/i, ''));
  return rating || null;
}

/** "Romance/Adventure" → ['Romance', 'Adventure']; "Hurt/Comfort/Drama" → ['Hurt/Comfort', 'Drama']; null when not all genres. */
export function genresFrom(segment: string): string[] | null {
  const parts = segment.split('/').map((part) => part.trim());
  const genres: string[] = [];
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i] ?? '';
    if (part === 'Hurt' && parts[i + 1] === 'Comfort') {
      genres.push('Hurt/Comfort');
      i++;
    } else if (GENRES.has(part)) {
      genres.push(part);
    } else {
      return null;
    }
  }
  return genres.length > 0 ? genres : null;
}

/**
 * "[Harry P., Hermione G.] Ron W., Luna L." → characters in page order, each pairing as "A/B".
 * Characters are separated by ", " (and by " & " before 2011).
 */
export function charactersFrom(segment: string): { characters: string[]; relationships: string[] } {
  const characters: string[] = [];
  const relationships: string[] = [];
  const add = (name: string) => {
    const clean = collapseWhitespace(name);
    if (clean && !characters.includes(clean)) characters.push(clean);
  };
  const names = (text: string) => text.split(/\s*,\s*|\s+&\s+/).map(collapseWhitespace).filter((name) => name !== '');
  const pieces = /\[([^\]]*)\]|([^[\]]+)/g;
  for (let match = pieces.exec(segment); match; match = pieces.exec(segment)) {
    if (match[1] !== undefined) {
      const pair = names(match[1]);
      pair.forEach(add);
      if (pair.length >= 2) {
        const relationship = pair.join('/');
        if (!relationships.includes(relationship)) relationships.push(relationship);
      }
    } else if (match[2]) {
      names(match[2]).forEach(add);
    }
  }
  return { characters, relationships };
}

/**
 * A fandom or crossover name: "Harry Potter" → ['Harry Potter'];
 * "Harry Potter + Naruto Crossover" or "Harry Potter & Naruto Crossover" → ['Harry Potter', 'Naruto'].
 */
export function fandomsFromName(name: string): string[] {
  const text = collapseWhitespace(name);
  if (!text) return [];
  const crossover = /^(.+?)\s+Crossover$/i.exec(text)?.[1];
  if (crossover) {
    const parts = crossover.includes(' + ') ? crossover.split(' + ') : crossover.split(' & ');
    return parts.map(collapseWhitespace).filter((part) => part !== '');
  }
  return [text];
}

/**
 * The fandoms before "Rated:" in a listing line: "Harry Potter", "Hetalia - Axis Powers",
 * "Crossover - Harry Potter & Naruto" or "Harry Potter + Naruto Crossover".
 * A crossover is always two fandoms; a fandom whose own name holds " & " cannot be told apart there.
 */
function fandomsFromPrefix(prefix: string): string[] {
  const text = collapseWhitespace(prefix.replace(/\s*-\s*$/, ''));
  if (!text) return [];
  const crossover = /^Crossover\s+-\s+(.+)$/i.exec(text)?.[1];
  if (crossover) return crossover.split(' & ').map(collapseWhitespace).filter((part) => part !== '');
  return fandomsFromName(text);
}

function countFrom(value: string): number | null {
  return wholeNumber(value.replace(/[\s,.\u00a0]/g, ''));
}

/** The line's text, and the unix time of each date span by the label before it ("Updated", "Published"). */
function lineText(nodes: Iterable<Node>): { text: string; times: Map<string, string> } {
  let text = '';
  const times = new Map<string, string>();
  const visit = (node: Node): void => {
    if (node.nodeType === 3) {
      text += node.nodeValue ?? '';
      return;
    }
    if (node.nodeType !== 1) return;
    const element = node as Element;
    if (/^(SCRIPT|STYLE|NOSCRIPT|TEMPLATE)$/i.test(element.tagName)) return;
    const time = element.getAttribute('data-xutime');
    if (time) {
      const label = /(Updated|Published):\s*$/i.exec(text)?.[1]?.toLowerCase();
      if (label && !times.has(label)) times.set(label, time);
    }
    element.childNodes.forEach(visit);
  };
  for (const node of nodes) visit(node);
  return { text: collapseWhitespace(text), times };
}

/** Reads the metadata line made of these nodes (an element's child nodes, or a run of siblings). */
/**
 * The WorkMeta fields a metadata line gives, the same on a story page and in a listing entry.
 * `posted`: the chapters posted, as the caller knows them best.
 */
export function metaFromLine(line: MetaLine, posted: number | null) {
  return {
    rating: line.rating,
    warnings: [] as string[],
    categories: [] as string[],
    relationships: line.relationships,
    characters: line.characters,
    freeforms: line.genres,
    language: line.language,
    words: line.words,
    chapters: posted === null ? null : { posted, expected: line.complete ? posted : null },
    complete: line.rated ? line.complete : null,
    updated: line.updated ?? line.published,
  };
}

export function readMetaLine(nodes: Iterable<Node>): MetaLine {
  const { text, times } = lineText(nodes);
  const line = emptyLine();
  if (!text) return line;
  const rated = /(?:^|\s-\s)Rated:/.exec(text);
  const start = rated ? rated.index + rated[0].indexOf('Rated:') : 0;
  line.rated = rated !== null;
  line.fandoms = rated ? fandomsFromPrefix(text.slice(0, start)) : [];

  let updatedText = '';
  let publishedText = '';
  let unlabelled = 0;
  const characterSegments: string[] = [];
  for (const raw of text.slice(start).split(/\s+-\s+/)) {
    const segment = raw.trim();
    if (!segment) continue;
    const labelled = /^([A-Za-z]+)\s*:\s*(.*)$/.exec(segment);
    const label = labelled?.[1]?.toLowerCase();
    const value = labelled?.[2] ?? '';
    if (label === 'rated') line.rating = ratingFrom(value);
    else if (label === 'chapters') line.chapters = countFrom(value);
    else if (label === 'words') line.words = countFrom(value);
    else if (label === 'updated') updatedText = value;
    else if (label === 'published') publishedText = value;
    else if (label === 'status') line.complete = line.complete || /\bcomplete\b/i.test(value);
    else if (label !== undefined) continue; // Reviews, Favs, Follows, id, and any label FFN may add
    else if (/^complete$/i.test(segment)) line.complete = true;
    else {
      unlabelled++;
      const genres = line.genres.length === 0 ? genresFrom(segment) : null;
      if (unlabelled === 1 && line.rated && !genres) line.language = segment;
      else if (genres && characterSegments.length === 0) line.genres = genres;
      else characterSegments.push(segment);
    }
  }
  const { characters, relationships } = charactersFrom(characterSegments.join(' - '));
  line.characters = characters;
  line.relationships = relationships;
  line.updated = isoFromUnixSeconds(times.get('updated')) ?? isoFromFfnDateText(updatedText);
  line.published = isoFromUnixSeconds(times.get('published')) ?? isoFromFfnDateText(publishedText);
  return line;
}
