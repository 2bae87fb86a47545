/**
 * The test-made hostile pages (tests/fixtures/hostile, see generate.mjs) read as plain data: every hostile
 * string comes back as the literal text the page shows, and no javascript: URL becomes a model URL.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ao3 } from '../../../lib/sites/ao3';
import type { WorkMeta } from '../../../lib/sites/types';
import * as H from '../../fixtures/hostile/generate.mjs';
import { workMetaProblems } from './wellformed';

const load = (file: string) =>
  new DOMParser().parseFromString(readFileSync(path.resolve(__dirname, '../../fixtures/hostile', file), 'utf8'), 'text/html');

const urlsOf = (m: WorkMeta) => [m.url, ...m.authors.map((a) => a.url), ...m.series.map((s) => s.url)];

describe('hostile AO3 work page', () => {
  const doc = load(H.FILES.work.file);
  const url = new URL(H.FILES.work.url);

  it('is a work whose fields are the literal hostile text', () => {
    expect(ao3.classify(doc, url)).toBe('work');
    const work = ao3.readWork(doc, url);
    const meta = work?.meta;
    expect(meta && workMetaProblems(meta)).toEqual([]);
    expect(meta).toMatchObject({
      id: H.WORK_ID,
      title: H.TITLE,
      fandoms: [H.FANDOM],
      relationships: [H.RELATIONSHIP],
      characters: [H.CHARACTER],
      freeforms: [H.IMG, H.LONG_TAG, H.JS_URL, 'Hurt/Comfort'],
      series: [{ id: '770001', title: H.SERIES, part: 1, url: 'https://archiveofourown.org/series/770001' }],
    });
    expect(meta?.summary).toBe(H.SUMMARY_TEXT);
    expect(meta?.freeforms[1]).toHaveLength(10_000);
    // The creator whose link is a javascript: URL is no author with a URL.
    expect(meta?.authors.map((a) => a.pseud)).toEqual([H.PSEUD]);
    for (const u of urlsOf(meta!)) expect(u).toMatch(/^https:\/\/archiveofourown\.org\//);
  });
});

describe('hostile AO3 listing', () => {
  const doc = load(H.FILES.listing.file);
  const url = new URL(H.FILES.listing.url);

  it('reads all five blurbs, 3,000 tags and the 10,000-character tag included', () => {
    expect(ao3.classify(doc, url)).toBe('listing');
    const blurbs = ao3.readBlurbs(doc, url);
    expect(blurbs.map((b) => b.meta.id)).toEqual(Object.values(H.LISTING_IDS));
    for (const b of blurbs) expect(workMetaProblems(b.meta)).toEqual([]);
    const byId = new Map(blurbs.map((b) => [b.meta.id, b.meta]));
    expect(byId.get(H.LISTING_IDS.hostile)?.title).toBe(H.TITLE);
    expect(byId.get(H.LISTING_IDS.manyTags)?.freeforms).toHaveLength(H.MANY_TAGS);
    expect(byId.get(H.LISTING_IDS.longTag)?.freeforms).toEqual([H.LONG_TAG]);
    expect(byId.get(H.LISTING_IDS.jsAuthor)?.authors).toEqual([]);
    for (const m of byId.values()) for (const u of urlsOf(m)) expect(u).not.toMatch(/^javascript:/i);
  });
});
