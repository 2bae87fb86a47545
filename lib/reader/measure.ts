/**
 * "Column width N characters" in real characters of the story's own text and font. CSS `ch` is the
 * width of "0", wider than an average letter in most text faces, so `68ch` holds about 79 characters
 * of prose; the reader measures a sample of the story instead and sets the column from that.
 */

/** Shortest sample worth trusting; below it the `ch` width stays. */
export const MIN_SAMPLE = 200;
const MAX_SAMPLE = 2000;

/** Up to MAX_SAMPLE characters of the story, whitespace collapsed as a line of prose shows it. */
export function measureSample(text: string): string {
  return text.replace(/\s+/g, ' ').trim().slice(0, MAX_SAMPLE);
}

/**
 * The column width (px) whose full lines hold `chars` characters on average, given a sample of
 * `sampleLength` characters in `words` words measuring `sampleWidth` px on one line. A line breaks
 * before the word that does not fit, leaving on average half a word empty: that half word is added.
 */
export function columnWidth(chars: number, sample: { width: number; length: number; words: number }): number | null {
  if (!(sample.length >= MIN_SAMPLE) || !(sample.width > 0) || !(chars > 0) || !(sample.words > 0)) return null;
  const perChar = sample.width / sample.length;
  const halfWord = sample.length / sample.words / 2;
  return Math.round((chars + halfWord) * perChar);
}
