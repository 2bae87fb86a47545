/**
 * The sync engine's own writes, remembered so that their `storage.onChanged` echoes do not set off
 * another sync. An echo is recognised once, by area, key and value, within a minute.
 */

const ECHO_TTL_MS = 60_000;

export interface EchoLog {
  /** A write of ours is about to happen. */
  expect(area: 'local' | 'sync', key: string, value: unknown): void;
  /** Whether a change is the echo of a write of ours (then it is forgotten). */
  isEcho(area: string, key: string, newValue: unknown): boolean;
  /** Forget what is older than a minute. */
  prune(): void;
}

export function createEchoLog(now: () => number, relevant: (area: string, key: string) => boolean): EchoLog {
  const echoes = new Map<string, { json: string; at: number }>();
  return {
    expect(area, key, value) {
      if (relevant(area, key)) echoes.set(`${area}:${key}`, { json: JSON.stringify(value ?? null), at: now() });
    },
    isEcho(area, key, newValue) {
      const id = `${area}:${key}`;
      const echo = echoes.get(id);
      if (!echo || echo.json !== JSON.stringify(newValue ?? null)) return false;
      echoes.delete(id);
      return true;
    },
    prune() {
      const t = now();
      for (const [id, echo] of echoes) if (t - echo.at > ECHO_TTL_MS) echoes.delete(id);
    },
  };
}
