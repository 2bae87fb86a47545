/**
 * Text helpers for the extension pages, on top of lib/i18n: numbers in the reader's language,
 * plural messages that show the count formatted, and messages with elements inside them.
 */
import { Fragment, type ComponentChildren, type JSX } from 'preact';
import { browser } from 'wxt/browser';
import { t, tn, type MessageKey, type PluralBase } from '../lib/i18n';

let numbers: Intl.NumberFormat | null = null;

/** 12345 → "12,345" (in the browser's UI language). */
export function formatNumber(n: number): string {
  numbers ??= new Intl.NumberFormat(browser.i18n.getUILanguage());
  return numbers.format(n);
}

/**
 * `tn` for messages whose `$COUNT$` is `$2`: `$1` is the bare count (it picks the plural form),
 * `$2` the count formatted; `more` are `$3`, `$4`…
 */
export function countText(base: PluralBase, count: number, ...more: (string | number)[]): string {
  return tn(base, count, formatNumber(count), ...more);
}

// Private-use characters: never in a message or in text a reader types into these pages' strings.
const OPEN = '\uE000';
const CLOSE = '\uE001';
const MARK = /\uE000(\d+)\uE001/;

/**
 * A message whose placeholders may be elements (`<strong>{name}</strong>`): the translated text
 * around them, with each element where its placeholder is, so translators can move it.
 */
export function tx(key: MessageKey, ...subs: (string | number | JSX.Element)[]): ComponentChildren {
  const text = t(key, ...subs.map((s, i) => (typeof s === 'object' ? `${OPEN}${i}${CLOSE}` : s)));
  const parts = text.split(MARK);
  return parts.map((part, i) => {
    if (i % 2 === 0) return part === '' ? null : part;
    const sub = subs[Number(part)];
    // A marker that is not an element's (typed into a file name, say) stays as it was.
    return typeof sub === 'object' ? <Fragment key={i}>{sub}</Fragment> : `${OPEN}${part}${CLOSE}`;
  });
}
