/**
 * The separators and escaping of the shelf index's strings (./shelf-index-codec.ts), and the
 * regular-expression pieces that check them. Pure.
 *
 * Rows are separated by RS, a row's fields by US, the parts of a field by GS. A text that holds
 * any of those (or ESC itself) has each such character written as ESC and a character below them,
 * so texts come back exactly and a separator in the string is always a separator.
 */

export const ESC = '\u001c';
export const GS = '\u001d';
export const RS = '\u001e';
export const US = '\u001f';

const HAS_SPECIAL = /[\u001c-\u001f]/;
const SPECIAL = /[\u001c-\u001f]/g;
/** ESC is followed by the special character moved down by this much (\u001c-\u001f → \u0010-\u0013). */
const SHIFT = 0x0c;
const ESCAPED = /\u001c([\u0010-\u0013])/g;

export const escapeText = (text: string): string =>
  HAS_SPECIAL.test(text) ? text.replace(SPECIAL, (c) => ESC + String.fromCharCode(c.charCodeAt(0) - SHIFT)) : text;

export const unescapeText = (text: string): string =>
  text.includes(ESC) ? text.replace(ESCAPED, (_, c: string) => String.fromCharCode(c.charCodeAt(0) + SHIFT)) : text;

// ---- Patterns (regular-expression source) ------------------------------------------------------

/** An escaped text: no separators, ESC only as the start of an escape. */
export const TEXT = '[^\\u001c-\\u001f]*(?:\\u001c[\\u0010-\\u0013][^\\u001c-\\u001f]*)*';
/** A number as `String(n)` writes a finite one. */
export const NUMBER = '-?(?:0|[1-9][0-9]*)(?:\\.[0-9]+)?(?:e[+-][0-9]+)?';

/** The whole numbers 0 … count - 1, written without leading zeros (nothing when count is 0). */
export function below(count: number): string {
  if (count <= 0) return '(?!)';
  const max = String(count - 1);
  const options: string[] = [];
  // Every shorter length in full.
  for (let length = 1; length < max.length; length++) options.push(length === 1 ? '[0-9]' : `[1-9][0-9]{${length - 1}}`);
  // As long as max: max's first i digits, then a smaller digit, then any digits.
  for (let i = 0; i < max.length; i++) {
    const lowest = i === 0 && max.length > 1 ? 1 : 0;
    const digit = Number(max[i]);
    const rest = max.length - i - 1;
    if (digit > lowest) options.push(`${max.slice(0, i)}[${lowest}-${digit - 1}]${rest > 0 ? `[0-9]{${rest}}` : ''}`);
  }
  options.push(max);
  return `(?:${options.join('|')})`;
}
