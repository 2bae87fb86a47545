/**
 * AO3's page for one tag (`/tags/<name>`, otwarchive's tags#show): its URL and what it says about
 * the tag's other names. Read only when the reader asks for a rule's synonyms (components/synonyms/).
 * Markup (app/views/tags/show.html.erb): `div.tag.home` > `h2.heading` (the name); a canonical tag
 * with synonyms has `div.synonym.listbox` > h3 "Tags with the same meaning:" > `ul.tags` of `a.tag`;
 * a tag made a synonym has `div.merger.module` > p "X has been made a synonym of <a.tag>Y</a>…".
 */

export const AO3_TAG_ORIGIN = 'https://archiveofourown.org';
/** The optional host permission that lets an extension page read that page. */
export const AO3_TAG_PAGE_PERMISSION = `${AO3_TAG_ORIGIN}/*`;

/** otwarchive's `Tag.to_param`: the characters a path cannot carry become `*s*`, `*a*`, `*d*`, `*q*`, `*h*`. */
export function ao3TagParam(name: string): string {
  return name.replace(/[/&.?#]/g, (c) => `*${({ '/': 's', '&': 'a', '.': 'd', '?': 'q', '#': 'h' } as const)[c as '/']}*`);
}

export function ao3TagPageUrl(name: string): string {
  return `${AO3_TAG_ORIGIN}/tags/${encodeURIComponent(ao3TagParam(name))}`;
}

export interface TagPageFacts {
  /** The tag's name as the page shows it. */
  name: string;
  /** "Tags with the same meaning" (a canonical tag's synonyms), in page order. */
  synonyms: string[];
  /** The tag this one "has been made a synonym of", or null. */
  mergedInto: string | null;
}

const text = (el: Element | null): string => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();

/** The page's facts, or null when it is not a tag page Lamplight understands. */
export function readTagPage(doc: Document): TagPageFacts | null {
  const home = doc.querySelector('#main div.tag.home');
  const name = text(home?.querySelector(':scope > .header h2.heading') ?? null);
  if (!home || name === '') return null;
  const synonymBox = home.querySelector(':scope > div.synonym');
  let synonyms: string[] = [];
  if (synonymBox) {
    const links = synonymBox.querySelectorAll('ul.tags > li > a.tag');
    if (links.length === 0) return null; // a synonym box without names: markup changed
    synonyms = [...links].map(text).filter((n) => n !== '');
  }
  const merger = home.querySelector(':scope > div.merger');
  let mergedInto: string | null = null;
  if (merger) {
    mergedInto = text(merger.querySelector('p a.tag'));
    if (mergedInto === '') return null;
  }
  return { name, synonyms, mergedInto };
}
