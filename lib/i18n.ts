/**
 * Every string a reader sees comes from `public/_locales/<locale>/messages.json` through
 * `browser.i18n`, so a translation is one new file. Keys are typed from the English file.
 */
import { browser } from 'wxt/browser';
import type english from '../public/_locales/en/messages.json';
import type { MessageCache } from './storage/message-cache';

export type MessageKey = keyof typeof english;

/** Keys written as `<base>_one` / `<base>_other` (and any other CLDR category a locale needs). */
export type PluralBase = { [K in MessageKey]: K extends `${infer B}_other` ? B : never }[MessageKey];

/** The message for `key`, with `$NAME$` placeholders filled from `substitutions` in order ($1, $2…). */
export function t(key: MessageKey, ...substitutions: (string | number)[]): string {
  if (substitutions.length === 0) return plain(key);
  const text = getMessage(key, substitutions.map(String));
  // A key missing from every locale is a bug; show the key rather than nothing.
  return text || key;
}

/** Substitution i as a template holds it: U+0000, i, U+0000 (page text never holds U+0000; the HTML parser replaces it). */
const slot = (i: number) => `\u0000${i}\u0000`;
const SLOTS = Array.from({ length: 9 }, (_, i) => slot(i));
const FILLED = /\u0000(\d)\u0000/g;

/** `key`'s message with a slot for each of the nine substitutions browsers allow; '' when there is none. */
export const messageTemplate = (key: string): string => browser.i18n.getMessage(key as MessageKey, SLOTS);

/** Templates kept by the background (lib/storage/message-cache.ts), once this page has read them. */
let templates: Record<string, string> | null = null;

/**
 * Lets this page's messages come from `cache`, when it was made for this version and language, instead
 * of the browser's bundle; any key it lacks is still asked of the browser.
 */
export function useMessageTemplates(cache: MessageCache | null): void {
  const current = cache !== null && cache.version === browser.runtime.getManifest().version && cache.language === browser.i18n.getUILanguage();
  templates = current ? cache.templates : null;
}

function getMessage(key: string, substitutions: readonly string[] = []): string {
  const template = templates && Object.hasOwn(templates, key) ? templates[key] : undefined;
  if (template === undefined) return browser.i18n.getMessage(key as MessageKey, [...substitutions]);
  return fill(template, substitutions);
}

const fill = (template: string, substitutions: readonly string[]): string =>
  template.replace(FILLED, (_, i: string) => substitutions[Number(i)] ?? '');

/**
 * Messages without substitutions, each asked of the browser once per page: every getMessage is a call
 * into the extension bindings, and the reader of a long work asks for the same labels per chapter.
 * The locale cannot change while a page lives.
 */
const plainMessages = new Map<MessageKey, string>();
function plain(key: MessageKey): string {
  let text = plainMessages.get(key);
  if (text === undefined) {
    text = getMessage(key) || key;
    plainMessages.set(key, text);
  }
  return text;
}

/**
 * A message asked for once and filled in many times: `messageFiller('filterHideWorkLabel')(title)`
 * for each of a listing's blurbs costs one getMessage, not one per blurb.
 */
export function messageFiller(key: MessageKey, count = 1): (...substitutions: (string | number)[]) => string {
  let template: string | null = null;
  return (...substitutions) => {
    template ??= t(key, ...SLOTS.slice(0, count));
    return fill(template, substitutions.map(String));
  };
}

let rules: Intl.PluralRules | null = null;

function pluralCategory(n: number): Intl.LDMLPluralRule {
  rules ??= new Intl.PluralRules(browser.i18n.getUILanguage());
  return rules.select(n);
}

/** The plural form of `base` for `count` (`count` is also the first substitution). */
export function tn(base: PluralBase, count: number, ...substitutions: (string | number)[]): string {
  const subs = [count, ...substitutions].map(String);
  // A locale may have forms English lacks (`_few`, `_many`…): asked for by name, absent ones give ''.
  const text = getMessage(`${base}_${pluralCategory(count)}`, subs);
  return text || t(`${base}_other` as MessageKey, ...subs);
}

/** "a, b, c", joined the locale's way (`listMore`). */
export function listOf(items: readonly string[]): string {
  let list = items[0] ?? '';
  for (let i = 1; i < items.length; i++) list = t('listMore', list, items[i]!);
  return list;
}
