import { describe, expect, it } from 'vitest';
import { parseHistoryForgetReply, parsePageStatus, parseToContent } from '../../lib/messages';

const status = { site: 'ao3', kind: 'work', filtered: 0, readerOn: false, work: { site: 'ao3', id: '1', title: 'T' } };

describe('messages to the content script', () => {
  it('takes the known shapes and nothing else', () => {
    expect(parseToContent({ type: 'history:forget' })).toEqual({ type: 'history:forget' });
    expect(parseToContent({ type: 'history:forget', extra: 1 })).toEqual({ type: 'history:forget' });
    expect(parseToContent({ type: 'page:status' })).toEqual({ type: 'page:status' });
    expect(parseToContent({ type: 'bookmark:link', url: 'https://archiveofourown.org/works/1' })).toEqual({
      type: 'bookmark:link',
      url: 'https://archiveofourown.org/works/1',
    });
    expect(parseToContent({ type: 'bookmark:link', url: 'x'.repeat(2049) })).toBeNull();
    expect(parseToContent({ type: 'history:forgetAll' })).toBeNull();
    expect(parseToContent('history:forget')).toBeNull();
    expect(parseToContent(null)).toBeNull();
  });
});

describe("the content script's replies", () => {
  it("a page status carries the work's history words when they are a short string", () => {
    expect(parsePageStatus({ ...status, history: 'Stopped at chapter 5 of 12' })?.history).toBe('Stopped at chapter 5 of 12');
    expect(parsePageStatus(status)).toEqual(status);
    expect(parsePageStatus({ ...status, history: '' })).toEqual(status);
    expect(parsePageStatus({ ...status, history: 'x'.repeat(201) })).toEqual(status);
    expect(parsePageStatus({ ...status, history: { text: 'Read' } })).toEqual(status);
  });

  it('a page status of an unknown site or kind is no status', () => {
    expect(parsePageStatus({ ...status, site: 'wattpad' })).toBeNull();
    expect(parsePageStatus({ ...status, kind: 'home' })).toBeNull();
    expect(parsePageStatus({ ...status, filtered: -1 })).toBeNull();
  });

  it('a forget reply says whether the work was forgotten', () => {
    expect(parseHistoryForgetReply({ forgotten: true })).toEqual({ forgotten: true });
    expect(parseHistoryForgetReply({ forgotten: false })).toEqual({ forgotten: false });
    expect(parseHistoryForgetReply({ forgotten: 'yes' })).toBeNull();
    expect(parseHistoryForgetReply(null)).toBeNull();
  });
});
