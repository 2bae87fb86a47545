/** FanFiction.net URLs: match patterns, story ids, and what a profile link filters. */

import { describe, expect, it } from 'vitest';
import { MatchPattern } from 'wxt/utils/match-patterns';
import { compileRules, matchWork } from '../../../lib/filters';
import { ffn } from '../../../lib/sites/ffn';
import { locationFromOnclick, slugFromChapterMenuHandler } from '../../../lib/sites/ffn-urls';
import { pageUrl, sharedFixture } from './ffn-fixtures';

describe('match patterns', () => {
  const matches = ffn.matches.map((p) => new MatchPattern(p));
  const matched = (url: string) => matches.some((p) => p.includes(new URL(url)));

  it.each([
    ['https://www.fanfiction.net/s/5853866/1/Counting', true],
    ['https://m.fanfiction.net/s/5853866/1/Counting', true],
    ['https://www.fanfiction.net/book/Harry-Potter/', true],
    ['https://www.fanfiction.net/u/952082/ambtus', true],
    ['http://www.fanfiction.net/s/5853866/1/Counting', false],
    ['https://www.fictionpress.com/s/5853866/1/', false],
    ['https://archiveofourown.org/works/1', false],
  ])('%s → %s', (url, expected) => {
    expect(matched(url)).toBe(expected);
  });

  it('offers author links to filter, and no tag links (FFN has none)', () => {
    expect(ffn.filterableLinks).toEqual({
      tag: [],
      author: ['https://www.fanfiction.net/u/*', 'https://m.fanfiction.net/u/*'],
      series: [],
    });
  });
});

describe('workIdFromUrl', () => {
  it.each<[string, string | null]>([
    ['https://www.fanfiction.net/s/5853866/1/Counting', '5853866'],
    ['https://www.fanfiction.net/s/5853866/2/Counting#lamplight-reader', '5853866'],
    ['https://www.fanfiction.net/s/5853866', '5853866'],
    ['https://m.fanfiction.net/s/2652996/3/', '2652996'],
    ['https://www.fanfiction.net/u/952082/ambtus', null],
    ['https://www.fanfiction.net/r/5853866/', null],
    ['https://www.fanfiction.net/book/Harry-Potter/', null],
    ['https://archiveofourown.org/s/5853866/1/', null],
  ])('%s → %s', (url, id) => {
    expect(ffn.workIdFromUrl(new URL(url))).toBe(id);
  });
});

describe('ruleForLink', () => {
  it.each<[string, string | null]>([
    ['https://www.fanfiction.net/u/952082/ambtus', 'ambtus'],
    ['https://m.fanfiction.net/u/925224/kolyaaa', 'kolyaaa'],
    // The slug turns spaces and punctuation into "-": each becomes "*".
    ['https://www.fanfiction.net/u/9000001/Quill-and-Ink', 'Quill*and*Ink'],
    ['https://www.fanfiction.net/u/9000002/moonlit-pages', 'moonlit*pages'],
    ['https://www.fanfiction.net/u/952082/ambtus/', 'ambtus'],
    ['https://www.fanfiction.net/u/952082/', null],
    ['https://www.fanfiction.net/u/952082', null],
    ['https://www.fanfiction.net/s/5853866/1/Counting', null],
    ['https://archiveofourown.org/u/1/someone', null],
  ])('%s → %s', (url, pattern) => {
    expect(ffn.ruleForLink(new URL(url))).toEqual(pattern === null ? null : { field: 'author', pattern });
  });

  it('the rule from a profile link matches the pen name FFN shows, through the filter engine', () => {
    const doc = sharedFixture('listing-handwritten.html');
    const blurbs = ffn.readBlurbs(doc, pageUrl('listing-handwritten.html'));
    const link = doc.querySelector('a[href="/u/9000002/moonlit-pages"]');
    const rule = ffn.ruleForLink(new URL(link?.getAttribute('href') ?? '', 'https://www.fanfiction.net'));
    expect(rule).not.toBeNull();
    const rules = compileRules([{ id: 'r', field: 'author', pattern: rule?.pattern ?? '', action: 'hide', enabled: true }]);
    const matchedIds = blurbs.filter((b) => matchWork(b.meta, rules).action === 'hide').map((b) => b.meta.id);
    expect(matchedIds).toEqual(['13000002']);
  });
});

describe('button handlers are read as text, never run', () => {
  it.each<[string | null, string | null]>([
    ["self.location='/s/5853866/2/Counting'", '/s/5853866/2/Counting'],
    ['self.location = "/s/5853866/1/Counting";', '/s/5853866/1/Counting'],
    ["window.location.href='/s/1/2/x'", '/s/1/2/x'],
    ["location='/s/1/2/x'", '/s/1/2/x'],
    ["self.location = '/s/5853866/'+ this.options[this.selectedIndex].value + '/Counting';", null],
    ["$('#follow_area').modal();", null],
    ["alert('x'); self.location='/s/1/2/x'; evil()", null],
    ['', null],
    [null, null],
  ])('%j → %j', (onclick, target) => {
    expect(locationFromOnclick(onclick)).toBe(target);
  });

  it('the chapter menu handler gives the slug', () => {
    expect(slugFromChapterMenuHandler("self.location = '/s/5853866/'+ this.options[this.selectedIndex].value + '/Counting';")).toBe('Counting');
    expect(slugFromChapterMenuHandler('nothing')).toBeNull();
  });
});
