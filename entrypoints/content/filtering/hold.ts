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
 * !important; visibility: visible !important; animation: none !important }`. Every rule here sits in
 * a cascade layer named with this page load's token: an `!important` declaration in a layer beats
 * every unlayered `!important` one, and an earlier layer beats a later one, so no stylesheet the page
 * adds after ours can win. The fail-safe animation cannot carry `visibility` itself (any `!important`
 * beats an animation): it sets a custom property whose name holds the token, and the held element and
 * everything in it take their visibility from that property, `!important`, in the layer.
 */
function holdCss(blurbs: string, work: string): string {
  const J = marked(JUDGED);
  const P = marked(PENDING);
  const name = `lamplight-hold-${TOKEN}`;
  const flag = `--lamplight-held-${TOKEN}`;
  const all = `${blurbs}, ${work}`;
  const held = `:is(${all}):not(${J})`;
  return `@keyframes ${name} { from, to { ${flag}: hidden; } }
@layer lamplight-${TOKEN} {
${held} { animation: ${name} ${FAIL_SAFE_SECONDS}s step-end !important; }
:is(${all})${P}:not(${J}) { animation: ${name} ${PENDING_FAIL_SAFE_SECONDS}s step-end !important; }
${held}, ${held} * { visibility: var(${flag}, visible) !important; }
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
