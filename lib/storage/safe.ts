/**
 * Internal: the repair step shared by the safe loaders. Quarantine first, then replace the
 * stored value only if it is still the bad value we read (another context may have written a
 * good one meanwhile).
 */
import { storage, type StorageItemKey } from 'wxt/utils/storage';
import { jsonEqual } from '../check';
import { versionedWrites } from './items';
import { quarantine, type QuarantineInput } from './quarantine';

export async function quarantineAndRepair(opts: {
  key: StorageItemKey;
  /** The raw value as read (compared before repairing). */
  found: unknown;
  /** Copies to keep; empty when nothing is lost (a repair that only tidies). */
  bad: readonly QuarantineInput[];
  /** The value to store instead, with its version; `null` removes the key. */
  repaired: { value: unknown; version: number } | null;
}): Promise<void> {
  try {
    await quarantine(opts.bad);
  } catch (err) {
    // Could not keep a copy: leave the original alone rather than lose it.
    console.error(`[lamplight] could not quarantine ${opts.key}; left as it is`, err);
    return;
  }
  try {
    const now: unknown = await storage.getItem(opts.key);
    if (!jsonEqual(now, opts.found)) return;
    if (opts.repaired === null) await storage.removeItem(opts.key);
    else await storage.setItems(versionedWrites([{ key: opts.key, ...opts.repaired }]));
  } catch (err) {
    console.error(`[lamplight] could not repair ${opts.key}`, err);
  }
}
