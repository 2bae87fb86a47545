/**
 * WXT's fake browser has no `i18n`: give it one that reads the English messages.json the way the
 * browsers do (named `$PLACEHOLDER$`s whose content is `$1`…`$9`, `$$` for a dollar sign), so unit
 * tests see the same text the extension shows.
 */
import { beforeEach } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import english from '../../../public/_locales/en/messages.json';

interface Entry {
  message: string;
  placeholders?: Record<string, { content: string }>;
}

const messages: Record<string, Entry> = english;

function fill(content: string, subs: readonly string[]): string {
  return content.replace(/\$(\d)/g, (_, n: string) => subs[Number(n) - 1] ?? '');
}

export function getMessage(key: string, substitutions?: string | string[]): string {
  const entry = messages[key];
  if (!entry) return '';
  const subs = substitutions === undefined ? [] : Array.isArray(substitutions) ? substitutions : [substitutions];
  const placeholders = Object.fromEntries(
    Object.entries(entry.placeholders ?? {}).map(([name, p]) => [name.toLowerCase(), fill(p.content, subs)]),
  );
  return entry.message.replace(/\$(?:\$|([A-Za-z0-9_@]+)\$)/g, (whole, name?: string) =>
    name === undefined ? '$' : (placeholders[name.toLowerCase()] ?? whole),
  );
}

function install(): void {
  Object.assign(fakeBrowser.i18n, { getMessage, getUILanguage: () => 'en' });
}

install();
beforeEach(install);
