/**
 * The page context the content script gives its features (entrypoints/content/page.ts): the typed
 * event hub (events.ts), the one message dispatcher (dispatcher.ts), and features started only on
 * the page kinds they declare, stopped by one AbortSignal.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createDispatcher, listenForMessages } from '../../../entrypoints/content/dispatcher';
import { createEventHub } from '../../../entrypoints/content/events';
import { createPage, startFeatures, type Feature, type Page } from '../../../entrypoints/content/page';
import type { OpenReaderView } from '../../../entrypoints/content/state/reader';
import { ao3 } from '../../../lib/sites/ao3';

const view = (): OpenReaderView => ({ bookmarkSlot: document.createElement('span'), chapters: [] });

describe('the event hub', () => {
  afterEach(() => vi.restoreAllMocks());

  it('gives each listener of an event its payload, in the order they came, and no other event', () => {
    const hub = createEventHub();
    const signal = new AbortController().signal;
    const seen: string[] = [];
    const open = view();
    hub.on('reader:change', (v) => seen.push(v === open ? 'first: open' : `first: ${String(v)}`), signal);
    hub.on('reader:change', (v) => seen.push(v === null ? 'second: closed' : 'second: open'), signal);
    hub.on('filter:verdicts', () => seen.push('verdicts'), signal);
    hub.emit('reader:change', open);
    hub.emit('reader:change', null);
    expect(seen).toEqual(['first: open', 'second: open', 'first: null', 'second: closed']);
    hub.emit('filter:verdicts');
    expect(seen.at(-1)).toBe('verdicts');
  });

  it('drops a listener when its signal aborts, or when it is turned off; the others stay', () => {
    const hub = createEventHub();
    const stays = vi.fn();
    const aborted = vi.fn();
    const turnedOff = vi.fn();
    const keep = new AbortController();
    const stop = new AbortController();
    hub.on('filter:verdicts', stays, keep.signal);
    hub.on('filter:verdicts', aborted, stop.signal);
    const off = hub.on('filter:verdicts', turnedOff, keep.signal);
    hub.emit('filter:verdicts');
    stop.abort();
    off();
    hub.emit('filter:verdicts');
    hub.emit('filter:verdicts');
    expect(stays).toHaveBeenCalledTimes(3);
    expect(aborted).toHaveBeenCalledTimes(1);
    expect(turnedOff).toHaveBeenCalledTimes(1);
  });

  it('never adds a listener whose signal has already aborted', () => {
    const hub = createEventHub();
    const listener = vi.fn();
    hub.on('filter:verdicts', listener, AbortSignal.abort());
    hub.emit('filter:verdicts');
    expect(listener).not.toHaveBeenCalled();
  });

  it('a listener that throws never stops the next one', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const hub = createEventHub();
    const signal = new AbortController().signal;
    const next = vi.fn();
    hub.on('filter:verdicts', () => {
      throw new Error('broken feature');
    }, signal);
    hub.on('filter:verdicts', next, signal);
    hub.emit('filter:verdicts');
    expect(next).toHaveBeenCalledTimes(1);
    expect(warn).toHaveBeenCalledWith('Lamplight: a listener failed.', expect.any(Error));
  });

  it('a listener that turns itself off while called is not called again', () => {
    const hub = createEventHub();
    let calls = 0;
    const off = hub.on('filter:verdicts', () => {
      calls++;
      off();
    }, new AbortController().signal);
    hub.emit('filter:verdicts');
    hub.emit('filter:verdicts');
    expect(calls).toBe(1);
  });
});

describe('the message dispatcher', () => {
  let script: AbortController;
  beforeEach(() => {
    fakeBrowser.reset();
    script = new AbortController();
  });
  afterEach(() => script.abort());

  const send = (message: unknown) => fakeBrowser.runtime.onMessage.trigger(message, {});

  it('is the one runtime listener, and gives each message type to its handler', async () => {
    const messages = createDispatcher();
    listenForMessages(messages, script.signal);
    messages.handle('reader:toggle', () => Promise.resolve({ readerOn: true }), script.signal);
    messages.handle('bookmark:link', (message) => Promise.resolve({ url: message.url }), script.signal);
    expect(await send({ type: 'reader:toggle' })).toEqual([{ readerOn: true }]);
    expect(await send({ type: 'bookmark:link', url: 'https://archiveofourown.org/works/1' })).toEqual([
      { url: 'https://archiveofourown.org/works/1' },
    ]);
  });

  it('leaves unknown, malformed and unhandled messages unanswered', async () => {
    const messages = createDispatcher();
    listenForMessages(messages, script.signal);
    const handler = vi.fn(() => Promise.resolve({ bookmarked: true }));
    messages.handle('bookmark:status', handler, script.signal);
    expect(await send({ type: 'bookmark:nonsense' })).toEqual([undefined]);
    expect(await send('bookmark:status')).toEqual([undefined]);
    expect(await send({ type: 'bookmark:link', url: 42 })).toEqual([undefined]);
    expect(await send({ type: 'page:status' })).toEqual([undefined]);
    expect(handler).not.toHaveBeenCalled();
  });

  it("drops a handler when its feature's signal aborts, and stops listening when the script's does", async () => {
    const messages = createDispatcher();
    listenForMessages(messages, script.signal);
    const feature = new AbortController();
    messages.handle('reader:toggle', () => Promise.resolve({ readerOn: true }), feature.signal);
    messages.handle('bookmark:status', () => Promise.resolve({ bookmarked: false }), script.signal);
    feature.abort();
    expect(await send({ type: 'reader:toggle' })).toEqual([undefined]);
    expect(await send({ type: 'bookmark:status' })).toEqual([{ bookmarked: false }]);
    script.abort();
    expect(await send({ type: 'bookmark:status' })).toEqual([]);
  });

  it('a handler that throws answers nothing and is warned about', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const messages = createDispatcher();
    listenForMessages(messages, script.signal);
    messages.handle('bookmark:toggle', () => {
      throw new Error('broken feature');
    }, script.signal);
    expect(await send({ type: 'bookmark:toggle' })).toEqual([undefined]);
    expect(warn).toHaveBeenCalledWith('Lamplight could not answer a message.', expect.any(Error));
  });
});

describe('features on a page', () => {
  afterEach(() => vi.restoreAllMocks());

  const page = (kind: Page['kind']) => createPage(ao3, new URL('https://archiveofourown.org/works/1'), kind, document);

  function feature(name: string, kinds: Feature['kinds'], log: string[]): Feature {
    return {
      name,
      kinds,
      start(_page, signal) {
        log.push(`start ${name}`);
        signal.addEventListener('abort', () => log.push(`stop ${name}`));
      },
    };
  }

  it('starts, in order, only the features declared for the page kind; one signal stops them', () => {
    const log: string[] = [];
    const controller = new AbortController();
    const features = [feature('reader', ['work'], log), feature('markers', ['listing'], log), feature('bookmarks', ['work', 'listing'], log)];
    startFeatures(page('work'), features, controller.signal);
    expect(log).toEqual(['start reader', 'start bookmarks']);
    controller.abort();
    expect(log).toEqual(['start reader', 'start bookmarks', 'stop reader', 'stop bookmarks']);
  });

  it('a feature that fails to start, at once or later, is warned about and the others still start', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const log: string[] = [];
    const throws: Feature = { name: 'broken', kinds: ['listing'], start: () => {
      throw new Error('boom');
    } };
    const rejects: Feature = { name: 'late', kinds: ['listing'], start: () => Promise.reject(new Error('later')) };
    startFeatures(page('listing'), [throws, rejects, feature('markers', ['listing'], log)], new AbortController().signal);
    expect(log).toEqual(['start markers']);
    await Promise.resolve();
    expect(warn).toHaveBeenCalledWith('Lamplight broken: could not start.', expect.any(Error));
    expect(warn).toHaveBeenCalledWith('Lamplight late: could not start.', expect.any(Error));
  });

  it('features on one page share its hub: what one emits, another hears', () => {
    const shared = page('work');
    const heard: (OpenReaderView | null)[] = [];
    const open = view();
    const controller = new AbortController();
    startFeatures(shared, [
      { name: 'listener', kinds: ['work'], start: (p, signal) => void p.events.on('reader:change', (v) => heard.push(v), signal) },
      { name: 'reader', kinds: ['work'], start: (p) => p.events.emit('reader:change', open) },
    ], controller.signal);
    expect(heard).toEqual([open]);
    controller.abort();
    shared.events.emit('reader:change', null);
    expect(heard).toEqual([open]);
  });
});
