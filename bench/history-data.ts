/**
 * A reading history for the bench, in the stored form (lib/storage/history-codec.ts): `count`
 * records, the works of `first` among them, 400 fandom names, seeded (the same every run).
 */
import { seeded } from './data';

export const HISTORY_FANDOMS = 400;

export function historyItems(count: number, first: readonly string[] = []): Record<string, unknown> {
  const random = seeded(50_000);
  const items: Record<string, unknown> = {};
  const fandom = (n: number) => n.toString(36).padStart(4, '0');
  for (let f = 0; f < HISTORY_FANDOMS; f++) items[`historyFandom:${fandom(f)}`] = `Fandom number ${f} (bench)`;
  const now = Math.floor(Date.now() / 60_000);
  const ids = [...first];
  for (let i = ids.length; i < count; i++) ids.push(String(80_000_000 + i));
  ids.forEach((id, i) => {
    const posted = 1 + Math.floor(random() * 40);
    const seen = 1 + Math.floor(random() * posted);
    items[`history:ao3:${id}`] = [
      1,
      `A work read, number ${i}`,
      [`creator${Math.floor(random() * 5000)}`],
      fandom(Math.floor(random() * HISTORY_FANDOMS)) + (random() < 0.2 ? fandom(Math.floor(random() * HISTORY_FANDOMS)) : ''),
      seen,
      posted,
      seen === posted ? 1 : 0,
      now - Math.floor(random() * 500_000),
      Math.floor(random() * 50_000),
      1 + Math.floor(random() * 4),
    ];
  });
  return items;
}
