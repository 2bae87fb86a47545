/**
 * Messages between the parts of the extension. Every message is checked on arrival:
 * anything that is not exactly one of these shapes is ignored.
 */
import { browser } from 'wxt/browser';
import type { PageKind, SiteId } from './sites/types';

/** What the content script reports about its tab. */
export interface PageStatus {
  site: SiteId;
  kind: PageKind;
  /** Works hidden or collapsed by filters on this page. */
  filtered: number;
  readerOn: boolean;
  /** The work shown, on a work page. */
  work: { site: SiteId; id: string; title: string } | null;
}

export type ToContent = { type: 'reader:toggle' } | { type: 'page:status' };
export type ToBackground = { type: 'badge:filtered'; count: number };

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null;

export function parseToContent(message: unknown): ToContent | null {
  if (!isObject(message)) return null;
  if (message.type === 'reader:toggle' || message.type === 'page:status') return { type: message.type };
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
