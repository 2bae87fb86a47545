/**
 * Settings → CSS custom properties for the reader's stylesheet (entrypoints/content/reader/reader.css
 * reads only `var(--ll-…)`). Pure. Theme palettes live here, once, so their contrast is unit-tested.
 */
import type { ReaderFont, ReaderSettings, ReaderTheme } from './settings';

export type ResolvedTheme = Exclude<ReaderTheme, 'auto'>;

/** 'auto' follows the system: dark when it prefers dark, light otherwise. */
export function resolveTheme(theme: ReaderTheme, prefersDark: boolean): ResolvedTheme {
  if (theme === 'auto') return prefersDark ? 'dark' : 'light';
  return theme;
}

/** The family name the shipped OpenDyslexic files are registered under (public/fonts/). */
export const DYSLEXIC_FAMILY = 'Lamplight OpenDyslexic';

/** Font stacks: the reader's own machine fonts first, generic family last. */
export const FONT_STACKS: Readonly<Record<ReaderFont, string>> = {
  serif:
    "'Iowan Old Style', 'Palatino Linotype', Palatino, 'Book Antiqua', Charter, 'Bitstream Charter', Georgia, 'Noto Serif', serif",
  sans: "'Atkinson Hyperlegible', Seravek, 'Gill Sans Nova', Ubuntu, Calibri, 'Segoe UI', 'Noto Sans', 'DejaVu Sans', sans-serif",
  dyslexic: `'${DYSLEXIC_FAMILY}', OpenDyslexic, 'Comic Sans MS', sans-serif`,
  system: "system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', sans-serif",
};

export interface Palette {
  /** Page background. */
  bg: string;
  /** Story text. */
  fg: string;
  /** Secondary text: bylines, status line, labels. */
  muted: string;
  link: string;
  /** Controls' background and the settings panel. */
  surface: string;
  /** Hairlines and control borders (decorative: not relied on for meaning). */
  border: string;
  /** Progress bar and selected controls. */
  accent: string;
  /** Focus ring. */
  focus: string;
  scheme: 'light' | 'dark';
}

/** Calm, book-like palettes. Text ≥ 7:1, muted text and links ≥ 4.5:1, focus ring ≥ 3:1 on bg. */
export const PALETTES: Readonly<Record<ResolvedTheme, Palette>> = {
  light: {
    bg: '#fbfaf7',
    fg: '#1f1d1a',
    muted: '#5a554d',
    link: '#1d4f8c',
    surface: '#f1eee7',
    border: '#d8d3c8',
    accent: '#8a5a1c',
    focus: '#1a5fb4',
    scheme: 'light',
  },
  sepia: {
    bg: '#f4ecd8',
    fg: '#35291b',
    muted: '#5c4a34',
    link: '#6b3a0c',
    surface: '#ebe0c5',
    border: '#d6c7a3',
    accent: '#8a5a1c',
    focus: '#7a3e00',
    scheme: 'light',
  },
  dark: {
    bg: '#1c1b19',
    fg: '#e6e1d6',
    muted: '#aaa397',
    link: '#93bdf2',
    surface: '#292825',
    border: '#403e39',
    accent: '#d9a35b',
    focus: '#9cc3ff',
    scheme: 'dark',
  },
  black: {
    bg: '#000000',
    fg: '#d8d4cc',
    muted: '#a09a90',
    link: '#93bdf2',
    surface: '#141414',
    border: '#2e2e2e',
    accent: '#d9a35b',
    focus: '#9cc3ff',
    scheme: 'dark',
  },
};

/** The custom properties the reader's stylesheet reads (`var(--ll-…)`), from settings and the system theme. */
export function readerCssVariables(settings: ReaderSettings, prefersDark: boolean): Record<string, string> {
  const justify = settings.align === 'justify';
  const palette = PALETTES[resolveTheme(settings.theme, prefersDark)];
  return {
    '--ll-bg': palette.bg,
    '--ll-fg': palette.fg,
    '--ll-muted': palette.muted,
    '--ll-link': palette.link,
    '--ll-surface': palette.surface,
    '--ll-border': palette.border,
    '--ll-accent': palette.accent,
    '--ll-focus': palette.focus,
    '--ll-scheme': palette.scheme,
    '--ll-font': FONT_STACKS[settings.font],
    '--ll-size': `${settings.fontSize}px`,
    '--ll-leading': String(settings.lineHeight),
    '--ll-measure': `${settings.width}ch`,
    '--ll-paragraph': `${settings.paragraphSpacing}em`,
    '--ll-align': justify ? 'justify' : 'start',
    // Justified text without hyphenation leaves rivers; ragged text reads best without it.
    '--ll-hyphens': justify ? 'auto' : 'manual',
  };
}

/**
 * The document-level rules the reader needs while it is open.
 *
 * The site's body is hidden whole with `content-visibility: hidden` (the reader's host is not in
 * body: session.ts appends it to html, beside body): its contents are skipped, so find-in-page, tab
 * order and screen readers meet only the reader, and unlike `display: none` the browser keeps their
 * layout, so closing the reader on a 300,000-word page costs milliseconds instead of a full relayout
 * (measured in Chromium: ~15 ms against ~1.3 s). `opacity: 0` hides body's own box.
 * The selector's last step is `body` on purpose: toggling the attribute on html then restyles body
 * alone. A rule ending in a featureless step (`body > :not(#host)`, `*`) makes Chromium invalidate the
 * style of the whole document, and that recalc, skipped while hidden, lands on the close (~55 ms on
 * 300,000 words). Nothing here may set an inherited property (color, font, color-scheme…) on html
 * or body either: that would restyle the whole hidden page on close.
 * The host is positioned over the page so nothing about the site's boxes has to change.
 */
export function pageCss(input: { hostId: string; palette: Palette }): string {
  const on = 'html[data-lamplight-reader="on"]';
  const host = `#${input.hostId}`;
  return [
    `${on} > body { content-visibility: hidden !important; opacity: 0 !important; }`,
    `${on}, ${on} body { background: ${input.palette.bg} !important; }`,
    `${on} { scroll-behavior: auto !important; }`,
    `${on} ${host} { display: block !important; position: absolute !important; inset: 0 auto auto 0 !important; width: 100% !important; min-height: 100vh !important; margin: 0 !important; z-index: 2147483000 !important; }`,
  ].join('\n');
}

/** The shipped OpenDyslexic faces (public/fonts/), for the FontFace API. */
export const DYSLEXIC_FACES: readonly { file: string; weight: '400' | '700'; style: 'normal' | 'italic' }[] = [
  { file: 'opendyslexic-latin-400-normal.woff2', weight: '400', style: 'normal' },
  { file: 'opendyslexic-latin-400-italic.woff2', weight: '400', style: 'italic' },
  { file: 'opendyslexic-latin-700-normal.woff2', weight: '700', style: 'normal' },
  { file: 'opendyslexic-latin-700-italic.woff2', weight: '700', style: 'italic' },
];
