import { loadReaderSettings } from '../../lib/storage';
import type { Feature, Page } from './page';

/**
 * The reader's opt-in "Continue past the adult-content notice automatically": on the site's
 * adult-content gate, follow the gate's own continue link (the story's shield still applies).
 */
export async function continuePastAdultGate(page: Page, location: Location = window.location): Promise<void> {
  const settings = await loadReaderSettings();
  if (!settings.skipAdultGate) return;
  const target = page.adapter.adultGateContinueUrl(page.doc, page.url);
  // Never loop: a gate reached through its own continue link is left to the reader.
  if (!target || page.url.href === target) return;
  // The adapter promises the same work on the same origin; a link elsewhere is never followed.
  if (new URL(target).origin !== page.url.origin) return;
  location.replace(new URL(page.url.hash, target).href);
}

/** On the adult-content gate only. */
export const adultGate: Feature = {
  name: 'adult gate',
  kinds: ['adult-gate'],
  start(page) {
    continuePastAdultGate(page).catch((error) => console.warn('Lamplight could not continue past the notice.', error));
  },
};
