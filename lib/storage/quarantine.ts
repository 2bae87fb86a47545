/**
 * Quarantine: a stored value that fails validation is never silently dropped. It is copied to
 * `local:quarantine:<key>:<timestamp>` with the reason, the item falls back to a safe value,
 * and the options page can list the copies (`getQuarantine`) and offer them as a download.
 */
import { browser } from 'wxt/browser';
import { storage, type StorageItemKey } from 'wxt/utils/storage';
import { isPlainObject } from '../check';
import { listLocalKeys } from './raw';

export const QUARANTINE_PREFIX = 'quarantine:';

export interface QuarantineEntry {
  /** The quarantine's own storage key (`local:quarantine:…`): pass it to `removeQuarantine`. */
  id: StorageItemKey;
  /** Where the value was found, e.g. `local:filterRules` or `local:bookmark:ao3:123`. */
  key: string;
  /** ISO date-time. */
  quarantinedAt: string;
  /** What was wrong, for people. */
  reason: string;
  /** The value as it was found (for a list, only the bad entries). */
  value: unknown;
}

export interface QuarantineInput {
  key: string;
  reason: string;
  value: unknown;
}

let lastStamp = 0;
/** Milliseconds since 1970, strictly increasing within this context. */
function stamp(): number {
  lastStamp = Math.max(Date.now(), lastStamp + 1);
  return lastStamp;
}

/**
 * Copy values into quarantine, in one write. Call it BEFORE repairing the original, so a
 * failed write leaves the original where it was.
 */
export async function quarantine(items: readonly QuarantineInput[]): Promise<QuarantineEntry[]> {
  if (items.length === 0) return [];
  const entries = items.map((item): QuarantineEntry => {
    const t = stamp();
    return {
      id: `local:${QUARANTINE_PREFIX}${item.key}:${t}`,
      key: item.key,
      quarantinedAt: new Date(t).toISOString(),
      reason: item.reason,
      value: item.value,
    };
  });
  await storage.setItems(
    entries.map(({ id, key, quarantinedAt, reason, value }) => ({
      key: id,
      value: { key, quarantinedAt, reason, value },
    })),
  );
  return entries;
}

/**
 * Every quarantined value, oldest first. Where the browser can list keys alone (Chrome 130+,
 * Firefox 143+), only the quarantine's keys are read: not 50,000 history records with them.
 */
export async function getQuarantine(): Promise<QuarantineEntry[]> {
  const all = await listLocalKeys();
  if (!all) return quarantineFromSnapshot(await storage.snapshot('local'));
  const keys = all.filter((k) => k.startsWith(QUARANTINE_PREFIX));
  return quarantineFromSnapshot(keys.length === 0 ? {} : await browser.storage.local.get(keys));
}

/** The quarantine entries in a snapshot of the local area. */
export function quarantineFromSnapshot(snapshot: Record<string, unknown>): QuarantineEntry[] {
  const out: QuarantineEntry[] = [];
  for (const [driverKey, raw] of Object.entries(snapshot)) {
    if (!driverKey.startsWith(QUARANTINE_PREFIX) || driverKey.endsWith('$')) continue;
    const id = `local:${driverKey}` as StorageItemKey;
    if (isPlainObject(raw) && typeof raw.key === 'string' && typeof raw.quarantinedAt === 'string') {
      out.push({
        id,
        key: raw.key,
        quarantinedAt: raw.quarantinedAt,
        reason: typeof raw.reason === 'string' ? raw.reason : '',
        value: raw.value,
      });
    } else {
      // Even a damaged quarantine entry is shown, never dropped.
      out.push({ id, key: driverKey.slice(QUARANTINE_PREFIX.length), quarantinedAt: '', reason: '', value: raw });
    }
  }
  return out.sort((a, b) =>
    a.quarantinedAt !== b.quarantinedAt
      ? a.quarantinedAt < b.quarantinedAt
        ? -1
        : 1
      : a.id < b.id
        ? -1
        : a.id > b.id
          ? 1
          : 0,
  );
}

export async function removeQuarantine(id: string): Promise<void> {
  if (!id.startsWith(`local:${QUARANTINE_PREFIX}`)) {
    throw new Error(`Not a quarantine entry: ${id}`);
  }
  await storage.removeItem(id as StorageItemKey);
}

export async function clearQuarantine(): Promise<void> {
  const entries = await getQuarantine();
  if (entries.length > 0) await storage.removeItems(entries.map((e) => e.id));
}
