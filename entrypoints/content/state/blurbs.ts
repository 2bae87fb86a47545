/**
 * What the filters read of each blurb, and whether they have judged the listing, in the content
 * script's memory. Features that come after judging (the history's markers) reuse the reading
 * instead of parsing every blurb again, and wait for the judging so they never delay it.
 */
import type { Blurb } from '../../../lib/sites/types';

const read = new WeakMap<Element, Blurb | null>();
let judged = false;
let wake: (() => void) | null = null;
const judgedOnce = new Promise<void>((resolve) => {
  wake = resolve;
});

/** The filters read this element (null: not a blurb they could read). */
export function rememberBlurb(element: Element, blurb: Blurb | null): void {
  read.set(element, blurb);
}

/** The filters' reading of an element: a Blurb, null when unreadable, undefined when not read. */
export function blurbRead(element: Element): Blurb | null | undefined {
  return read.get(element);
}

/** The filters judged every blurb the parsed page holds (once per page). */
export function setListingJudged(): void {
  if (judged) return;
  judged = true;
  wake?.();
}

/** Resolves once the filters have judged the page's blurbs. */
export function listingJudged(): Promise<void> {
  return judgedOnce;
}
