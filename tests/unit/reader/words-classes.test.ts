import { describe, expect, it } from 'vitest';
import { countWords } from '../../../lib/reader/words';

/**
 * Every character class countWords tells apart, at the edges of its range. A character's class shows in
 * two counts: the character alone, and between two letters ("a?a"):
 * letter 1 and 1, break 0 and 2, joiner (apostrophe, hyphen) 0 and 1, single (CJK, kana) 1 and 3.
 */
const SIGNATURE = { letter: [1, 1], break: [0, 2], joiner: [0, 1], single: [1, 3] } as const;

const CLASSES: [name: string, code: number, kind: keyof typeof SIGNATURE][] = [
  ['0', 0x30, 'letter'],
  ['9', 0x39, 'letter'],
  [':', 0x3a, 'break'],
  ['@', 0x40, 'break'],
  ['A', 0x41, 'letter'],
  ['M', 0x4d, 'letter'],
  ['Z', 0x5a, 'letter'],
  ['[', 0x5b, 'break'],
  ['`', 0x60, 'break'],
  ['a', 0x61, 'letter'],
  ['z', 0x7a, 'letter'],
  ['{', 0x7b, 'break'],
  ['~', 0x7e, 'break'],
  ["'", 0x27, 'joiner'],
  ['-', 0x2d, 'joiner'],
  ['C1 control', 0x80, 'break'],
  ['NBSP', 0xa0, 'break'],
  ['ª', 0xaa, 'letter'],
  ['«', 0xab, 'break'],
  ['µ', 0xb5, 'letter'],
  ['º', 0xba, 'letter'],
  ['¿', 0xbf, 'break'],
  ['À', 0xc0, 'letter'],
  ['×', 0xd7, 'break'],
  ['ß', 0xdf, 'letter'],
  ['÷', 0xf7, 'break'],
  ['ÿ', 0xff, 'letter'],
  ['ogham space', 0x1680, 'break'],
  ['ỿ', 0x1eff, 'letter'],
  ['en quad', 0x2000, 'break'],
  ['hyphen', 0x2010, 'joiner'],
  ['non-breaking hyphen', 0x2011, 'joiner'],
  ['en dash', 0x2013, 'break'],
  ['left single quote', 0x2018, 'break'],
  ['right single quote', 0x2019, 'joiner'],
  ['ellipsis', 0x2026, 'break'],
  ['U+206F', 0x206f, 'break'],
  ['⁰', 0x2070, 'letter'],
  ['ideographic space', 0x3000, 'break'],
  ['、', 0x3001, 'break'],
  ['U+303F', 0x303f, 'break'],
  ['U+3040', 0x3040, 'single'],
  ['あ', 0x3042, 'single'],
  ['ヿ', 0x30ff, 'single'],
  ['ㄅ', 0x3105, 'letter'],
  ['㐀', 0x3400, 'single'],
  ['䶿', 0x4dbf, 'single'],
  ['䷀', 0x4dc0, 'letter'],
  ['一', 0x4e00, 'single'],
  ['鿿', 0x9fff, 'single'],
  ['ꀀ', 0xa000, 'letter'],
  ['豈', 0xf900, 'single'],
  ['﫿', 0xfaff, 'single'],
  ['ﬀ', 0xfb00, 'letter'],
  ['BOM', 0xfeff, 'break'],
  ['U+FF00', 0xff00, 'break'],
  ['！', 0xff01, 'break'],
  ['／', 0xff0f, 'break'],
  ['０', 0xff10, 'letter'],
  ['９', 0xff19, 'letter'],
  ['：', 0xff1a, 'break'],
  ['＠', 0xff20, 'break'],
  ['Ａ', 0xff21, 'letter'],
];

describe('countWords character classes', () => {
  it.each(CLASSES)('%s (code %i) is a %s', (_name, code, kind) => {
    const ch = String.fromCharCode(code);
    const [alone, between] = SIGNATURE[kind];
    expect(countWords(ch)).toBe(alone);
    expect(countWords(`a${ch}a`)).toBe(between);
  });

  it.each([
    ['あa', 2],
    ['a日b', 3],
    ['日本語text', 4],
    ["rock'n'roll", 1],
    ["'quoted'", 1],
    ["it's--fine", 2],
    ['a-', 1],
    ['-a', 1],
    ['a\u2010\u2010b', 2],
    ['x × y ÷ z', 3],
    ['５０km', 1],
    ['（注）', 1],
    ['Ｈｅｌｌｏ！ｗｏｒｌｄ', 2],
  ])('%j has %i words', (text, expected) => {
    expect(countWords(text)).toBe(expected);
  });
});
