/**
 * Embedded media in the reader's story column. The column narrows wide embeds (`max-width: 100%`);
 * an iframe has no natural aspect ratio, so its height must come from the width and height the page
 * gave it, or it is squashed (a 854×510 video would shrink to the default 150 px tall).
 */

/** CSS `aspect-ratio` from the width and height attributes ("854", "510" → "854 / 510"); null unless both are positive pixel numbers. */
export function aspectRatioOf(width: string | null, height: string | null): string | null {
  const w = pixels(width);
  const h = pixels(height);
  return w !== null && h !== null ? `${w} / ${h}` : null;
}

function pixels(value: string | null): number | null {
  const match = /^\s*(\d+(?:\.\d+)?)\s*(?:px)?\s*$/i.exec(value ?? '');
  const n = match ? Number(match[1]) : NaN;
  return Number.isFinite(n) && n > 0 ? n : null;
}

/** Elements whose box the page sizes with width/height attributes and that scale with the column. */
export const SCALED_MEDIA = 'iframe, video, embed, object';
