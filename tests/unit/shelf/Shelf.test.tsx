/**
 * The shelf component (popup: compact; options: full) over fake storage.
 */
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { SHELF_PAGE, Shelf } from '../../../components/shelf/Shelf';
import { getBookmark, putBookmark, updateBookmark } from '../../../lib/storage';
import { encodeShelfIndex } from '../../../lib/bookmarks/shelf-index-codec';
import { decodeShelfIndex } from '../../../lib/bookmarks/shelf-index-entries';
import { makeBookmark } from '../storage/helpers';

let container: HTMLElement | null = null;

async function settle(rounds = 6) {
  for (let i = 0; i < rounds; i++) {
    await act(async () => {
      await new Promise((resolve) => setTimeout(resolve, 0));
    });
  }
}

async function mount(compact = false) {
  container = document.createElement('div');
  document.body.append(container);
  await act(() => {
    render(<Shelf compact={compact} />, container!);
  });
  await settle();
  return container;
}

const rows = () => Array.from(container?.querySelectorAll<HTMLElement>('li.shelf-item') ?? []);
const buttons = (root: ParentNode, name: string) =>
  Array.from(root.querySelectorAll<HTMLButtonElement>('button')).filter((b) => b.textContent?.trim() === name);
const button = (root: ParentNode, name: string) => buttons(root, name)[0];
const rowFor = (title: string) => rows().find((r) => r.querySelector('.shelf-title')?.textContent === title)!;

async function type(input: HTMLInputElement | HTMLTextAreaElement, value: string) {
  await act(() => {
    input.value = value;
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
  await settle();
}
async function choose(select: HTMLSelectElement, value: string) {
  await act(() => {
    select.value = value;
    select.dispatchEvent(new Event('change', { bubbles: true }));
  });
  await settle();
}
async function click(el: HTMLElement | undefined) {
  expect(el).toBeTruthy();
  await act(() => el!.click());
  await settle();
}

beforeEach(() => fakeBrowser.reset());
afterEach(async () => {
  if (container) {
    await act(() => render(null, container!));
    container.remove();
    container = null;
  }
});

const SAMPLE = [
  makeBookmark({
    workId: '1',
    title: 'The <i>Long</i> Way Round',
    authors: ['Alias (anafabula)'],
    fandoms: ['Dragon Age'],
    chapter: 3,
    chapterTotal: 10,
    readAt: '2026-03-01T00:00:00.000Z',
    chapterUrl: 'https://archiveofourown.org/works/1/chapters/55',
    url: 'https://archiveofourown.org/works/1',
    readerMode: true,
  }),
  makeBookmark({
    workId: '2',
    title: 'Café Noir',
    authors: ['Zed'],
    fandoms: ['Original Work'],
    chapter: 1,
    chapterCount: 3,
    chapterTotal: null,
    newChapters: 2,
    status: 'later',
    readAt: '2026-01-01T00:00:00.000Z',
  }),
];

describe('Shelf', () => {
  it('says so when there are no bookmarks', async () => {
    await mount();
    expect(container?.textContent).toContain('No bookmarks yet');
  });

  it('lists each bookmark: title, creators, fandoms, chapter, new-chapter badge, as text', async () => {
    for (const b of SAMPLE) await putBookmark(b);
    await mount();
    expect(rows().map((r) => r.querySelector('.shelf-title')?.textContent)).toEqual(['The <i>Long</i> Way Round', 'Café Noir']);
    const first = rows()[0]!;
    expect(first.querySelector('i')).toBeNull(); // text, never markup
    expect(first.textContent).toContain('by Alias (anafabula)');
    expect(first.textContent).toContain('Dragon Age');
    expect(first.textContent).toContain('Chapter 3 of 10');
    expect(first.querySelector('.shelf-new')).toBeNull();
    const second = rows()[1]!;
    expect(second.textContent).toContain('Chapter 1 of 3 so far');
    expect(second.querySelector('.shelf-new')?.textContent).toBe('2 new chapters');
    expect(second.querySelector<HTMLSelectElement>('select')?.value).toBe('later');
    expect(buttons(container!, 'Resume')).toHaveLength(2);
  });

  it('Resume opens the chapter with the resume marker in a new tab', async () => {
    for (const b of SAMPLE) await putBookmark(b);
    await mount(true);
    const create = vi.spyOn(fakeBrowser.tabs, 'create');
    await click(button(rowFor('The <i>Long</i> Way Round'), 'Resume'));
    expect(create).toHaveBeenCalledWith({
      url: 'https://archiveofourown.org/works/1/chapters/55#lamplight-reader+resume',
      active: true,
    });
  });

  it('search, sort and status filter', async () => {
    for (const b of SAMPLE) await putBookmark(b);
    await mount();
    const search = container!.querySelector<HTMLInputElement>('input[type="search"]')!;
    expect(search.getAttribute('aria-label')).toBe('Search bookmarks');
    await type(search, 'cafe');
    expect(rows().map((r) => r.querySelector('.shelf-title')?.textContent)).toEqual(['Café Noir']);
    await type(search, 'dragon');
    expect(rows()).toHaveLength(1);
    await type(search, 'zzz');
    expect(rows()).toHaveLength(0);
    expect(container?.textContent).toContain('No bookmarks match.');
    await type(search, '');
    const [sort, status] = Array.from(container!.querySelectorAll<HTMLSelectElement>('.shelf-tools select'));
    await choose(sort!, 'new');
    expect(rows()[0]?.querySelector('.shelf-title')?.textContent).toBe('Café Noir');
    await choose(status!, 'reading');
    expect(rows().map((r) => r.querySelector('.shelf-title')?.textContent)).toEqual(['The <i>Long</i> Way Round']);
  });

  it('Delete, then Undo puts the bookmark back whole', async () => {
    for (const b of SAMPLE) await putBookmark(b);
    await mount();
    await click(button(rowFor('Café Noir'), 'Delete'));
    expect(await getBookmark('ao3', '2')).toBeNull();
    expect(rows()).toHaveLength(1);
    const status = container!.querySelector('[role="status"]')!;
    expect(status.textContent).toContain('Deleted “Café Noir”');
    expect(document.activeElement).toBe(button(status, 'Undo'));
    await click(button(status, 'Undo'));
    expect(await getBookmark('ao3', '2')).toEqual(SAMPLE[1]);
    expect(rows()).toHaveLength(2);
  });

  it('edits status and note in place', async () => {
    for (const b of SAMPLE) await putBookmark(b);
    await mount();
    await choose(rowFor('Café Noir').querySelector('select')!, 'finished');
    expect((await getBookmark('ao3', '2'))?.status).toBe('finished');

    const row = rowFor('Café Noir');
    await click(row.querySelector<HTMLButtonElement>('.shelf-note button')!);
    const note = row.querySelector('textarea')!;
    expect(document.activeElement).toBe(note);
    await type(note, '  reread the <b>ending</b>  ');
    await click(button(row, 'Save note'));
    expect((await getBookmark('ao3', '2'))?.note).toBe('reread the <b>ending</b>');
    expect(rowFor('Café Noir').querySelector('.shelf-note-text')?.textContent).toBe('reread the <b>ending</b>');
    expect(rowFor('Café Noir').querySelector('b')).toBeNull();
  });

  it('shows changes made elsewhere (progress saved in a tab)', async () => {
    await putBookmark(SAMPLE[0]!);
    await mount();
    await updateBookmark('ao3', '1', { chapter: 4, newChapters: 1 });
    await settle();
    expect(rows()[0]?.textContent).toContain('Chapter 4 of 10');
    expect(rows()[0]?.querySelector('.shelf-new')?.textContent).toBe('1 new chapter');
  });

  it('renders a window of many bookmarks, with Show more; compact shows the 3 most recent with Resume only', async () => {
    const many = Array.from({ length: 230 }, (_, i) =>
      makeBookmark({ workId: String(i + 1), title: `Work ${i + 1}`, readAt: new Date(Date.UTC(2026, 0, 1, 0, i)).toISOString() }),
    );
    await fakeBrowser.storage.local.set(
      Object.fromEntries(many.map((b) => [`bookmark:ao3:${b.workId}`, { v: 1, ...b }])),
    );
    await mount();
    expect(rows()).toHaveLength(100);
    expect(rows()[0]?.querySelector('.shelf-title')?.textContent).toBe('Work 230');
    await click(container!.querySelector<HTMLButtonElement>('.shelf-more')!);
    expect(rows()).toHaveLength(200);
    await click(container!.querySelector<HTMLButtonElement>('.shelf-more')!);
    expect(rows()).toHaveLength(230);
    expect(container!.querySelector('.shelf-more')).toBeNull();
    await act(() => render(null, container!));

    await act(() => render(<Shelf compact />, container!));
    await settle();
    expect(rows()).toHaveLength(SHELF_PAGE.compact);
    expect(rows()[0]?.querySelector('select')).toBeNull();
    expect(rows()[0]?.querySelector('textarea, .shelf-note')).toBeNull();
    expect(button(rows()[0]!, 'Resume')).toBeTruthy();
    // The popup keeps to Resume (its first view fits 600 px); deleting is on the options page.
    expect(rows()[0]!.querySelector('button.danger')).toBeNull();
    expect(SHELF_PAGE.compact).toBe(3);
  });

  describe('the popup, given the shelf index read before its first render', () => {
    it('lists from the index in its first render, then follows changes to the records', async () => {
      await putBookmark(SAMPLE[0]!);
      await putBookmark(SAMPLE[1]!);
      // The index disagrees with the records (a title), so what is shown says where it came from.
      const indexed = decodeShelfIndex(encodeShelfIndex([{ ...SAMPLE[0]!, title: 'Indexed title' }, SAMPLE[1]!]))!;
      container = document.createElement('div');
      document.body.append(container);
      render(<Shelf compact indexed={indexed} />, container);
      expect(rows().map((r) => r.querySelector('.shelf-title')?.textContent)).toEqual(['Indexed title', 'Café Noir']);
      await settle();
      await updateBookmark('ao3', '2', { readAt: '2026-04-01T00:00:00.000Z', chapter: 3 });
      await settle();
      expect(rows().map((r) => r.querySelector('.shelf-title')?.textContent)).toEqual(['Café Noir', 'Indexed title']);
      expect(rows()[0]?.textContent).toContain('Chapter 3');
      await type(container.querySelector<HTMLInputElement>('input[type="search"]')!, 'indexed');
      expect(rows().map((r) => r.querySelector('.shelf-title')?.textContent)).toEqual(['Indexed title']);
    });

    it('reads the records when there was no usable index', async () => {
      await putBookmark(SAMPLE[0]!);
      container = document.createElement('div');
      document.body.append(container);
      await act(() => render(<Shelf compact indexed={null} />, container!));
      await settle();
      expect(rows().map((r) => r.querySelector('.shelf-title')?.textContent)).toEqual([SAMPLE[0]!.title]);
    });
  });
});
