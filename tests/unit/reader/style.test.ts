import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_READER_SETTINGS, READER_CHOICES } from '../../../lib/reader/settings';
import {
  DYSLEXIC_FACES,
  DYSLEXIC_FAMILY,
  FONT_STACKS,
  pageCss,
  PALETTES,
  readerCssVariables,
  resolveTheme,
  type ResolvedTheme,
} from '../../../lib/reader/style';

/** WCAG 2 relative luminance and contrast ratio. */
function luminance(hex: string): number {
  const n = Number.parseInt(hex.slice(1), 16);
  const channel = (c: number) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel((n >> 16) & 255) + 0.7152 * channel((n >> 8) & 255) + 0.0722 * channel(n & 255);
}
function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

describe('resolveTheme', () => {
  it('follows the system for auto', () => {
    expect(resolveTheme('auto', true)).toBe('dark');
    expect(resolveTheme('auto', false)).toBe('light');
  });
  it('keeps a chosen theme whatever the system prefers', () => {
    expect(resolveTheme('sepia', true)).toBe('sepia');
    expect(resolveTheme('black', false)).toBe('black');
  });
});

describe('palettes', () => {
  it.each(Object.keys(PALETTES) as ResolvedTheme[])('%s has accessible contrast', (theme) => {
    const p = PALETTES[theme];
    expect(contrast(p.fg, p.bg)).toBeGreaterThanOrEqual(7); // AAA body text
    expect(contrast(p.fg, p.surface)).toBeGreaterThanOrEqual(7); // control labels
    expect(contrast(p.muted, p.bg)).toBeGreaterThanOrEqual(4.5);
    expect(contrast(p.link, p.bg)).toBeGreaterThanOrEqual(4.5);
    expect(contrast(p.focus, p.bg)).toBeGreaterThanOrEqual(3); // non-text: focus ring
    expect(contrast(p.accent, p.bg)).toBeGreaterThanOrEqual(3); // progress bar, selected state
  });
  it('covers every theme but auto, with the right colour scheme', () => {
    expect(Object.keys(PALETTES).sort()).toEqual(READER_CHOICES.theme.filter((t) => t !== 'auto').sort());
    expect(PALETTES.dark.scheme).toBe('dark');
    expect(PALETTES.sepia.scheme).toBe('light');
  });
});

describe('readerCssVariables', () => {
  it('maps settings to custom properties with units', () => {
    const vars = readerCssVariables(
      { ...DEFAULT_READER_SETTINGS, fontSize: 22, lineHeight: 1.75, width: 60, paragraphSpacing: 0.5 },
      false,
    );
    expect(vars['--ll-size']).toBe('22px');
    expect(vars['--ll-leading']).toBe('1.75');
    expect(vars['--ll-measure']).toBe('60ch');
    expect(vars['--ll-paragraph']).toBe('0.5em');
    expect(vars['--ll-align']).toBe('start');
    expect(vars['--ll-hyphens']).toBe('manual');
    expect(vars['--ll-font']).toBe(FONT_STACKS.serif);
  });
  it('hyphenates justified text', () => {
    const vars = readerCssVariables({ ...DEFAULT_READER_SETTINGS, align: 'justify' }, false);
    expect(vars['--ll-align']).toBe('justify');
    expect(vars['--ll-hyphens']).toBe('auto');
  });
  it('uses the theme palette, resolving auto against the system', () => {
    expect(readerCssVariables({ ...DEFAULT_READER_SETTINGS, theme: 'auto' }, true)['--ll-bg']).toBe(PALETTES.dark.bg);
    expect(readerCssVariables({ ...DEFAULT_READER_SETTINGS, theme: 'auto' }, false)['--ll-bg']).toBe(PALETTES.light.bg);
    expect(readerCssVariables({ ...DEFAULT_READER_SETTINGS, theme: 'sepia' }, true)['--ll-fg']).toBe(PALETTES.sepia.fg);
  });
  it('names the shipped dyslexia-friendly font first for that choice', () => {
    const vars = readerCssVariables({ ...DEFAULT_READER_SETTINGS, font: 'dyslexic' }, false);
    expect(vars['--ll-font']?.startsWith(`'${DYSLEXIC_FAMILY}'`)).toBe(true);
  });
  it('ends every font stack with a generic family', () => {
    for (const stack of Object.values(FONT_STACKS)) expect(stack).toMatch(/(serif|sans-serif)$/);
  });
});

describe('DYSLEXIC_FACES', () => {
  it('lists the four shipped OpenDyslexic files (regular, italic, bold, bold italic)', () => {
    expect(DYSLEXIC_FACES.map((f) => `${f.weight}-${f.style}`).sort()).toEqual(
      ['400-italic', '400-normal', '700-italic', '700-normal'],
    );
    for (const face of DYSLEXIC_FACES) {
      expect(face.file).toBe(`opendyslexic-latin-${face.weight}-${face.style}.woff2`);
      expect(existsSync(path.join(__dirname, '..', '..', '..', 'public', 'fonts', face.file))).toBe(true);
    }
    expect(existsSync(path.join(__dirname, '..', '..', '..', 'public', 'fonts', 'OpenDyslexic-LICENSE.txt'))).toBe(true);
  });
});

describe('pageCss', () => {
  const css = pageCss({ hostId: 'lamplight-reader-host', palette: PALETTES.dark });
  it("hides the site's body (the reader host is beside it), only while the reader is on", () => {
    expect(css).toContain(
      'html[data-lamplight-reader="on"] > body { content-visibility: hidden !important; opacity: 0 !important; }',
    );
    expect(css).toContain(PALETTES.dark.bg);
  });
  it('sets no inherited property on html or body (that would restyle the whole hidden page on close)', () => {
    const rootRules = css.split('\n').filter((rule) => !rule.includes('content-visibility') && !rule.includes('#lamplight-reader-host {'));
    for (const rule of rootRules) {
      const declarations = rule.slice(rule.indexOf('{') + 1, rule.lastIndexOf('}'));
      const properties = declarations
        .split(';')
        .map((d) => d.split(':')[0]?.trim())
        .filter(Boolean);
      expect(properties.every((p) => p === 'background' || p === 'scroll-behavior')).toBe(true);
    }
  });
});
