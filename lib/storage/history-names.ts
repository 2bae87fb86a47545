/**
 * Fandom names of the reading history, stored once each: `local:historyFandom:<id>` holds the
 * name, and history records list ids (./history-codec.ts). A reader's 50,000 works share a few
 * hundred fandoms, and "Harry Potter - J. K. Rowling" 50,000 times would take a quarter of the
 * storage the history may use.
 *
 * An id is a hash of the name, so two contexts storing the same fandom write the same key with
 * the same value, and need no shared counter. When the id is taken by another name (a collision,
 * about one in 3,000 for two fandoms) the next probe's hash is used.
 */
import { browser } from 'wxt/browser';
import { FANDOM_ID_LENGTH } from './history-codec';
import { quarantineAndRepair } from './safe';

export const HISTORY_FANDOM_PREFIX = 'historyFandom:';

/** Ids tried for a name before giving up: enough for any number of fandoms a history holds. */
const PROBES = 8;
const ID_SPACE = 36 ** FANDOM_ID_LENGTH;

/** FNV-1a, 32 bits, over UTF-16 code units. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

/** The id a name takes at probe n (0 first). */
export function fandomId(name: string, probe = 0): string {
  const h = hash(probe === 0 ? name : `${probe}\u0000${name}`);
  return (h % ID_SPACE).toString(36).padStart(FANDOM_ID_LENGTH, '0');
}

const driverKey = (id: string): string => `${HISTORY_FANDOM_PREFIX}${id}`;

const isName = (value: unknown): value is string => typeof value === 'string' && value !== '';

/** Name keys already read along with something else (one `get` instead of two): the keys asked, and what came back. */
export interface NamesRead {
  asked: ReadonlySet<string>;
  stored: Record<string, unknown>;
}

/** The driver keys of these names' first-probe ids: read with the records, they usually spare assignFandomIds its own `get`. */
export const firstProbeKeys = (names: Iterable<string>): string[] => [...new Set(names)].map((name) => driverKey(fandomId(name)));

/** `keys` from `read` when it asked for them all, else one `get`. */
async function getKeys(keys: readonly string[], read?: NamesRead): Promise<Record<string, unknown>> {
  if (read && keys.every((key) => read.asked.has(key))) return read.stored;
  return browser.storage.local.get([...keys]);
}

/** The names of these ids; an id whose name is missing or damaged is left out (damaged: quarantined). */
export async function fandomNames(ids: Iterable<string>, read?: NamesRead): Promise<Map<string, string>> {
  const unique = [...new Set(ids)];
  const names = new Map<string, string>();
  if (unique.length === 0) return names;
  const stored = await getKeys(unique.map(driverKey), read);
  for (const id of unique) {
    const value: unknown = stored[driverKey(id)];
    if (isName(value)) names.set(id, value);
    else if (value !== undefined && value !== null) {
      await quarantineAndRepair({
        key: `local:${driverKey(id)}`,
        found: value,
        bad: [{ key: `local:${driverKey(id)}`, reason: 'a fandom name that is not text', value }],
        repaired: null,
      });
    }
  }
  return names;
}

/**
 * Ids for these names: the ones given in `known` (name → id, read with the records), else the
 * first probe whose key holds the name or nothing (`read`: the first probe's keys, when already
 * read). Returns the ids and the name keys to write.
 * Throws when a name finds no free id (never with fewer than millions of fandoms).
 */
export async function assignFandomIds(
  names: Iterable<string>,
  known: ReadonlyMap<string, string>,
  read?: NamesRead,
): Promise<{ ids: Map<string, string>; writes: Record<string, string> }> {
  const ids = new Map<string, string>();
  const writes: Record<string, string> = {};
  /** Ids given to new names in this call, so two new names never share one. */
  const claimed = new Map<string, string>();
  let pending = [...new Set(names)].filter((name) => {
    const id = known.get(name);
    if (id !== undefined) ids.set(name, id);
    return id === undefined;
  });
  for (let probe = 0; probe < PROBES && pending.length > 0; probe++) {
    const tries = pending.map((name) => [name, fandomId(name, probe)] as const);
    const stored = await getKeys(tries.map(([, id]) => driverKey(id)), probe === 0 ? read : undefined);
    const next: string[] = [];
    for (const [name, id] of tries) {
      const value: unknown = stored[driverKey(id)];
      const free = (value === undefined || value === null) && (claimed.get(id) ?? name) === name;
      if (value === name || free) {
        ids.set(name, id);
        if (value !== name) {
          claimed.set(id, name);
          writes[driverKey(id)] = name;
        }
      } else next.push(name);
    }
    pending = next;
  }
  if (pending.length > 0) throw new Error(`no free fandom id for ${JSON.stringify(pending[0])}`);
  return { ids, writes };
}
