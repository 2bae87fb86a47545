/**
 * Applying the reader's settings: its CSS variables and theme, the style that hides the site's page
 * in the theme's colours, and the column width, measured for this story in this font
 * (lib/reader/measure.ts). Follows the system's dark mode and late-arriving fonts while open.
 */
import type { ReaderFont, ReaderSettings } from '../../../lib/reader/settings';
import { columnWidth, measureSample, MIN_SAMPLE } from '../../../lib/reader/measure';
import { pageCss, PALETTES, readerCssVariables, resolveTheme } from '../../../lib/reader/style';
import { h } from './dom';
import { HOST_ID } from './mount';
import type { OpenReader } from './open-state';
import { storyText } from './view';

export interface Appearance {
  /** Puts these settings in force (they become reader.settings). */
  apply(settings: ReaderSettings): void;
  /** Sets the column width; needs the reader in the document. */
  fitColumn(): void;
  /** Follows the colour scheme and fonts loaded later, until the reader closes. */
  listen(): void;
}

/** `prepareFont` runs before a font is used (a shipped font is registered then: ./fonts.ts). */
export function createAppearance(
  reader: Pick<OpenReader, 'doc' | 'win' | 'work' | 'story' | 'shell' | 'settings' | 'signal' | 'scheduleUpdate'>,
  prepareFont?: (font: ReaderFont) => void,
): Appearance {
  const { doc, shell } = reader;
  const { wrapper } = shell;
  const darkQuery = reader.win.matchMedia?.('(prefers-color-scheme: dark)') ?? null;

  // The column holds `width` characters of this story in this font, sampled from the first chapter.
  const source = reader.story.sections[0]?.source;
  const sample = measureSample(source ? storyText(source) : '');
  const sampleWords = sample.split(' ').length;
  // The probe sits in a one-line stand-in for the story's page (same class, language, so the same font):
  // measuring inside the story itself would lay out the whole story first, and a long work twice.
  function fitColumn(): void {
    if (reader.signal.aborted || sample.length < MIN_SAMPLE) return;
    const probe = h(doc, 'span', { class: 'measure-probe' }, sample);
    const stand = h(doc, 'article', { class: 'page', lang: reader.work.lang ?? null, 'aria-hidden': 'true' }, probe);
    wrapper.append(stand);
    const px = columnWidth(reader.settings.width, { width: probe.getBoundingClientRect().width, length: sample.length, words: sampleWords });
    stand.remove();
    if (px !== null) wrapper.style.setProperty('--ll-measure', `${px}px`);
  }

  function apply(next: ReaderSettings): void {
    reader.settings = next;
    prepareFont?.(next.font);
    const prefersDark = darkQuery?.matches ?? false;
    const vars = readerCssVariables(next, prefersDark);
    for (const [name, value] of Object.entries(vars)) wrapper.style.setProperty(name, value);
    if (shell.host.isConnected) fitColumn();
    const theme = resolveTheme(next.theme, prefersDark);
    wrapper.dataset.theme = theme;
    const css = pageCss({ hostId: HOST_ID, palette: PALETTES[theme] });
    if (shell.pageStyle.textContent !== css) shell.pageStyle.textContent = css;
    reader.scheduleUpdate(); // the time left depends on the reading speed
  }

  return {
    apply,
    fitColumn,
    listen() {
      const { signal } = reader;
      // A shipped font (OpenDyslexic) arrives after the first measure.
      (doc.fonts as FontFaceSet | undefined)?.addEventListener?.('loadingdone', () => fitColumn(), { signal });
      darkQuery?.addEventListener?.('change', () => apply(reader.settings), { signal });
    },
  };
}
