
/**
 * ao3.readWork: chapters, story-text nodes, notes and navigation for every work fixture, plus an
 * Entire Work view built from a real chapter page. Expected values were read from the HTML.
 */

import { describe, expect, it } from 'vitest';
import { ao3 } from '../../../lib/sites/ao3';
import type { ChapterLink, Work } from '../../../lib/sites/types';
import { AO3, ao3Url, loadFixture, sharedFixture } from './ao3-fixtures';

/** Collapsed text of an element, for "contains" checks. */
function text(element: Element | null | undefined): string | null {
  return element ? (element.textContent ?? '').replace(/\s+/g, ' ').trim() : null;
}

/** A chapter block (div.chapter#chapter-N), not its div.chapter.preface.group parts. */
const CHAPTER_BLOCK = 'div.chapter[id^="chapter-"]';

function links(workId: string, chapters: Array<[string, string]>): ChapterLink[] {
  return chapters.map(([id, title], index) => ({
    number: index + 1,
    title,
    url: `${AO3}/works/${workId}/chapters/${id}`,
  }));
}

interface ChapterExpectation {
  number: number;
  title: string;
  /** Text the story body contains. */
  body: string;
  /** Text the chapter's summary / notes / end notes module contains, or null when it has none. */
  summary: string | null;
  notes: string | null;
  endNotes: string | null;
}

interface WorkExpectation {
  file: string;
  url: string;
  chapterList: ChapterLink[];
  currentChapter: number | null;
  chapters: ChapterExpectation[];
  summary: string | null;
  notes: string | null;
  endNotes: string | null;
  prevUrl: string | null;
  nextUrl: string | null;
  entireWorkUrl: string | null;
}

const CASES: WorkExpectation[] = [
  {
    file: 'work-oneshot-pseud-byline-923647.html',
    url: '/works/923647',
    chapterList: [],
    currentChapter: null,
    chapters: [
      {
        number: 1,
        title: 'the heart and the small change',
        body: 'When the Great Northern Hotel burns down after the turn of the century',
        summary: null,
        notes: null,
        endNotes: null,
      },
    ],
    summary: "Josie knows she's dead",
    notes: 'Josie Packard eventually got out of that dresser drawer knob',
    endNotes: "'Cause my veins are tracking streetlamps",
    prevUrl: null,
    nextUrl: null,
    entireWorkUrl: null,
  },
  {
    file: 'work-oneshot-anonymous-168768.html',
    url: '/works/168768',
    chapterList: [],
    currentChapter: null,
    chapters: [
      {
        number: 1,
        title: 'Fill',
        body: 'This is going to be sad BUT HE WILL BE LEGIT AND NOT SOME CREEPY JOKE',
        summary: null,
        notes: null,
        endNotes: null,
      },
    ],
    summary: 'Captchalogue Prompt:Is there any fic out there of Equius at all?',
    notes: null,
    endNotes: null,
    prevUrl: null,
    nextUrl: null,
    entireWorkUrl: null,
  },
  {
    file: 'work-oneshot-orphaned-3738184.html',
    url: '/works/3738184',
    chapterList: [],
    currentChapter: null,
    chapters: [{ number: 1, title: 'everything', body: '*whispers* tumblr.com', summary: null, notes: null, endNotes: null }],
    summary: 'all of the stuff listed in the tags',
    notes: 'it is love',
    endNotes: 'it is life',
    prevUrl: null,
    nextUrl: null,
    entireWorkUrl: null,
  },
  {
    file: 'work-oneshot-323217.html',
    url: '/works/323217',
    chapterList: [],
    currentChapter: null,
    chapters: [
      {
        number: 1,
        title: 'Field Test no.7: Phone Calls & Boundaries',
        body: 'He answered on the third ring',
        summary: null,
        notes: null,
        endNotes: null,
      },
    ],
    summary: 'Jane has had enough.',
    notes: 'This is part of the Field Test Series',
    endNotes: null, // the afterword only holds series links
    prevUrl: null,
    nextUrl: null,
    entireWorkUrl: null,
  },
  {
    file: 'work-complete-2ch-anon-orphan-6475531.html',
    url: '/works/6475531',
    chapterList: links('6475531', [
      ['14822515', 'No Title'], // the creator's title really is "No Title"
      ['14822530', 'Part 2 of FILTH'],
    ]),
    currentChapter: 1,
    chapters: [
      {
        number: 1,
        title: 'Chapter 1: No Title',
        body: 'The first impression Frisk got of Sans was “annoying brother.”',
        summary: null,
        notes: null,
        endNotes: null,
      },
    ],
    summary: 'A pacifist run, but with a few things changed',
    notes: 'Original fic posted on Tumblr',
    endNotes: null,
    prevUrl: null,
    nextUrl: `${AO3}/works/6475531/chapters/14822530`,
    entireWorkUrl: `${AO3}/works/6475531?view_full_work=true`,
  },
  {
    file: 'work-complete-3ch-multiauthor-orphaned-23824891.html',
    url: '/works/23824891',
    chapterList: links('23824891', [
      ['57247021', 'Sister Dearest'],
      ['61444735', 'Pure Devotion'],
      ['68077426', 'Here With You'],
    ]),
    currentChapter: 1,
    chapters: [
      {
        number: 1,
        title: 'Chapter 1: Sister Dearest',
        body: 'Flurries of snow fell upon the quiet town of Numazu',
        summary: null,
        notes: null,
        endNotes: null,
      },
    ],
    summary: 'Dia and Ruby have always been close',
    notes: 'this was a collab with someone who chose to not make an account',
    endNotes: null,
    prevUrl: null,
    nextUrl: `${AO3}/works/23824891/chapters/61444735`,
    entireWorkUrl: `${AO3}/works/23824891?view_full_work=true`,
  },
  {
    file: 'work-complete-6ch-chapter1-41289660.html',
    url: '/works/41289660',
    chapterList: links('41289660', [
      ['103525452', 'Letters and Secrets!'],
      ['103527876', 'Introductions'],
      ['103530705', 'Sorting'],
      ['103702818', 'Morning'],
      ['103763541', '"Training"'],
      ['103877781', 'Sorry!'],
    ]),
    currentChapter: 1,
    chapters: [
      {
        number: 1,
        title: 'Chapter 1: Letters and Secrets!',
        body: 'Dear Makarov Dreyar, As you know the government in our world stinks.',
        summary: null,
        notes: null,
        endNotes: null,
      },
    ],
    summary: "In this au Harry, ron, and Hermione aren't in Gryffindor.",
    notes: null,
    endNotes: null,
    prevUrl: null,
    nextUrl: `${AO3}/works/41289660/chapters/103527876`,
    entireWorkUrl: `${AO3}/works/41289660?view_full_work=true`,
  },
  {
    file: 'work-complete-6ch-chapter2-48582418.html',
    url: '/works/48582418/chapters/122861680',
    chapterList: links('48582418', [
      ['122545732', '1. Damian'], // option text "1. 1. Damian": only the menu's own number is dropped
      ['122861680', '2. Tim'],
      ['127117930', '3. Cassandra'],
      ['127141702', '4. Jason'],
      ['128545468', 'Dick'],
      ['129429901', 'The Real Child'],
    ]),
    currentChapter: 2,
    chapters: [
      {
        number: 2,
        title: 'Chapter 2: 2. Tim',
        body: 'Tim sighed into his 5th cup of coffee.',
        summary: 'Bruce is in a Silly Goofy Mood.', // then <br>s: "Gotham is frustrated." "Tim needs love."
        notes: '(See the end of the chapter for notes.)',
        endNotes: 'I hope I did the characters justice.',
      },
    ],
    summary: null, // work summary and notes only come with chapter 1
    notes: null,
    endNotes: null,
    prevUrl: `${AO3}/works/48582418/chapters/122545732`,
    nextUrl: `${AO3}/works/48582418/chapters/127117930`,
    entireWorkUrl: `${AO3}/works/48582418?view_full_work=true`,
  },
  ...[1, 2].map(
    (shown): WorkExpectation => ({
      file: `work-wip-14ch-chapter${shown}-17793689.html`,
      url: `/works/17793689/chapters/${shown === 1 ? '41980418' : '42035519'}`,
      chapterList: links('17793689', [
        ['41980418', 'The Guild'],
        ['42035519', 'The College of Enchanters: New Haven'],
        ['42143897', "At Bull's Chargers"],
        ['42225548', 'Skyhold'],
        ['42436067', 'The Veil'],
        ['42759632', 'Ill-advised and Inappropriate'],
        ['43267067', 'Flirting 101'],
        ['44321401', 'Discovery'],
        ['44564509', 'Cover-up'],
        ['46373623', 'The Temple of Mythal'],
        ['46373812', 'What Pride Had Wrought'],
        ['48267757', 'Crushed By The Weight of The World'],
        ['49715594', "There's No Going Back"],
        ['52487434', 'A Dangerous Thing'],
      ]),
      currentChapter: shown,
      chapters:
        shown === 1
          ? [
              {
                number: 1,
                title: 'Chapter 1: The Guild',
                body: 'Fenina Lavellan sighed heavily as she finally managed to throw open the door to her apartment.',
                summary: "Fenina Lavellan's MMO guild discovers they all live closer than they thought",
                notes: 'Partially inspired by',
                endNotes: "Fen'Harel shal em",
              },
            ]
          : [
              {
                number: 2,
                title: 'Chapter 2: The College of Enchanters: New Haven',
                body: 'The College of Enchanters: New Haven was one block south of the Old Chantry',
                summary: 'In which Fenina accidentally runs into someone from TheInquisition Guild',
                notes: 'Another quickly written chapter in this Modern (Future?) Thedas AU.',
                endNotes: null,
              },
            ],
      summary: shown === 1 ? 'A Modern Thedas AU, in which' : null,
      notes: null, // no work notes on either page
      endNotes: null,
      prevUrl: shown === 1 ? null : `${AO3}/works/17793689/chapters/41980418`,
      nextUrl: `${AO3}/works/17793689/chapters/${shown === 1 ? '42035519' : '42143897'}`,
      entireWorkUrl: `${AO3}/works/17793689?view_full_work=true`,
    }),
  ),
  {
    file: 'work-wip-anonymous-chapter1-37214506.html',
    url: '/works/37214506/chapters/92848687',
    chapterList: links('37214506', [
      ['92848687', 'Chapter 1'], // untitled chapters are listed as "N. Chapter N"
      ['93082084', 'Chapter 2'],
      ['93471400', 'Chapter 3'],
      ['93475399', 'Chapter 4'],
      ['93501271', 'Chapter 5'],
      ['93654268', 'Chapter 6'],
      ['93689323', 'Chapter 7'],
      ['93879619', 'Chapter 8'],
      ['93947008', 'Chapter 9'],
      ['94302889', 'Chapter 10'],
      ['94319413', 'Chapter 11'],
      ['94332865', 'Chapter 12'],
      ['94507258', 'Chapter 13'],
      ['94530823', 'Chapter 14'],
      ['94563463', 'Chapter 15'],
      ['94638889', 'Chapter 16'],
      ['95203924', 'Chapter 17'],
      ['96128119', 'Defenders Cameo'],
      ['98833281', 'Chapter 19'],
      ['99898620', 'Chapter 20'],
    ]),
    currentChapter: 1,
    chapters: [
      {
        number: 1,
        title: 'Chapter 1', // untitled: the heading is just the link
        body: 'Tony started a new conversation.',
        summary: null,
        notes: null,
        endNotes: null,
      },
    ],
    summary: 'Tips for making an Avengers Group Chat',
    notes: 'Timeline things: Ultron does happen.',
    endNotes: null, // "(See the end of the work for more notes.)" but the end is on the last chapter's page
    prevUrl: null,
    nextUrl: `${AO3}/works/37214506/chapters/93082084`,
    entireWorkUrl: `${AO3}/works/37214506?view_full_work=true`,
  },
  {
    file: 'fragment-2022-chapter-with-endnotes.html',
    url: '/works/38952696/chapters/97419789',
    chapterList: links('38952696', [
      ['97419789', 'Chapter 1'],
      ['97420041', 'Chapter 2'],
    ]),
    currentChapter: 1,
    chapters: [
      {
        number: 1,
        title: 'Chapter 1',
        body: 'Five year old Sakura has a bounce in her step',
        summary: null,
        notes: '(See the end of the chapter for notes.)',
        endNotes: 'And thus Obito snatches himself a child',
      },
    ],
    summary: 'One day, while visiting the grave of Nohara Rin',
    notes: "Hello! I'm super excited about this fic.",
    endNotes: null,
    prevUrl: null,
    nextUrl: `${AO3}/works/38952696/chapters/97420041`,
    entireWorkUrl: `${AO3}/works/38952696?view_full_work=true`,
  },
];

function readOrFail(file: string, url: string): Work {
  const work = ao3.readWork(sharedFixture(file), ao3Url(url));
  if (!work) throw new Error(`readWork returned null for ${file}`);
  return work;
}

describe('ao3.readWork: chapters and navigation', () => {
  it.each(CASES)('$file: chapter list, current chapter, navigation URLs', (expected) => {
    const work = readOrFail(expected.file, expected.url);
    expect(work.chapterList).toEqual(expected.chapterList);
    expect(work.currentChapter).toBe(expected.currentChapter);
    expect(work.entireWork).toBe(false);
    expect(work.prevUrl).toBe(expected.prevUrl);
    expect(work.nextUrl).toBe(expected.nextUrl);
    expect(work.entireWorkUrl).toBe(expected.entireWorkUrl);
  });

  it.each(CASES)('$file: chapter texts', (expected) => {
    const work = readOrFail(expected.file, expected.url);
    expect(work.chapters.map((chapter) => [chapter.number, chapter.title])).toEqual(
      expected.chapters.map((chapter) => [chapter.number, chapter.title]),
    );
    expected.chapters.forEach((want, index) => {
      const got = work.chapters[index];
      expect(got?.body.classList.contains('userstuff')).toBe(true);
      expect(text(got?.body)).toContain(want.body);
      for (const part of ['summary', 'notes', 'endNotes'] as const) {
        const element = got?.[part] ?? null;
        if (want[part] === null) expect([part, element]).toEqual([part, null]);
        else expect(text(element)).toContain(want[part]);
      }
    });
  });

  it.each(CASES)('$file: work summary, notes, end notes', (expected) => {
    const work = readOrFail(expected.file, expected.url);
    for (const part of ['summary', 'notes', 'endNotes'] as const) {
      if (expected[part] === null) expect([part, work[part]]).toEqual([part, null]);
      else expect(text(work[part])).toContain(expected[part]);
    }
  });

  it.each(CASES)('$file: content is #workskin, navigation is the work navigation bar', ({ file, url }) => {
    const work = readOrFail(file, url);
    expect(work.content.id).toBe('workskin');
    expect(work.navigation?.matches('ul.work.navigation.actions')).toBe(true);
    // every chapter body sits inside the content element
    for (const chapter of work.chapters) expect(work.content.contains(chapter.body)).toBe(true);
  });

  it('returns the work-level notes modules, not the chapter ones (fragment: both exist)', () => {
    const work = readOrFail('fragment-2022-chapter-with-endnotes.html', '/works/38952696/chapters/97419789');
    expect(work.notes).not.toBe(work.chapters[0]?.notes);
    expect(work.notes?.closest(CHAPTER_BLOCK)).toBeNull();
    expect(work.chapters[0]?.notes?.closest(CHAPTER_BLOCK)?.id).toBe('chapter-1');
  });
});

/**
 * AO3's Entire Work view has one div.chapter per chapter (ids "summary",
 * "notes", "work" repeat) and a "Chapter by Chapter" link instead of Entire Work/Prev/Next/menu.
 * No fixture holds one, so it is built from the real chapter-2 page of work 48582418.
 */
function entireWorkFromChapterPage(): { doc: Document; chapter2: Element; chapter2EndNotes: Element } {
  const doc = loadFixture('work-complete-6ch-chapter2-48582418.html');
  const chapter2 = doc.querySelector('#chapter-2');
  const chapter2EndNotes = doc.querySelector('#chapter_2_endnotes');
  const navigation = doc.querySelector('ul.work.navigation.actions');
  if (!chapter2 || !chapter2EndNotes || !navigation) throw new Error('fixture changed');

  const chapter1 = chapter2.cloneNode(true) as Element;
  chapter1.id = 'chapter-1';
  const heading = chapter1.querySelector('h3.title');
  const headingLink = heading?.querySelector('a');
  if (!heading || !headingLink) throw new Error('fixture changed');
  headingLink.setAttribute('href', '/works/48582418/chapters/122545732');
  headingLink.textContent = 'Chapter 1';
  heading.replaceChildren(headingLink, doc.createTextNode(': 1. Damian'));
  chapter1.querySelector('div.end.notes.module')?.closest('div.chapter.preface.group')?.remove();
  const summaryText = chapter1.querySelector('#summary blockquote');
  if (summaryText) summaryText.textContent = 'Damian finds out.';
  chapter2.before(chapter1);

  for (const item of Array.from(navigation.querySelectorAll(':scope > li.chapter'))) item.remove();
  const byChapter = doc.createElement('li');
  byChapter.className = 'chapter bychapter';
  const byChapterLink = doc.createElement('a');
  byChapterLink.setAttribute('href', '/works/48582418/chapters/122545732');
  byChapterLink.textContent = 'Chapter by Chapter';
  byChapter.append(byChapterLink);
  navigation.prepend(byChapter);
  return { doc, chapter2, chapter2EndNotes };
}

describe('ao3.readWork: Entire Work view', () => {
  it('reads every chapter on the page and selects notes per chapter despite repeated ids', () => {
    const { doc, chapter2, chapter2EndNotes } = entireWorkFromChapterPage();
    const work = ao3.readWork(doc, ao3Url('/works/48582418?view_full_work=true'));
    expect(work).not.toBeNull();
    if (!work) return;
    expect(work.entireWork).toBe(true);
    expect(work.currentChapter).toBeNull();
    expect(work.chapterList).toEqual([
      { number: 1, title: '1. Damian', url: `${AO3}/works/48582418/chapters/122545732` },
      { number: 2, title: '2. Tim', url: `${AO3}/works/48582418/chapters/122861680` },
    ]);
    expect(work.chapters.map((chapter) => [chapter.number, chapter.title])).toEqual([
      [1, 'Chapter 1: 1. Damian'],
      [2, 'Chapter 2: 2. Tim'],
    ]);
    const [first, second] = work.chapters;
    expect(text(first?.summary)).toContain('Damian finds out.');
    expect(text(second?.summary)).toContain('Bruce is in a Silly Goofy Mood.');
    expect(first?.notes).not.toBe(second?.notes);
    expect(second?.notes?.closest(CHAPTER_BLOCK)).toBe(chapter2);
    expect(first?.endNotes).toBeNull();
    expect(second?.endNotes).toBe(chapter2EndNotes);
    expect(second?.body.closest(CHAPTER_BLOCK)).toBe(chapter2);
    expect(work.prevUrl).toBeNull();
    expect(work.nextUrl).toBeNull();
    expect(work.entireWorkUrl).toBeNull();
  });

  it('knows the Entire Work view by its "Chapter by Chapter" link even without the URL parameter', () => {
    const { doc } = entireWorkFromChapterPage();
    expect(ao3.readWork(doc, ao3Url('/works/48582418'))?.entireWork).toBe(true);
  });

  it('is not the Entire Work view for a one-shot opened with ?view_full_work=true', () => {
    const work = ao3.readWork(sharedFixture('work-oneshot-323217.html'), ao3Url('/works/323217?view_full_work=true'));
    expect(work?.entireWork).toBe(false);
    expect(work?.chapters).toHaveLength(1);
  });
});

describe('ao3.readWork on pages that show no work', () => {
  it.each([
    ['adult-interstitial-2022-38044144.html', '/works/38044144/chapters/95026165'],
    ['work-restricted-login-required-15461226.html', '/users/login?restricted=true'],
    ['work-404-41237499.html', '/works/41237499'],
    ['work-navigate-chapter-index-43703871.html', '/works/43703871/navigate'],
    ['listing-tag-works-worldbuilding.html', '/tags/Worldbuilding/works'],
    ['bookmarks-user-logged-in-2025-09.html', '/users/example_reader/bookmarks'],
    ['series-6-works-2270465.html', '/series/2270465'],
  ])('%s → null', (file, url) => {
    expect(ao3.readWork(sharedFixture(file), ao3Url(url))).toBeNull();
  });
});

describe('ao3.readWork: the story’s language tag (hyphenation in the reader)', () => {
  it('is the lang AO3 marks on the language it names', () => {
    const doc = loadFixture('work-wip-14ch-chapter1-17793689.html');
    expect(ao3.readWork(doc, ao3Url('/works/17793689/chapters/41980418'))?.lang).toBe('en');
    doc.querySelector('dd.language')?.setAttribute('lang', 'not a tag!');
    expect(ao3.readWork(doc, ao3Url('/works/17793689/chapters/41980418'))?.lang).toBeNull();
  });
});
