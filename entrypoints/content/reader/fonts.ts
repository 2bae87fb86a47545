/**
 * The shipped dyslexia-friendly font (OpenDyslexic, public/fonts/), registered with the document
 * only once someone chooses it, and then kept for the life of the page.
 *
 * Why not in the reader's stylesheet: Chrome ignores @font-face inside shadow roots. Why not added
 * and removed with each open and close: any change to the document's font set restyles and
 * re-lays-out the whole (hidden) site page when it is shown again, which costs ~600 ms on a
 * 300,000-word work. Registered once, the family is inert for the site (nothing of theirs names it).
 *
 * Why from bytes, not from the font's URL: a FontFace with a url() source is loaded by the page, so
 * the file would have to be web-accessible. Firefox's MV2 web_accessible_resources cannot be limited
 * to sites (any page could load it), so the Firefox build exposes nothing: the content script reads
 * the file itself (an add-on's content scripts may fetch its own files) and hands the bytes to
 * FontFace. Chrome lets a content script fetch only what is web-accessible to the page's site, so
 * the Chrome manifest keeps the font exposed to the supported sites alone.
 */
import { DYSLEXIC_FACES, DYSLEXIC_FAMILY } from '../../../lib/reader/style';
import { h } from './dom';

export interface FontLoader {
  /** Registers the faces if they are not yet (cheap to call again). */
  ensure(): void;
  /** Unregisters them (feature stop). */
  remove(): void;
}

/** The font file's bytes, read by the content script itself. */
const readBytes = async (url: string): Promise<ArrayBuffer> => {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: ${response.status}`);
  return response.arrayBuffer();
};

export function createFontLoader(doc: Document, fontUrl: (file: string) => string): FontLoader {
  let faces: FontFace[] | null = null;
  let style: HTMLStyleElement | null = null;

  return {
    ensure() {
      if (faces || style) return;
      const win = doc.defaultView;
      const FontFaceCtor = win?.FontFace ?? (typeof FontFace === 'undefined' ? undefined : FontFace);
      if (FontFaceCtor && doc.fonts) {
        const added: FontFace[] = [];
        faces = added;
        for (const face of DYSLEXIC_FACES) {
          readBytes(fontUrl(face.file))
            .then((bytes) => {
              if (faces !== added) return; // removed while loading
              const loaded = new FontFaceCtor(DYSLEXIC_FAMILY, bytes, { weight: face.weight, style: face.style, display: 'swap' });
              added.push(loaded);
              doc.fonts.add(loaded);
            })
            .catch((error: unknown) => console.warn('Lamplight reader: could not load the OpenDyslexic font.', error));
        }
      } else {
        // Only where there is no FontFace API (no browser Lamplight supports): the page loads the
        // font, so only Chrome, where it is web-accessible to the supported sites, gets it.
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
