/** An AO3 series page (/series/SID, #main.series-show): which series it shows, for "Hide this series". */
import type { SeriesPage } from './types';

export function readSeriesPage(doc: Document, url: URL): SeriesPage | null {
  const main = doc.querySelector('#main.series-show');
  const id = /^\/series\/(\d+)\/?$/.exec(url.pathname)?.[1];
  if (!main || !id) return null;
  const heading = main.querySelector(':scope > h2.heading');
  const title = (heading?.textContent ?? '').replace(/\s+/g, ' ').trim();
  return { site: 'ao3', id, title, anchor: heading ?? main.firstElementChild ?? main };
}
