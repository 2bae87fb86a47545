import { describe, expect, it } from 'vitest';
import { countWords } from '../../../lib/reader/words';

describe('countWords', () => {
  it.each([
    ['', 0],
    ['   \n\t ', 0],
    ['one', 1],
    ['Two words', 2],
    ['  leading and trailing  ', 3],
    ["Don't stop", 2],
    ['Don’t stop', 2],
    ['a well-known fact', 3],
    ['wait—what', 2],
    ['wait -- what', 2],
    ['wait--what', 2],
    ['“Hello,” she said… “Goodbye.”', 4],
    ['1,000 words in 3.5 minutes', 7],
    ['Café naïve résumé', 3],
    ['Привет, мир', 2],
    ['non\u00a0breaking\u2009thin', 3],
    ['"quoted" \'single\'', 2],
    ['- - -', 0],
    ['***', 0],
    ['我爱你', 3],
    ['東京へ行く', 5],
    ['English 和 中文', 4],
    ['안녕하세요 세계', 2],
  ])('%j has %i words', (text, expected) => {
    expect(countWords(text)).toBe(expected);
  });

  // Its speed is the bench's (the reader rows: a 300,000-word Entire Work).
  it('counts a 300,000-word text', () => {
    const paragraph = 'The quick brown fox, who wasn’t slow, jumped over the well-known lazy dog. ';
    const repeats = Math.ceil(300_000 / 13); // 13 words a sentence
    expect(countWords(paragraph.repeat(repeats))).toBe(13 * repeats);
  });
});
