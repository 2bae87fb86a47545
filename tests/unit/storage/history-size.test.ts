/**
 * The history must hold 50,000 works in storage.local well inside Chrome's 10 MB quota, which the
 * bookmarks share: under 6 MB, counted as Chrome counts it (each key's length plus its value's
 * JSON). The entries are built like a real reader's: titles of about 30 characters, 1–2 creators,
 * 1–3 fandoms drawn from a few hundred (some far more read than others), chapters and visits.
 */
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import type { SiteId } from '../../../lib/sites/types';
import { encodeHistory, HISTORY_PREFIX, type StoredHistory } from '../../../lib/storage/history-codec';
import { getHistory, getHistoryProgress } from '../../../lib/storage/history';
import { assignFandomIds, HISTORY_FANDOM_PREFIX } from '../../../lib/storage/history-names';
import { mulberry32 } from '../fuzz/prng';

const WORKS = 50_000;
const LIMIT = 6_000_000;

const FANDOMS = [
  'Harry Potter - J. K. Rowling', 'Marvel Cinematic Universe', 'Sherlock (TV)', 'Star Wars - All Media Types',
  'Naruto', '僕のヒーローアカデミア | Boku no Hero Academia | My Hero Academia', 'Supernatural', 'Teen Wolf (TV)',
  'The Avengers (Marvel Movies)', 'Genshin Impact (Video Game)', 'Good Omens (TV)', 'Stray Kids (Band)',
  'Haikyuu!!', 'Original Work', 'Doctor Who', 'Star Trek: The Original Series', 'Dragon Age (Video Games)',
  'Mass Effect Trilogy', 'The Witcher (TV)', 'Hetalia: Axis Powers', 'Shingeki no Kyojin | Attack on Titan',
  'Jujutsu Kaisen (Manga)', 'Critical Role (Web Series)', 'Our Flag Means Death (TV)', 'Stargate Atlantis',
  'Batman - All Media Types', 'Merlin (TV)', 'Hannibal (TV)', 'Hockey RPF', 'Formula 1 RPF',
];
const WORDS = ['the', 'light', 'of', 'a', 'quiet', 'harbour', 'winter', 'letters', 'home', 'and', 'you', 'stars',
  'between', 'us', 'what', 'remains', 'small', 'hours', 'gold', 'river', 'after', 'everything', 'keep', 'burning'];

/** A few hundred fandoms: the common ones, and more of the same lengths. */
function fandomPool(): string[] {
  const pool = [...FANDOMS];
  for (let i = 0; pool.length < 400; i++) pool.push(`${FANDOMS[i % FANDOMS.length]!.slice(0, 18)} ${i}`);
  return pool;
}

function realisticEntries(): StoredHistory[] {
  const r = mulberry32(18);
  const pool = fandomPool();
  const word = () => r.pick(WORDS);
  const title = () => {
    let t = word()[0]!.toUpperCase() + word().slice(1);
    while (t.length < 20 + r.int(16)) t += ` ${word()}`;
    return t;
  };
  const login = () => {
    let name = '';
    const length = 6 + r.int(11);
    while (name.length < length) name += r.pick(['ash', 'moon', '_', 'writes', 'fox', 'ink', '7', 'lark', 'ember', '42']);
    return name.slice(0, length);
  };
  const out: StoredHistory[] = [];
  const now = Date.UTC(2026, 11, 6);
  for (let i = 0; i < WORKS; i++) {
    const count = r.chance(0.4) ? 1 : 2 + r.int(40);
    const furthest = 1 + r.int(count);
    const finished = furthest === count && r.chance(0.7);
    const seen = Array.from({ length: furthest }, (_, c) => c + 1).filter((c) => c === furthest || !r.chance(0.05));
    const last = now - r.int(6 * 365) * 86_400_000 - r.int(1440) * 60_000;
    const fandoms = new Set(Array.from({ length: 1 + r.int(3) }, () => pool[Math.floor(pool.length * r.next() ** 3)]!));
    out.push({
      site: (r.chance(0.85) ? 'ao3' : 'ffn') as SiteId,
      workId: String(1_000_000 + r.int(79_000_000)),
      title: title(),
      creators: Array.from({ length: 1 + r.int(2) }, login),
      fandomIds: [...fandoms],
      seen,
      chapterCount: count,
      finished,
      firstVisit: last - (r.chance(0.5) ? 0 : r.int(200) * 86_400_000),
      lastVisit: last,
      visits: 1 + r.int(6),
      ao3: r.chance(0.3) ? { lastVisit: last - (last % 86_400_000), visits: 1 + r.int(9), updateAvailable: r.chance(0.1), markedForLater: r.chance(0.05) } : null,
    });
  }
  return out;
}

const utf8 = (s: string) => Buffer.byteLength(s, 'utf8');

describe(`a history of ${WORKS.toLocaleString('en')} works`, () => {
  let entries: StoredHistory[];
  let bytes = 0;

  beforeAll(async () => {
    fakeBrowser.reset();
    entries = realisticEntries();
    const { ids, writes } = await assignFandomIds(entries.flatMap((e) => e.fandomIds), new Map());
    const records: Record<string, unknown> = { ...writes };
    for (const e of entries) {
      records[`${HISTORY_PREFIX}${e.site}:${e.workId}`] = encodeHistory({ ...e, fandomIds: e.fandomIds.map((name) => ids.get(name)!) });
    }
    await fakeBrowser.storage.local.set(records);
    for (const [key, value] of Object.entries(await fakeBrowser.storage.local.get())) bytes += utf8(key) + utf8(JSON.stringify(value));
  }, 60_000);

  it('fits in 6 MB', async () => {
    const stored = Object.keys(await fakeBrowser.storage.local.get());
    const works = stored.filter((k) => k.startsWith(HISTORY_PREFIX)).length;
    const names = stored.filter((k) => k.startsWith(HISTORY_FANDOM_PREFIX)).length;
    console.info(`[history size] ${works} works, ${names} fandom names: ${bytes} bytes, ${(bytes / works).toFixed(1)} bytes per work`);
    expect(works).toBeGreaterThan(WORKS * 0.97); // a few random ids repeat
    expect(names).toBeGreaterThan(300);
    expect(bytes).toBeLessThan(LIMIT);
  });

  it('a listing reads its 20 works with one get, and they read back as written', async () => {
    const sample = entries.slice(-20);
    const get = vi.spyOn(fakeBrowser.storage.local, 'get');
    const progress = await getHistoryProgress(sample);
    expect(get).toHaveBeenCalledTimes(1);
    get.mockRestore();
    expect(progress.size).toBe(20);
    const full = await getHistory(sample);
    for (const e of sample) {
      const { fandomIds, ...rest } = e;
      expect(full.get(`${e.site}:${e.workId}`)).toEqual({
        ...rest,
        lastVisit: Math.floor(e.lastVisit / 60_000) * 60_000,
        firstVisit: Math.floor(e.firstVisit / 60_000) * 60_000,
        fandoms: fandomIds,
      });
    }
  });
});
