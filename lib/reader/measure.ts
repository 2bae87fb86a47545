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

/** The column width (px) that holds `chars` characters, given a sample of `sampleLength` characters `sampleWidth` px wide on one line. */
export function columnWidth(chars: number, sampleWidth: number, sampleLength: number): number | null {
  if (!(sampleLength >= MIN_SAMPLE) || !(sampleWidth > 0) || !(chars > 0)) return null;
  return Math.round((chars * sampleWidth) / sampleLength);
}
