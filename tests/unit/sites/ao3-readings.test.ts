/**
 * ao3.readHistoryItems on the hand-written History page (tests/fixtures/ao3/readings-handwritten.html,
 * from otwarchive's readings templates): every variant of the visit line, a deleted work, hostile text.
 */
import { describe, expect, it } from 'vitest';
import { historyMarker } from '../../../lib/history/marker';
import { mergeAo3Item } from '../../../lib/history/merge-ao3';
import { ao3 } from '../../../lib/sites/ao3';
import { parseLastVisited, readHistoryItems } from '../../../lib/sites/ao3-readings';
import { ao3Url, loadFixture, parseHtml, sharedFixture } from './ao3-fixtures';

const FILE = 'readings-handwritten.html';
const PAGE = ao3Url('/users/example_reader/readings');
/** 2026-12-06T12:00Z */
const NOW = Date.UTC(2026, 11, 6, 12, 0);
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

const author = (login: string, pseud = login) => ({
  pseud,
  login,
  url: `https://archiveofourown.org/users/${login}/pseuds/${encodeURIComponent(pseud)}`,
});

const EXPECTED = [
  {
    site: 'ao3',
    workId: '71000001',
    title: "The Lamplighter's Ledger",
    authors: [author('quill_and_ember')],
    fandoms: ['Original Work', 'Lamplight Test Fandom (TV)'],
    postedChapters: 5,
    lastVisited: NOW - 2 * DAY,
    visits: 3,
    updateAvailable: true,
    markedForLater: true,
  },
  {
    site: 'ao3',
    workId: '71000002',
    title: 'Twelve Letters Home',
    authors: [],
    fandoms: ['Lamplight Test Fandom (TV)'],
    postedChapters: 12,
    lastVisited: Date.UTC(2026, 9, 15),
    visits: 1,
    updateAvailable: false,
    markedForLater: false,
  },
  {
    site: 'ao3',
    workId: '71000003',
    title: '<b>Bold</b> & <img src=x onerror=alert(1)> Last visited: 01 Jan 2000 (Update available.) Visited 99 times',
    authors: [{ pseud: '<script>', login: 'lamp_tester', url: 'https://archiveofourown.org/users/lamp_tester/pseuds/%3Cscript%3E' }],
    fandoms: ['<i>Fandom</i>'],
    postedChapters: 2,
    lastVisited: NOW - 3 * HOUR,
    visits: 17,
    updateAvailable: false,
    markedForLater: false,
  },
  {
    site: 'ao3',
    workId: '71000005',
    title: 'Small Hours',
    authors: [author('example_reader', 'Night Owl'), author('moth_light')],
    fandoms: ['Lamplight Test Fandom (TV)', 'Harbour Lights (Podcast)', 'Original Work'],
    postedChapters: 1,
    lastVisited: NOW,
    visits: 1204,
    updateAvailable: false,
    markedForLater: false,
  },
  {
    site: 'ao3',
    workId: '71000006',
    title: 'What the River Keeps',
    authors: [author('tidewrack')],
    fandoms: ['Harbour Lights (Podcast)'],
    postedChapters: 23,
    lastVisited: Date.UTC(2019, 0, 7),
    visits: 1,
    updateAvailable: true,
    markedForLater: true,
  },
];

describe('ao3.readHistoryItems on the History page', () => {
  it('reads every work item in page order, leaving out the deleted work', () => {
    expect(ao3.readHistoryItems?.(sharedFixture(FILE), PAGE, NOW)).toEqual(EXPECTED);
  });

  it('reads the Marked for Later view, the www host and a trailing slash alike', () => {
    const doc = sharedFixture(FILE);
    for (const url of [
      ao3Url('/users/example_reader/readings?show=to-read&page=2'),
      new URL('https://www.archiveofourown.org/users/example_reader/readings/'),
    ]) {
      expect(readHistoryItems(doc, url, NOW).map((item) => item.workId)).toEqual(['71000001', '71000002', '71000003', '71000005', '71000006']);
    }
  });

  it('reads nothing on any other page, even with the same markup', () => {
    const doc = sharedFixture(FILE);
    for (const url of [
      ao3Url('/users/example_reader/bookmarks'),
      ao3Url('/users/example_reader/readings/880000001'),
      ao3Url('/works/71000001'),
      new URL('https://archiveofourown.org.example.com/users/example_reader/readings'),
      new URL('https://www.fanfiction.net/users/example_reader/readings'),
    ]) {
      expect(readHistoryItems(doc, url, NOW), url.href).toEqual([]);
    }
    expect(readHistoryItems(sharedFixture('bookmarks-user-logged-in-2025-09.html'), PAGE, NOW)).toEqual([]);
    expect(readHistoryItems(sharedFixture('listing-tag-works-worldbuilding.html'), PAGE, NOW)).toEqual([]);
  });

  it('keeps markup-looking text as text, and takes the visit line only from its own heading', () => {
    const doc = sharedFixture(FILE);
    const hostile = doc.querySelector('#work_71000003');
    expect(hostile?.querySelector('img, b, script, i')).toBeNull();
    const item = readHistoryItems(doc, PAGE, NOW).find((i) => i.workId === '71000003');
    // The title says "01 Jan 2000", "(Update available.)" and "99 times"; a tag and the summary say
    // "(Marked for Later.)": none of it is the visit line.
    expect(item).toMatchObject({ lastVisited: NOW - 3 * HOUR, visits: 17, updateAvailable: false, markedForLater: false });
  });

  it('the deleted work is no blurb (nothing to judge or hold back) and read by nothing', () => {
    const doc = sharedFixture(FILE);
    const deleted = doc.querySelector('li.deleted.reading');
    expect(deleted).not.toBeNull();
    expect(deleted!.matches(ao3.blurbSelector)).toBe(false);
    expect(ao3.readBlurb(deleted!, PAGE)).toBeNull();
    expect(ao3.readBlurbs(doc, PAGE).map((b) => b.meta.id)).toEqual(['71000001', '71000002', '71000003', '71000005', '71000006']);
  });

  it('the listing blurbs of the page keep their series', () => {
    const blurb = ao3.readBlurbs(sharedFixture(FILE), PAGE).find((b) => b.meta.id === '71000001');
    expect(blurb?.meta.series).toEqual([{ id: '4100001', title: 'Harbour Lights', part: 2, url: 'https://archiveofourown.org/series/4100001' }]);
  });

  it('merged into an empty history, the items give the markers a listing will show', () => {
    const items = readHistoryItems(sharedFixture(FILE), PAGE, NOW);
    const markers = items.map((item) => historyMarker(mergeAo3Item(null, item), item.postedChapters));
    expect(markers).toEqual([
      { kind: 'visited', visits: 3, updateAvailable: true, date: Date.UTC(2026, 11, 4) },
      { kind: 'visited', visits: 1, updateAvailable: false, date: Date.UTC(2026, 9, 15) },
      { kind: 'visited', visits: 17, updateAvailable: false, date: Date.UTC(2026, 11, 6) },
      { kind: 'visited', visits: 1204, updateAvailable: false, date: Date.UTC(2026, 11, 6) },
      { kind: 'visited', visits: 1, updateAvailable: true, date: Date.UTC(2019, 0, 7) },
    ]);
  });
});

describe('one History item', () => {
  const page = (items: string) =>
    parseHtml(`<div id="main" class="readings-index dashboard region"><ol class="reading work index group">${items}</ol></div>`);
  const visitLine = (line: string) => `<div class="user module group"><h4 class="viewed heading"><span>Last visited:</span> ${line}</h4></div>`;
  const blurb = (id: string, title = 'T') =>
    `<div class="header module"><h4 class="heading"><a href="/works/${id}">${title}</a></h4></div>`;

  it('a work hidden from the reader (no blurb) still gives its id and visit', () => {
    const doc = page(`<li id="work_5" class="reading work blurb group">${visitLine('10 Feb 2025 (Latest version.) Visited 2 times')}</li>`);
    expect(readHistoryItems(doc, PAGE, NOW)).toEqual([
      { site: 'ao3', workId: '5', title: '', authors: [], fandoms: [], postedChapters: null, lastVisited: Date.UTC(2025, 1, 10), visits: 2, updateAvailable: false, markedForLater: false },
    ]);
  });

  it('a blurb of another work than the item id is not taken for it', () => {
    const doc = page(`<li id="work_5" class="reading work blurb group">${blurb('6')}${visitLine('10 Feb 2025 (Latest version.) Visited once')}</li>`);
    expect(readHistoryItems(doc, PAGE, NOW)).toMatchObject([{ workId: '5', title: '' }]);
  });

  it('leaves out an item whose visit line it cannot read, keeping the others', () => {
    const doc = page(
      [
        `<li id="work_1" class="reading work blurb group">${blurb('1')}${visitLine('sometime (Latest version.) Visited once')}</li>`,
        `<li id="work_2" class="reading work blurb group">${blurb('2')}${visitLine('10 Feb 2025 (Latest version.)')}</li>`,
        `<li id="work_3" class="reading work blurb group">${blurb('3')}</li>`,
        `<li id="work_x" class="reading work blurb group">${blurb('4')}${visitLine('10 Feb 2025 (Latest version.) Visited once')}</li>`,
        `<li id="work_7" class="reading work blurb group">${blurb('7')}${visitLine('10 Feb 2025 (Latest version.) Visited 0 times')}</li>`,
      ].join(''),
    );
    expect(readHistoryItems(doc, PAGE, NOW)).toMatchObject([{ workId: '7', visits: 0 }]);
  });

  it('a visit line without the version note (older AO3) still reads', () => {
    const doc = page(`<li id="work_8" class="reading work blurb group">${blurb('8')}${visitLine('10 Feb 2025 Visited 4 times (Marked for Later.)')}</li>`);
    expect(readHistoryItems(doc, PAGE, NOW)).toMatchObject([{ workId: '8', visits: 4, updateAvailable: false, markedForLater: true }]);
  });

  it('never throws on a page it does not know', () => {
    expect(ao3.readHistoryItems?.(loadFixture('work-oneshot-323217.html'), PAGE, NOW)).toEqual([]);
    expect(ao3.readHistoryItems?.(parseHtml(''), PAGE, NOW)).toEqual([]);
  });
});

describe('parseLastVisited', () => {
  it.each([
    ['04 Dec 2026', Date.UTC(2026, 11, 4)],
    ['4 Dec 2026', Date.UTC(2026, 11, 4)],
    ['29 Feb 2024', Date.UTC(2024, 1, 29)],
    ['less than a minute', NOW],
    ['1 minute', NOW - 60_000],
    ['44 minutes', NOW - 44 * 60_000],
    ['about 1 hour', NOW - HOUR],
    ['about 23 hours', NOW - 23 * HOUR],
    ['1 day', NOW - DAY],
    ['29 days', NOW - 29 * DAY],
    ['about 1 month', NOW - 30 * DAY],
    ['over 2 years', NOW - 730 * DAY],
    ['almost a year', NOW - 365 * DAY],
  ])('%s', (text, expected) => {
    expect(parseLastVisited(text, NOW)).toBe(expected);
  });

  it.each(['', 'yesterday', '3 fortnights', '32 Foo 2026', 'Dec 04 2026', '2026-12-04', 'about hours', '1 days ago'])('refuses %j', (text) => {
    expect(parseLastVisited(text, NOW)).toBeNull();
  });
});
