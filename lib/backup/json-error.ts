/**
 * Where a text stops being JSON, said the same way in every browser (engines word
 * `JSON.parse` errors differently, and some leave out the position). Only run on the error
 * path, after `JSON.parse` has failed. Iterative: deep nesting cannot overflow the stack.
 */
import { t } from '../i18n';

export interface JsonProblem {
  /** e.g. `Unexpected token "}" at position 12 (line 2, column 5)` */
  message: string;
  /** 0-based offset in UTF-16 code units, as JavaScript counts. */
  position: number;
}

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const WORD = /[A-Za-z_$][\w$]*/y;
const HEX4 = /[0-9a-fA-F]{4}/y;

/** `<what> at position N (line L, column C)` */
function located(what: string, text: string, position: number, offset: number): string {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < position && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  const column = position - lineStart + 1 + (line === 1 ? offset : 0);
  return t('backupJsonAt', what, position + offset, line, column);
}

function token(text: string, i: number): string {
  WORD.lastIndex = i;
  const word = WORD.exec(text);
  if (word) return JSON.stringify(word[0].length > 20 ? `${word[0].slice(0, 20)}…` : word[0]);
  const cp = text.codePointAt(i) ?? 0;
  return JSON.stringify(String.fromCodePoint(cp));
}

/**
 * The first syntax error in `text`, or null if it is valid JSON. `offset` is added to reported
 * positions (1 when a byte-order mark was removed before parsing).
 */
export function locateJsonError(text: string, offset = 0): JsonProblem | null {
  const n = text.length;
  let i = 0;
  const problem = (what: string, position: number): JsonProblem => ({
    message: located(what, text, position, offset),
    position: position + offset,
  });
  const unexpected = (pos: number): JsonProblem =>
    pos >= n ? problem(t('backupJsonEnd'), n) : problem(t('backupJsonToken', token(text, pos)), pos);
  const ws = () => {
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d) i++;
      else break;
    }
  };
  const string = (): JsonProblem | null => {
    const start = i;
    i++; // opening quote
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c === 0x22) {
        i++;
        return null;
      }
      if (c === 0x5c) {
        const e = text[i + 1];
        if (e !== undefined && '"\\/bfnrt'.includes(e)) i += 2;
        else if (e === 'u') {
          HEX4.lastIndex = i + 2;
          if (!HEX4.test(text)) return problem(t('backupJsonBadUnicode'), i);
          i += 6;
        } else if (e === undefined) return problem(t('backupJsonUnterminated'), start);
        else return problem(t('backupJsonBadEscape', JSON.stringify(`\\${e}`)), i);
        continue;
      }
      if (c < 0x20) {
        return problem(t(c === 0x0a || c === 0x0d ? 'backupJsonLineBreak' : 'backupJsonControl'), i);
      }
      i++;
    }
    return problem(t('backupJsonUnterminated'), start);
  };
  const key = (): JsonProblem | null => {
    ws();
    if (text[i] !== '"') return unexpected(i);
    const bad = string();
    if (bad) return bad;
    ws();
    if (text[i] !== ':') return unexpected(i);
    i++;
    return null;
  };

  const stack: ('{' | '[')[] = [];
  ws();
  for (;;) {
    // A value starts at i.
    ws();
    if (i >= n) return unexpected(i);
    const c = text[i];
    let opened = false;
    if (c === '{' || c === '[') {
      i++;
      ws();
      if (text[i] === (c === '{' ? '}' : ']')) i++;
      else {
        stack.push(c);
        opened = true;
        if (c === '{') {
          const bad = key();
          if (bad) return bad;
        }
      }
    } else if (c === '"') {
      const bad = string();
      if (bad) return bad;
    } else if (c === '-' || (c !== undefined && c >= '0' && c <= '9')) {
      NUMBER.lastIndex = i;
      const m = NUMBER.exec(text);
      if (!m) return problem(t('backupJsonBadNumber'), i);
      i += m[0].length;
    } else if (text.startsWith('true', i)) i += 4;
    else if (text.startsWith('false', i)) i += 5;
    else if (text.startsWith('null', i)) i += 4;
    else return unexpected(i);
    if (opened) continue;

    // After a value: close containers, or find the comma before the next value.
    for (;;) {
      ws();
      const top = stack[stack.length - 1];
      if (top === undefined) return i < n ? unexpected(i) : null;
      if (i >= n) return unexpected(i);
      const d = text[i];
      if (d === ',') {
        i++;
        if (top === '{') {
          const bad = key();
          if (bad) return bad;
        }
        break;
      }
      if ((top === '[' && d === ']') || (top === '{' && d === '}')) {
        i++;
        stack.pop();
        continue;
      }
      return unexpected(i);
    }
  }
}
