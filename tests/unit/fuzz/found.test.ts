/** What the adapter fuzz found (tests/unit/fuzz/adapters.fuzz.test.ts), pinned as plain regression tests. */
import { describe, expect, it } from 'vitest';
import { ao3 } from '../../../lib/sites/ao3';
import { parseChapterCount } from '../../../lib/sites/ao3-fields';
import { parseCount, wholeNumber } from '../../../lib/sites/text';

const AO3 = 'https://archiveofourown.org';
const huge = '9'.repeat(400);

describe('numbers from page text are exact or null, never Infinity', () => {
  it('counts', () => {
    expect(parseCount(huge)).toBeNull();
    expect(parseCount('9,007,199,254,740,993')).toBeNull(); // past 2^53: not exact
    expect(parseCount('12,479')).toBe(12479);
    expect(wholeNumber('')).toBeNull();
    expect(wholeNumber('١٢٣')).toBeNull();
  });

  it('chapter counts', () => {
    expect(parseChapterCount(`${huge}/?`)).toBeNull();
    expect(parseChapterCount(`1/${huge}`)).toBeNull();
    expect(parseChapterCount('14/?')).toEqual({ posted: 14, expected: null });
  });

  it('a series part', () => {
    const doc = new DOMParser().parseFromString(
      `<ol class="work index group"><li class="work blurb group" id="work_1"><div class="header module"><h4 class="heading"><a href="/works/1">T</a></h4></div>
       <ul class="series"><li>Part <strong>${huge}</strong> of <a href="/series/5">S</a></li></ul></li></ol>`,
      'text/html',
    );
    const blurb = doc.querySelector<HTMLElement>('li.blurb');
    const meta = blurb ? ao3.readBlurb(blurb, new URL(`${AO3}/tags/x/works`))?.meta : undefined;
    expect(meta?.series).toEqual([{ id: '5', title: 'S', part: null, url: `${AO3}/series/5` }]);
  });
});

describe('"Hide works with this tag / by this creator" never makes a wildcard or a blank rule', () => {
  it.each([
    ['/tags/%2A%20%2A/works'], // "* *": would hide nearly every work
    ['/tags/Fluff%2A/works'],
    ['/tags/%20/works'],
    ['/tags/%E3%80%80/works'], // ideographic space
    ['/users/%2A'],
    ['/users/%20/pseuds/x'],
  ])('%s gives no rule', (path) => {
    expect(ao3.ruleForLink(new URL(path, AO3))).toBeNull();
  });

  it('real tag and creator links still do', () => {
    expect(ao3.ruleForLink(new URL('/tags/Rape*s*Non-Con/works', AO3))).toEqual({ field: 'tag', pattern: 'Rape/Non-Con' });
    expect(ao3.ruleForLink(new URL('/users/anafabula/pseuds/Alias', AO3))).toEqual({ field: 'author', pattern: 'anafabula' });
  });
});
