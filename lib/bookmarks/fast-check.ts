/**
 * The fast path of reading a stored bookmark, for the common case (10,000 bookmarks read at once by
 * the shelf): every check of `validateBookmark` (`BOOKMARK_SCHEMA`'s), made in one pass over the
 * record, with cheap sufficient tests in front of the costly date and address checks. It accepts
 * exactly what the slow path accepts; null for anything else, which then takes the slow path and its
 * messages (tests/unit/storage/bookmarks-read.test.ts). Pure.
 */
import { httpUrl, isoDate, type Check } from '../check';
import { SITE_HOSTS } from '../sites/hosts';
import type { Bookmark } from './types';
import { BOOKMARK_ABSENT_OK, BOOKMARK_FIELDS, BOOKMARK_SCHEMA, bookmarkConsistencyError } from './validate';

const digits = (s: string, at: number, n: number): number => {
  let x = 0;
  for (let i = at; i < at + n; i++) {
    const d = s.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return -1;
    x = x * 10 + d;
  }
  return x;
};

/**
 * Exactly what `Date.prototype.toISOString` writes for a year from 0000 to 9999
 * ("2026-11-24T10:00:00.000Z", a real calendar date): such a string passes `isoDate`. A cheap
 * sufficient test (no Date objects): when it says no, the caller asks `isoDate` itself.
 */
export function isCanonicalIsoDate(v: string): boolean {
  if (v.length !== 24 || v[4] !== '-' || v[7] !== '-' || v[10] !== 'T') return false;
  if (v[13] !== ':' || v[16] !== ':' || v[19] !== '.' || v[23] !== 'Z') return false;
  const y = digits(v, 0, 4);
  const mo = digits(v, 5, 2);
  const d = digits(v, 8, 2);
  if (y < 0 || mo < 1 || mo > 12 || d < 1) return false;
  const leap = y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);
  const days = mo === 2 ? (leap ? 29 : 28) : mo === 4 || mo === 6 || mo === 9 || mo === 11 ? 30 : 31;
  if (d > days) return false;
  const h = digits(v, 11, 2);
  const mi = digits(v, 14, 2);
  const sec = digits(v, 17, 2);
  return h >= 0 && h <= 23 && mi >= 0 && mi <= 59 && sec >= 0 && sec <= 59 && digits(v, 20, 3) >= 0;
}

/**
 * An https address on a supported site's own host (the adapters' list), with a plain path (and query,
 * fragment) of unreserved characters: such a string passes `httpUrl` (`new URL` parses it, protocol
 * https). A cheap sufficient test, as above.
 */
// Pure annotations: a bundle that never reads many records leaves these tables out.
const PLAIN_SITE_URL = /* @__PURE__ */ new RegExp(
  `^https://(?:${Object.values(SITE_HOSTS)
    .flat()
    .map((host) => host.replaceAll('.', '\\.'))
    .join('|')})(?:/[A-Za-z0-9/._~-]*)?(?:\\?[A-Za-z0-9=&._~-]*)?(?:#[A-Za-z0-9._~-]*)?$`,
);

const isoDateFast: Check = (v) => (typeof v === 'string' && isCanonicalIsoDate(v) ? null : isoDate(v));
const httpUrlFast: Check = (v) => (typeof v === 'string' && PLAIN_SITE_URL.test(v) ? null : httpUrl(v));

/** BOOKMARK_SCHEMA's checks, with the sufficient fast tests in front of the costly ones. */
const FIELD_CHECKS = /* @__PURE__ */ BOOKMARK_FIELDS.map((field) => {
  const check = BOOKMARK_SCHEMA[field];
  const fast = check === isoDate ? isoDateFast : check === httpUrl ? httpUrlFast : check;
  return [field, fast, BOOKMARK_ABSENT_OK.includes(field)] as const;
});

/**
 * The bookmark in `record` (a plain object whose keys the caller has checked are bookmark fields or
 * its own, such as the stored version `v`), copied without those other keys, when every field passes
 * its check and the fields agree; else null.
 */
export function bookmarkFromFields(record: Record<string, unknown>): Bookmark | null {
  const out: Record<string, unknown> = {};
  for (const [field, check, absentOk] of FIELD_CHECKS) {
    const value = record[field];
    if (value === undefined) {
      if (absentOk) continue;
      return null;
    }
    if (check(value) !== null) return null;
    out[field] = Array.isArray(value) ? [...(value as unknown[])] : value;
  }
  return bookmarkConsistencyError(out as unknown as Bookmark) === null ? (out as unknown as Bookmark) : null;
}
