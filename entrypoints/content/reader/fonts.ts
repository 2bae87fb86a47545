/**
 * The shipped dyslexia-friendly font (OpenDyslexic, public/fonts/), registered with the document
 * only once someone chooses it, and then kept for the life of the page.
 *
 * Why not in the reader's stylesheet: Chrome ignores @font-face inside shadow roots. Why not added
 * and removed with each open and close: any change to the document's font set restyles and
 * re-lays-out the whole (hidden) site page when it is shown again, which costs ~600 ms on a
 * 300,000-word work. Registered once, the family is inert for the site (nothing of theirs names it).
 */
import { DYSLEXIC_FACES, DYSLEXIC_FAMILY } from '../../../lib/reader/style';
import { h } from './dom';

export interface FontLoader {
  /** Registers the faces if they are not yet (cheap to call again). */
  ensure(): void;
  /** Unregisters them (feature stop). */
  remove(): void;
}

export function createFontLoader(doc: Document, fontUrl: (file: string) => string): FontLoader {
  let faces: FontFace[] | null = null;
  let style: HTMLStyleElement | null = null;

  return {
    ensure() {
      if (faces || style) return;
      const win = doc.defaultView;
      const FontFaceCtor = win?.FontFace ?? (typeof FontFace === 'undefined' ? undefined : FontFace);
      try {
        if (!FontFaceCtor || !doc.fonts) throw new Error('no FontFace API');
        faces = DYSLEXIC_FACES.map(
          (face) =>
            new FontFaceCtor(DYSLEXIC_FAMILY, `url("${fontUrl(face.file)}") format("woff2")`, {
              weight: face.weight,
              style: face.style,
              display: 'swap',
            }),
        );
        for (const face of faces) doc.fonts.add(face);
      } catch {
        faces = null;
        // Same faces as CSS text (built from our own constants, never from page data).
        const css = DYSLEXIC_FACES.map(
          (face) =>
            `@font-face{font-family:'${DYSLEXIC_FAMILY}';font-style:${face.style};font-weight:${face.weight};` +
            `font-display:swap;src:url("${fontUrl(face.file)}") format("woff2")}`,
        ).join('\n');
        style = h(doc, 'style', { 'data-lamplight-fonts': '' }, css);
        (doc.head ?? doc.documentElement).append(style);
      }
    },
    remove() {
      if (faces) for (const face of faces) doc.fonts.delete(face);
      faces = null;
      style?.remove();
      style = null;
    },
  };
}
