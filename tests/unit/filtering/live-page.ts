/**
 * A real saved AO3 page made the happy-dom window's own document (at its real address, scripts and
 * links taken out), for content-script code that works on the global `document` as it does in a tab.
 */
import { fixtureText } from '../../support/fixtures';
import { TOKEN } from '../../../entrypoints/content/marks';

export const LISTING = {
  file: 'ao3/listing-tag-works-worldbuilding.html',
  url: 'https://archiveofourown.org/tags/Worldbuilding/works',
};

export function loadPage(file: string, url: string): void {
  const parsed = new DOMParser().parseFromString(fixtureText(file), 'text/html');
  for (const el of Array.from(parsed.querySelectorAll('script, link, iframe, noscript'))) el.remove();
  (window as unknown as { happyDOM: { setURL(url: string): void } }).happyDOM.setURL(url);
  const page = document.importNode(parsed.documentElement, true);
  document.documentElement.remove();
  document.append(page);
}

/** Lets storage, its change events and the promises they start run to the end. */
export async function settle(rounds = 10): Promise<void> {
  for (let i = 0; i < rounds; i++) await new Promise((resolve) => setTimeout(resolve, 0));
}

/** The AO3 work ids (digits of `work_<id>`) of the blurbs Lamplight marked with `attribute`, in page order. */
export function workIdsMarked(attribute: string): string[] {
  return Array.from(document.querySelectorAll<HTMLElement>('li[id^="work_"]'))
    .filter((li) => li.getAttribute(attribute) === TOKEN)
    .map((li) => li.id.slice('work_'.length));
}

/** Every attribute named data-lamplight-… on the page, as "tag#id attribute", to show what was left behind. */
export function lamplightTraces(): string[] {
  const found: string[] = [];
  for (const el of Array.from(document.querySelectorAll('*'))) {
    for (const attr of Array.from(el.attributes)) {
      if (attr.name.startsWith('data-lamplight')) found.push(`${el.tagName.toLowerCase()}#${el.id} ${attr.name}`);
    }
  }
  return found;
}

export const buttonNamed = (scope: ParentNode | null | undefined, name: string): HTMLButtonElement | null =>
  Array.from(scope?.querySelectorAll('button') ?? []).find((b) => b.textContent === name) ?? null;
