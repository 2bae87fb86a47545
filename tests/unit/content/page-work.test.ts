import { afterEach, describe, expect, it, vi } from 'vitest';
import { createPage, workReader } from '../../../entrypoints/content/page';
import { ao3 } from '../../../lib/sites/ao3';
import type { SiteAdapter } from '../../../lib/sites/types';
import { ao3Url, loadFixture } from '../sites/ao3-fixtures';

const URL_ = ao3Url('/works/323217');

/** The AO3 adapter, counting its work reads (and failing them when `fail`). */
function countingAdapter(fail = false): { adapter: SiteAdapter; reads: () => number } {
  let reads = 0;
  const adapter: SiteAdapter = {
    ...ao3,
    readWork(doc, url) {
      reads++;
      if (fail) throw new Error('markup changed');
      return ao3.readWork(doc, url);
    },
  };
  return { adapter, reads: () => reads };
}

function withReadyState(doc: Document, state: DocumentReadyState): Document {
  Object.defineProperty(doc, 'readyState', { configurable: true, get: () => state });
  return doc;
}

describe("the page's work, read once for every feature", () => {
  afterEach(() => vi.restoreAllMocks());

  it('parses the page once however many features ask, and gives them the same reading', () => {
    const { adapter, reads } = countingAdapter();
    const page = createPage(adapter, URL_, 'work', withReadyState(loadFixture('work-oneshot-323217.html'), 'interactive'));
    const first = page.work();
    expect(first?.meta.id).toBe('323217');
    expect(page.work()).toBe(first);
    expect(page.work()).toBe(first);
    expect(reads()).toBe(1);
  });

  it('shares one reading between the filters and the features when given the same reader', () => {
    const { adapter, reads } = countingAdapter();
    const doc = withReadyState(loadFixture('work-oneshot-323217.html'), 'complete');
    const read = workReader(adapter, doc, URL_);
    const filtersSaw = read();
    expect(createPage(adapter, URL_, 'work', doc, read).work()).toBe(filtersSaw);
    expect(reads()).toBe(1);
  });

  it('does not keep a reading made while the page is still parsing', () => {
    const { adapter, reads } = countingAdapter();
    const doc = withReadyState(loadFixture('work-oneshot-323217.html'), 'loading');
    const read = workReader(adapter, doc, URL_);
    read();
    read();
    expect(reads()).toBe(2);
    withReadyState(doc, 'interactive');
    read();
    read();
    expect(reads()).toBe(3);
  });

  it('a page the adapter cannot read gives null, with one warning, and is not read again', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const { adapter, reads } = countingAdapter(true);
    const page = createPage(adapter, URL_, 'work', withReadyState(loadFixture('work-oneshot-323217.html'), 'complete'));
    expect(page.work()).toBeNull();
    expect(page.work()).toBeNull();
    expect(reads()).toBe(1);
    expect(warn).toHaveBeenCalledTimes(1);
    expect(String(warn.mock.calls[0]?.[0])).toBe('Lamplight could not read the work on this page.');
  });
});
