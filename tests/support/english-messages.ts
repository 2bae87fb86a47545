/**
 * `i18n.getMessage` over the English messages.json, the way the browsers read it (named
 * `$PLACEHOLDER$`s whose content is `$1`…`$9`, `$$` for a dollar sign), for code that runs
 * outside the extension in tests: the unit tests' fake browser and lib code the E2E tests call.
 */
import english from '../../public/_locales/en/messages.json';

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
