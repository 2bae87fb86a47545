import { describe, expect, it } from 'vitest';
import { readBlurbMeta } from '../../../lib/sites/ao3-blurbs';
import { withLazyFields } from '../../../lib/sites/lazy';
import { loadFixture } from './ao3-fixtures';

interface Sample {
  id: string;
  tags: string[];
  words: number | null;
}

describe('fields read when first used', () => {
  it('runs a reader once, on first use, then holds its value like a plain property', () => {
    let reads = 0;
    const sample = withLazyFields<Sample>({ id: '7' }, {
      tags: { read: () => (reads++, ['Angst']), fallback: [] },
      words: { read: () => 1200, fallback: null },
    });
    expect(reads).toBe(0);
    expect(sample.tags).toEqual(['Angst']);
    expect(sample.tags).toEqual(['Angst']);
    expect(reads).toBe(1);
    expect({ ...sample }).toEqual({ id: '7', tags: ['Angst'], words: 1200 });
    expect(JSON.parse(JSON.stringify(sample))).toEqual({ id: '7', tags: ['Angst'], words: 1200 });
  });

  it('a reader that throws gives the fallback; a field can be assigned before or after it is read', () => {
    const sample = withLazyFields<Sample>({ id: '7' }, {
      tags: {
        read: () => {
          throw new Error('markup changed');
        },
        fallback: [],
      },
      words: { read: () => 1200, fallback: null },
    });
    expect(sample.tags).toEqual([]);
    sample.words = 5;
    expect(sample.words).toBe(5);
    sample.tags = ['Fluff'];
    expect(sample.tags).toEqual(['Fluff']);
  });

  it("an AO3 blurb's tags are read only when asked for, and read the same as ever", () => {
    const doc = loadFixture('listing-tag-works-worldbuilding.html');
    const blurb = doc.querySelector('li.work.blurb') as Element;
    const meta = readBlurbMeta(blurb);
    expect(meta).not.toBeNull();
    const freeforms = blurb.querySelectorAll(':scope > ul.tags > li.freeforms a.tag');
    expect(freeforms.length).toBeGreaterThan(0);
    // Taken out of the page before first use: the lazy field finds none.
    const removed = Array.from(freeforms, (link) => link.textContent);
    for (const link of Array.from(freeforms)) link.remove();
    expect(meta?.freeforms).toEqual([]);
    expect(removed.length).toBeGreaterThan(0);
    // A fresh reading of an untouched copy reads them all.
    const again = readBlurbMeta(loadFixture('listing-tag-works-worldbuilding.html').querySelector('li.work.blurb') as Element);
    expect(again?.freeforms).toEqual(removed);
  }, 20_000); // parses the saved listing twice: over 5 s on a busy machine
});
