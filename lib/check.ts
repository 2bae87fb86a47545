/**
 * Small value checks shared by the validators of every stored shape and of the backup file.
 *
 * A check returns null when the value is fine, or what was expected ("a whole number of at
 * least 1"). Messages read as `<field> must be <expected>, not <value>`. Their words come from
 * messages.json, looked up only when a check fails (code that runs outside the extension, the
 * bench, never needs them for valid data).
 */
import { t, type MessageKey } from './i18n';

export type Check = (value: unknown) => string | null;

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}

/** A value as a person should see it in a message: short, JSON-ish. */
export function show(value: unknown): string {
  if (value === undefined) return t('checkNothing');
  if (typeof value === 'number' || typeof value === 'bigint') return String(value);
  let text: string;
  try {
    text = JSON.stringify(value) ?? String(value);
  } catch {
    text = String(value);
  }
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}

export const integer =
  (min: number, max = Number.MAX_SAFE_INTEGER): Check =>
  (v) =>
    typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max
      ? null
      : max === Number.MAX_SAFE_INTEGER
        ? t('checkWholeAtLeast', min)
        : t('checkWholeFromTo', min, max);

export const number =
  (min: number, max: number): Check =>
  (v) =>
    typeof v === 'number' && Number.isFinite(v) && v >= min && v <= max
      ? null
      : t('checkNumberFromTo', min, max);

export const boolean: Check = (v) => (typeof v === 'boolean' ? null : t('checkBoolean'));

export const text = (opts: { nonEmpty?: boolean; maxLength?: number; noSpaces?: boolean } = {}): Check => {
  const kind: MessageKey = opts.noSpaces ? 'checkTextNoSpaces' : opts.nonEmpty ? 'checkTextNonEmpty' : 'checkText';
  const want = () => (opts.maxLength === undefined ? t(kind) : t('checkTextAtMost', t(kind), opts.maxLength));
  return (v) => {
    if (typeof v !== 'string') return want();
    if (opts.nonEmpty && v.trim() === '') return want();
    if (opts.noSpaces && /\s/.test(v)) return want();
    if (opts.maxLength !== undefined && v.length > opts.maxLength) return want();
    return null;
  };
};

export const textList: Check = (v) =>
  Array.isArray(v) && v.every((x) => typeof x === 'string') ? null : t('checkTextList');

export const oneOf =
  <T extends string>(values: readonly T[]): Check =>
  (v) =>
    typeof v === 'string' && (values as readonly string[]).includes(v)
      ? null
      : t('checkOneOf', values.map((x) => `"${x}"`).join(', '));

/** `check`, or null, which means `what` (a message key: "unknown"). */
export const nullable =
  (check: Check, what: MessageKey): Check =>
  (v) =>
    v === null || check(v) === null ? null : t('checkOrNull', check(v) ?? '', t(what));

const isoExpected = () => t('checkIsoDate', '2026-11-24T10:00:00.000Z');
const ISO_DATE =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(?:Z|[+-](\d{2}):(\d{2}))$/;

function realDateTime(v: string): boolean {
  const m = ISO_DATE.exec(v);
  if (!m) return false;
  const [y, mo, d, h, mi, s = '0', zh = '0', zm = '0'] = m.slice(1).map((x) => x ?? '0');
  const day = new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d)));
  return (
    day.getUTCFullYear() === Number(y) &&
    day.getUTCMonth() === Number(mo) - 1 &&
    day.getUTCDate() === Number(d) &&
    Number(h) <= 23 &&
    Number(mi) <= 59 &&
    Number(s) <= 59 &&
    Number(zh) <= 23 &&
    Number(zm) <= 59 &&
    !Number.isNaN(Date.parse(v))
  );
}

/** An ISO 8601 date-time with a zone, as `Date.prototype.toISOString` writes it. A real one. */
export const isoDate: Check = (v) => {
  if (typeof v !== 'string') return isoExpected();
  // Fast path: exactly what toISOString writes (every date Lamplight itself stores).
  const t = v.length === 24 ? Date.parse(v) : Number.NaN;
  if (!Number.isNaN(t) && new Date(t).toISOString() === v) return null;
  return realDateTime(v) ? null : isoExpected();
};


export const httpUrl: Check = (v) => {
  if (typeof v === 'string') {
    try {
      const url = new URL(v);
      if (url.protocol === 'https:' || url.protocol === 'http:') return null;
    } catch {
      // fall through
    }
  }
  return t('checkHttpUrl');
};

/** `field must be <expected>, not <value>` */
export const mustBe = (field: string, expected: string, value: unknown): string =>
  t('checkMustBe', field, expected, show(value));

export type Schema = Record<string, Check>;

/**
 * Check an object against a schema: unknown keys first (a typo names itself), then each field
 * in schema order. `required` lists the fields that must be present; the others may be absent.
 * Returns the first problem, or null.
 */
export function checkRecord(
  input: unknown,
  schema: Schema,
  required: readonly string[] | 'all',
): string | null {
  if (!isPlainObject(input)) return t('checkObject', show(input));
  for (const key of Object.keys(input)) {
    if (!Object.hasOwn(schema, key)) return t('checkUnknownField', key);
  }
  for (const [field, check] of Object.entries(schema)) {
    const value = input[field];
    if (value === undefined) {
      if (required === 'all' || required.includes(field)) return t('checkMissing', field);
      continue;
    }
    const expected = check(value);
    if (expected !== null) return mustBe(field, expected, value);
  }
  return null;
}

/** Structural equality for JSON values (what storage holds). */
export function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== typeof b || a === null || b === null || typeof a !== 'object') return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    return a.every((x, i) => jsonEqual(x, b[i]));
  }
  if (Array.isArray(b)) return false;
  const ao = a as Record<string, unknown>;
  const bo = b as Record<string, unknown>;
  const ak = Object.keys(ao).filter((k) => ao[k] !== undefined);
  const bk = Object.keys(bo).filter((k) => bo[k] !== undefined);
  if (ak.length !== bk.length) return false;
  return ak.every((k) => Object.hasOwn(bo, k) && jsonEqual(ao[k], bo[k]));
}
