import { marked, TOKEN } from '../marks';

/**
 * Keeps blurbs (and a work's story) unpainted until the filters have judged them, so a
 * filtered work never shows for a single frame.
 *
 * The hold is a stylesheet put in place synchronously at document_start, before the page has
 * any content. Its fail-safe is a CSS animation rather than a timer: if the content script
 * dies, an element that was never judged becomes visible by itself after about a second.
 * An element the script has seen but cannot judge yet (its markup is still arriving on a slow
 * connection) is marked pending, which holds it longer while the script lives.
 */

export const JUDGED = 'data-lamplight-judged';
export const PENDING = 'data-lamplight-pending';
export const HIDDEN = 'data-lamplight-hidden';
export const COLLAPSED = 'data-lamplight-collapsed';
export const SHIELDED = 'data-lamplight-shielded';

const FAIL_SAFE_SECONDS = 1;
const PENDING_FAIL_SAFE_SECONDS = 20;

/**
 * Page CSS must not undo the hiding: a work skin may say `#workskin, #workskin * { display: block
 * !important; visibility: visible !important }`. Every rule here sits in a cascade layer named with
 * this page load's token: an `!important` declaration in a layer beats every unlayered `!important`
 * one, and an earlier layer beats a later one, so no stylesheet the page adds after ours can win.
 * A work skin can style the story and what is inside it, never its parent: the story's parent is
 * what the fail-safe animation holds, and the story and everything in it must inherit that.
 * (An animation loses to any `!important` declaration, so it is never put on what a skin can reach.)
 */
function holdCss(blurbs: string, work: string): string {
  const J = marked(JUDGED);
  const P = marked(PENDING);
  const name = `lamplight-hold-${TOKEN}`;
  const held = (sel: string) => `:is(${sel}):not(${J})`;
  const pending = (sel: string) => `:is(${sel})${P}:not(${J})`;
  const animate = (seconds: number) => `animation: ${name} ${seconds}s step-end !important;`;
  return `@keyframes ${name} { from, to { visibility: hidden; } }
@layer lamplight-${TOKEN} {
${held(blurbs)}, :has(> ${held(work)}) { ${animate(FAIL_SAFE_SECONDS)} }
${pending(blurbs)}, :has(> ${pending(work)}) { ${animate(PENDING_FAIL_SAFE_SECONDS)} }
${held(work)}, ${held(work)} *, ${held(blurbs)} * { visibility: inherit !important; }
${marked(HIDDEN)}, ${marked(COLLAPSED)}, ${marked(SHIELDED)} { display: none !important; }
}`;
}

export interface Hold {
  /** Lets everything held show, and removes the stylesheet. */
  release(): void;
}

/** Installs the hold on `doc`; call at document_start. */
export function installHold(doc: Document, blurbSelector: string, workSelector: string): Hold {
  const style = doc.createElement('style');
  // A name for people and tests looking at the page; Lamplight itself never looks for it.
  style.dataset.lamplight = 'hold';
  style.textContent = holdCss(blurbSelector, workSelector);
  (doc.head ?? doc.documentElement).append(style);
  return {
    release() {
      style.remove();
    },
  };
}
