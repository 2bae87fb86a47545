/**
 * A FanFiction.net story's WorkLabels, from its metadata line: the rating with what it means
 * (FFN's ratings are letters, explained at fictionratings.com), no archive warnings (FFN has none),
 * genres, pairings and characters.
 */
import { t, type MessageKey } from '../i18n';
import type { MetaLine } from './ffn-meta-line';
import type { TagGroup, WorkLabels } from './types';

/** fictionratings.com: K for 5 and older, K+ 9, T 13, M 16; MA (adults) exists there, though FFN refuses it. */
const RATING_MEANING: Record<string, MessageKey> = {
  K: 'readerHeadFfnRatingK',
  'K+': 'readerHeadFfnRatingKPlus',
  T: 'readerHeadFfnRatingT',
  M: 'readerHeadFfnRatingM',
  MA: 'readerHeadFfnRatingMA',
};

export function storyLabels(line: MetaLine): WorkLabels {
  const meaning = line.rating ? RATING_MEANING[line.rating.toUpperCase()] : undefined;
  const groups: TagGroup[] = [
    { kind: 'genres', tags: line.genres },
    { kind: 'relationships', tags: line.relationships },
    { kind: 'characters', tags: line.characters },
  ];
  return {
    rating: line.rating,
    ratingMeaning: meaning ? t(meaning) : null,
    warnings: null,
    tagGroups: groups.filter((group) => group.tags.length > 0),
  };
}
