/** Which values of a work each text field looks at. Shared by the engine and the naive baseline. */

import type { WorkMeta } from '../sites/types';
import type { TextField } from './types';

/** The kinds of text value a work has; `tag` rules look at several of them. */
export type Source =
  | 'warnings'
  | 'rating'
  | 'categories'
  | 'fandoms'
  | 'relationships'
  | 'characters'
  | 'freeforms'
  | 'authors'
  | 'title'
  | 'summary'
  | 'language'
  | 'work'
  | 'series';

export const SOURCES: readonly Source[] = [
  'warnings',
  'rating',
  'categories',
  'fandoms',
  'relationships',
  'characters',
  'freeforms',
  'authors',
  'title',
  'summary',
  'language',
  'work',
  'series',
];

export const SOURCES_OF_FIELD: Record<TextField, readonly Source[]> = {
  warning: ['warnings'],
  rating: ['rating'],
  category: ['categories'],
  fandom: ['fandoms'],
  relationship: ['relationships'],
  character: ['characters'],
  freeform: ['freeforms'],
  tag: ['fandoms', 'warnings', 'relationships', 'characters', 'freeforms'],
  author: ['authors'],
  title: ['title'],
  summary: ['summary'],
  language: ['language'],
  work: ['work'],
  series: ['series'],
};

const EMPTY: readonly string[] = [];

/**
 * The raw (not normalized) values of a source. Authors give pseud, login and "pseud (login)"
 * as AO3 shows it when they differ; a work is "site:id"; a series is "site:seriesId" and its name.
 * Absent values give none.
 */
export function sourceValues(meta: WorkMeta, source: Source): readonly string[] {
  switch (source) {
    case 'warnings':
      return meta.warnings;
    case 'rating':
      return meta.rating === null ? EMPTY : [meta.rating];
    case 'categories':
      return meta.categories;
    case 'fandoms':
      return meta.fandoms;
    case 'relationships':
      return meta.relationships;
    case 'characters':
      return meta.characters;
    case 'freeforms':
      return meta.freeforms;
    case 'authors': {
      const out: string[] = [];
      for (const a of meta.authors) {
        out.push(a.pseud, a.login);
        if (a.pseud !== a.login) out.push(`${a.pseud} (${a.login})`);
      }
      return out;
    }
    case 'title':
      return meta.title === '' ? EMPTY : [meta.title];
    case 'summary':
      return meta.summary === '' ? EMPTY : [meta.summary];
    case 'language':
      return meta.language === null ? EMPTY : [meta.language];
    case 'work':
      return [`${meta.site}:${meta.id}`];
    case 'series':
      return seriesValues(meta);
  }
}

function seriesValues(meta: WorkMeta): readonly string[] {
  if (meta.series.length === 0) return EMPTY;
  const out: string[] = [];
  for (const s of meta.series) {
    out.push(`${meta.site}:${s.id}`);
    if (s.title !== '') out.push(s.title);
  }
  return out;
}
