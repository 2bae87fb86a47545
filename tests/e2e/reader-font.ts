/**
 * The reader's dyslexia-friendly font, as the page's own document sees it: run in the page (Chromium
 * and Firefox reader E2E). Lamplight's faces of the family and their load status, the family the
 * reader's first paragraph is set in, and whether text measures differently in it than in the
 * fallback (so the face is really there, not just named).
 */
import { expect } from 'vitest';

export const DYSLEXIC_FAMILY_NAME = 'Lamplight OpenDyslexic';

export function dyslexicFontState(family: string): { faces: string[]; paragraphFont: string; measuresDifferently: boolean } {
  const faces = Array.from(document.fonts as unknown as Iterable<FontFace>)
    .filter((face) => face.family.replace(/"/g, '') === family)
    .map((face) => `${face.weight} ${face.style} ${face.status}`)
    .sort();
  const root = document.getElementById('lamplight-reader-host')?.shadowRoot ?? null;
  const paragraph = root?.querySelector('section.chapter .text p');
  const context = document.createElement('canvas').getContext('2d');
  const width = (font: string) => {
    if (!context) return 0;
    context.font = font;
    return context.measureText('The quick brown fox jumps over the lazy dog').width;
  };
  return {
    faces,
    paragraphFont: paragraph ? getComputedStyle(paragraph).fontFamily : '',
    measuresDifferently: width(`20px "${family}", monospace`) !== width('20px monospace'),
  };
}

/** What dyslexicFontState() gives once all four shipped faces are loaded and the reader uses them. */
export const DYSLEXIC_LOADED = {
  faces: ['400 italic loaded', '400 normal loaded', '700 italic loaded', '700 normal loaded'],
  paragraphFont: expect.stringMatching(new RegExp(`^["']${DYSLEXIC_FAMILY_NAME}["']`)),
  measuresDifferently: true,
};
