/**
 * Pages the fixtures do not hold, derived from real fixtures by a small, named change (no unlicensed
 * page is added). Each function says what it changes and why that is the real site's form.
 */
import { fixtureText } from './fixtures';

/** The fandom crossover breadcrumb lib/sites/ffn-page.ts documents (storyFandoms). */
export const CROSSOVER_FANDOMS = ['Harry Potter', 'Chronicles of Narnia'] as const;

/**
 * FFN's "Counting" chapter 1 with its breadcrumb ("Books › Harry Potter") turned into a crossover
 * story's: one link to the crossover's page naming both fandoms, no category before it.
 */
export function ffnCrossoverStory(): string {
  const html = fixtureText('ffn/ambtus-counting-ch1.html');
  const breadcrumb =
    `<span class=lc-left><a class=xcontrast_txt href='/book/'>Books</a><span class='xcontrast_txt icon-chevron-right xicon-section-arrow'></span><a class=xcontrast_txt href="/book/Harry-Potter/">Harry Potter</a>`;
  if (!html.includes(breadcrumb)) throw new Error('ffn/ambtus-counting-ch1.html: its breadcrumb changed; update ffnCrossoverStory');
  return html.replace(
    breadcrumb,
    `<span class=lc-left><a class=xcontrast_txt href="/Harry-Potter-and-Chronicles-of-Narnia-Crossovers/224/391/">${CROSSOVER_FANDOMS.join(' + ')} Crossover</a>`,
  );
}

/** The size of the YouTube embed on AO3's works/4491333 (the tests add an iframe this size, with no src: nothing loads). */
export const VIDEO_SIZE = { width: 854, height: 510 } as const;
