/**
 * Every string a reader sees comes from `public/_locales/<locale>/messages.json` through
 * `browser.i18n`, so a translation is one new file. Keys are typed from the English file.
 */
import { browser } from 'wxt/browser';
import type english from '../public/_locales/en/messages.json';

export type MessageKey = keyof typeof english;

/** Keys written as `<base>_one` / `<base>_other` (and any other CLDR category a locale needs). */
export type PluralBase = { [K in MessageKey]: K extends `${infer B}_other` ? B : never }[MessageKey];

/** The message for `key`, with `$NAME$` placeholders filled from `substitutions` in order ($1, $2…). */
export function t(key: MessageKey, ...substitutions: (string | number)[]): string {
  if (substitutions.length === 0) return plain(key);
  const text = browser.i18n.getMessage(key, substitutions.map(String));
  // A key missing from every locale is a bug; show the key rather than nothing.
  return text || key;
}

/**
 * Messages without substitutions, each asked of the browser once per page: every getMessage is a call
 * into the extension bindings, and the reader of a long work asks for the same labels per chapter.
 * The locale cannot change while a page lives.
 */
const plainMessages = new Map<MessageKey, string>();
function plain(key: MessageKey): string {
  let text = plainMessages.get(key);
  if (text === undefined) {
    text = browser.i18n.getMessage(key) || key;
    plainMessages.set(key, text);
  }
  return text;
}

/**
 * A message asked for once and filled in many times: `messageFiller('filterHideWorkLabel')(title)`
 * for each of a listing's blurbs costs one getMessage, not one per blurb. The browser fills slots
 * (private-use characters around the position: Chrome's getMessage drops a substitution holding
 * U+0000), which one pass then replaces, so a substitution that looks like a slot stays as written.
 */
export function messageFiller(key: MessageKey, count = 1): (...substitutions: (string | number)[]) => string {
  let template: string | null = null;
  return (...substitutions) => {
    template ??= t(key, ...Array.from({ length: count }, (_, i) => `\uE000${i}\uE001`));
    return template.replace(/\uE000(\d)\uE001/g, (_, i: string) => String(substitutions[Number(i)] ?? ''));
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
  const text = browser.i18n.getMessage(`${base}_${pluralCategory(count)}` as MessageKey, subs);
  return text || t(`${base}_other` as MessageKey, ...subs);
}

/** "a, b, c", joined the locale's way (`listMore`). */
export function listOf(items: readonly string[]): string {
  let list = items[0] ?? '';
  for (let i = 1; i < items.length; i++) list = t('listMore', list, items[i]!);
  return list;
}
