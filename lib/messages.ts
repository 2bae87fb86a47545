/**
 * Messages between the parts of the extension. Every message is checked on arrival:
 * anything that is not exactly one of these shapes is ignored.
 */
import { browser } from 'wxt/browser';
import type { PageKind, SiteId } from './sites/types';
import { SITE_IDS } from './sites/hosts';

/** What the content script reports about its tab. */
export interface PageStatus {
  site: SiteId;
  kind: PageKind;
  /** Works hidden or collapsed by filters on this page. */
  filtered: number;
  readerOn: boolean;
  /** The work shown, on a work page. */
  work: { site: SiteId; id: string; title: string } | null;
  /** On a work page: whether that work is in Lamplight's bookmarks (absent when unknown). */
  bookmarked?: boolean;
  /** On a work page whose work is in the reading history: its marker's words ("Read 12 Mar"). */
  history?: string;
}

export type ToContent =
  | { type: 'reader:toggle' }
  | { type: 'page:status' }
  /** Bookmark or unbookmark the work shown (popup). Reply: BookmarkReply. */
  | { type: 'bookmark:toggle' }
  /** Whether the work shown is bookmarked. Reply: BookmarkReply. */
  | { type: 'bookmark:status' }
  /** Bookmark the work a link on this page points at (context menu). Reply: BookmarkReply. */
  | { type: 'bookmark:link'; url: string }
  /** Forget the work shown from the reading history, and record it no more from this page. Reply: `{ forgotten }`. */
  | { type: 'history:forget' };

/** The content script's answer to the `bookmark:*` messages: whether the work is bookmarked now. */
export interface BookmarkReply {
  bookmarked: boolean;
}
export type ToBackground = { type: 'badge:filtered'; count: number };

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null;

export function parseToContent(message: unknown): ToContent | null {
  if (!isObject(message)) return null;
  if (message.type === 'reader:toggle' || message.type === 'page:status') return { type: message.type };
  if (message.type === 'bookmark:toggle' || message.type === 'bookmark:status' || message.type === 'history:forget') return { type: message.type };
  if (message.type === 'bookmark:link' && typeof message.url === 'string' && message.url.length <= 2048) {
    return { type: 'bookmark:link', url: message.url };
  }
  return null;
}

export function parseToBackground(message: unknown): ToBackground | null {
  if (!isObject(message)) return null;
  if (
    message.type === 'badge:filtered' &&
    typeof message.count === 'number' &&
    Number.isInteger(message.count) &&
    message.count >= 0
  ) {
    return { type: 'badge:filtered', count: message.count };
  }
  return null;
}

/** Sends to the content script of a tab; null when no Lamplight content script runs there. */
export async function sendToTab(tabId: number, message: ToContent): Promise<unknown> {
  try {
    return await browser.tabs.sendMessage(tabId, message);
  } catch {
    return null;
  }
}

export async function sendToBackground(message: ToBackground): Promise<void> {
  try {
    await browser.runtime.sendMessage(message);
  } catch {
    // The background may be restarting; the next change sends again.
  }
}

/** The active tab of the current window, where the popup's actions apply. */
export async function activeTabId(): Promise<number | null> {
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id ?? null;
}

// ---- Replies, checked where they arrive (the popup). A reply that is not exactly the shape
// expected counts as no reply.

const PAGE_KINDS: readonly PageKind[] = [
  'work',
  'listing',
  'adult-gate',
  'restricted',
  'not-found',
  'chapter-index',
  'other',
];
const isSite = (value: unknown): value is SiteId => (SITE_IDS as readonly unknown[]).includes(value);

/** The content script's answer to `{ type: 'page:status' }`, or null. */
export function parsePageStatus(reply: unknown): PageStatus | null {
  if (!isObject(reply)) return null;
  const { site, kind, filtered, readerOn, work } = reply;
  if (!isSite(site) || !(PAGE_KINDS as readonly unknown[]).includes(kind)) return null;
  if (typeof filtered !== 'number' || !Number.isInteger(filtered) || filtered < 0) return null;
  if (typeof readerOn !== 'boolean') return null;
  let workRef: PageStatus['work'] = null;
  if (work !== null && work !== undefined) {
    if (!isObject(work) || !isSite(work.site) || typeof work.id !== 'string' || typeof work.title !== 'string') {
      return null;
    }
    workRef = { site: work.site, id: work.id, title: work.title };
  }
  const status: PageStatus = { site, kind: kind as PageKind, filtered, readerOn, work: workRef };
  if (typeof reply.bookmarked === 'boolean') status.bookmarked = reply.bookmarked;
  if (typeof reply.history === 'string' && reply.history.length > 0 && reply.history.length <= 200) status.history = reply.history;
  return status;
}

/** The content script's answer to `{ type: 'reader:toggle' }`: whether reader mode is now on. */
export function parseReaderToggleReply(reply: unknown): { readerOn: boolean } | null {
  if (!isObject(reply) || typeof reply.readerOn !== 'boolean') return null;
  return { readerOn: reply.readerOn };
}

/** The content script's answer to a `bookmark:*` message, or null. */
export function parseBookmarkReply(reply: unknown): BookmarkReply | null {
  if (!isObject(reply) || typeof reply.bookmarked !== 'boolean') return null;
  return { bookmarked: reply.bookmarked };
}

/** The content script's answer to `history:forget`, or null. */
export function parseHistoryForgetReply(reply: unknown): { forgotten: boolean } | null {
  if (!isObject(reply) || typeof reply.forgotten !== 'boolean') return null;
  return { forgotten: reply.forgotten };
}
