import { describe, expect, it } from 'vitest';
import { buildStory } from '../../../entrypoints/content/reader/view';
import { withNodes } from '../../../entrypoints/content/words';
import { listOf, t } from '../../../lib/i18n';
import type { Author, Work } from '../../../lib/sites/types';

describe('listOf', () => {
  it('joins items with the messages’ separator', () => {
    expect(listOf([])).toBe('');
    expect(listOf(['Major Character Death'])).toBe('Major Character Death');
    expect(listOf(['Major Character Death', 'tag: *Angst*', 'author: X'])).toBe(
      'Major Character Death, tag: *Angst*, author: X',
    );
  });
});

describe('withNodes', () => {
  it('puts the nodes where the message has their marks, in the message’s order', () => {
    const a = document.createElement('a');
    a.textContent = 'anafabula';
    const parts = withNodes((m) => t('readerByline', m), [a]);
    expect(parts).toEqual(['by ', a]);
  });

  it('keeps text that is not a mark, and a name given as text stays text', () => {
    const parts = withNodes((x, y) => `${y} then ${x}.`, ['first', document.createElement('b')]);
    expect(parts.map((p) => (typeof p === 'string' ? p : (p as Element).tagName))).toEqual(['B', ' then ', 'first', '.']);
  });
});

describe('the reader’s byline', () => {
  const author = (pseud: string, url = `https://archiveofourown.org/users/${pseud}`): Author => ({
    pseud,
    login: pseud,
    url,
  });
  const work = (authors: Author[], anonymous = false) =>
    ({
      meta: { title: '', authors, anonymous, fandoms: ['Star Trek', 'Doctor Who'] },
      labels: { rating: null, ratingMeaning: null, warnings: null, tagGroups: [] },
      chapters: [],
      chapterList: [],
      currentChapter: null,
      entireWork: false,
      summary: null,
      notes: null,
      endNotes: null,
    }) as unknown as Work;
  const head = (w: Work) => buildStory(document, w).main.querySelector('header')!;

  it('says "by A, B and C", each creator a link', () => {
    const byline = head(work([author('A'), author('B', ''), author('C')])).querySelector('.byline')!;
    expect(byline.textContent).toBe('by A, B and C');
    expect([...byline.querySelectorAll('a')].map((a) => a.textContent)).toEqual(['A', 'C']);
  });

  it('one creator, two creators, anonymous; the fandoms; no title', () => {
    expect(head(work([author('A')])).querySelector('.byline')?.textContent).toBe('by A');
    expect(head(work([author('A'), author('B')])).querySelector('.byline')?.textContent).toBe('by A and B');
    expect(head(work([], true)).querySelector('.byline')?.textContent).toBe('by Anonymous');
    expect(head(work([])).querySelector('.byline')).toBeNull();
    expect(head(work([])).querySelector('.fandoms')?.textContent).toBe('Star Trek, Doctor Who');
    expect(head(work([])).querySelector('h1')?.textContent).toBe('Untitled');
  });
});
