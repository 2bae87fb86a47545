/**
 * Work.labels (what the reader's header shows) on real AO3 and FFN work pages. Expected values were
 * read from the fixtures' HTML (AO3's dl.work.meta.group links, FFN's gray metadata line).
 */
import { describe, expect, it } from 'vitest';
import { ao3 } from '../../../lib/sites/ao3';
import { ffn } from '../../../lib/sites/ffn';
import type { WorkLabels } from '../../../lib/sites/types';
import { ao3Url, sharedFixture } from './ao3-fixtures';
import { pageUrl, sharedFixture as sharedFfnFixture, type RealPage } from './ffn-fixtures';

const ALL_WARNINGS_SHOWN = [
  'Creator Chose Not To Use Archive Warnings',
  'Graphic Depictions Of Violence',
  'Major Character Death',
  'No Archive Warnings Apply',
  'Rape/Non-Con',
  'Underage Sex',
];

describe('AO3: the labels of a work page', () => {
  const read = (file: string, path: string) => ao3.readWork(sharedFixture(file), ao3Url(path));

  it('every warning as the page words it, every tag group in the page’s order (a one-shot tagged with everything)', () => {
    const work = read('work-oneshot-orphaned-3738184.html', '/works/3738184');
    expect(work?.labels).toEqual<WorkLabels>({
      rating: 'Not Rated',
      ratingMeaning: null,
      warnings: ALL_WARNINGS_SHOWN,
      tagGroups: [
        { kind: 'categories', tags: ['F/F', 'F/M', 'Gen', 'M/M', 'Multi', 'Other'] },
        { kind: 'relationships', tags: ['ALL - Relationship'] },
        { kind: 'characters', tags: ['All'] },
        { kind: 'freeforms', tags: ['all - Freeform'] },
      ],
    });
    // The filters keep the tag name behind the shown words.
    expect(work?.meta.warnings[0]).toBe('Choose Not To Use Archive Warnings');
  });

  it('a chapter page: Mature, one warning, long tag lists whole', () => {
    const labels = read('work-wip-14ch-chapter2-17793689.html', '/works/17793689/chapters/42035519')?.labels;
    expect(labels?.rating).toBe('Mature');
    expect(labels?.warnings).toEqual(['No Archive Warnings Apply']);
    expect(labels?.tagGroups.map((g) => [g.kind, g.tags.length, g.tags[0], g.tags.at(-1)])).toEqual([
      ['categories', 1, 'F/M', 'F/M'],
      ['relationships', 5, 'Female Lavellan/Solas', 'Female Inquisitor & Solas'],
      ['characters', 21, 'Female Inquisitor (Dragon Age)', 'Abelas'],
      ['freeforms', 32, 'Literally everyone - Freeform', 'Frottage'],
    ]);
    expect(labels?.tagGroups[3]?.tags).toContain('to quote Varric "This Shit is Weird"');
  });

  it('a work without categories has no empty group', () => {
    const labels = read('work-complete-6ch-chapter2-48582418.html', '/works/48582418/chapters/122861680')?.labels;
    expect(labels?.rating).toBe('Not Rated');
    expect(labels?.warnings).toEqual(['Creator Chose Not To Use Archive Warnings']);
    expect(labels?.tagGroups.map((g) => g.kind)).toEqual(['relationships', 'characters', 'freeforms']);
    expect(labels?.tagGroups[2]?.tags).toContain('no beta we die like jason todd');
  });
});

describe('FFN: the labels of a story page', () => {
  const read = (file: RealPage) => ffn.readWork(sharedFfnFixture(file), pageUrl(file))?.labels;

  it('the rating with what it means, no archive warnings (FFN has none), genres and characters', () => {
    expect(read('ambtus-counting-ch1.html')).toEqual<WorkLabels>({
      rating: 'T',
      ratingMeaning: '13 and older',
      warnings: null,
      tagGroups: [
        { kind: 'genres', tags: ['Angst', 'Romance'] },
        { kind: 'characters', tags: ['Harry P.'] },
      ],
    });
  });

  it('the older layout’s loose metadata line', () => {
    expect(read('stuck-sga-ch1-old-layout.html')).toEqual<WorkLabels>({
      rating: 'T',
      ratingMeaning: '13 and older',
      warnings: null,
      tagGroups: [
        { kind: 'genres', tags: ['Adventure', 'Angst'] },
        { kind: 'characters', tags: ['Rodney M.', 'John S.'] },
      ],
    });
  });
});
