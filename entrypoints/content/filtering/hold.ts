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
/** Marks the hold stylesheet, so other features can tell filtering is still judging. */
export const HOLD_STYLE_MARK = 'hold';

const FAIL_SAFE_SECONDS = 1;
const PENDING_FAIL_SAFE_SECONDS = 20;

function holdCss(selectors: readonly string[]): string {
  const unjudged = selectors.map((s) => `:is(${s}):not([${JUDGED}])`).join(',\n');
  const pending = selectors.map((s) => `:is(${s})[${PENDING}]:not([${JUDGED}])`).join(',\n');
  return `@keyframes lamplight-hold { from, to { visibility: hidden; } }
${unjudged} { animation: lamplight-hold ${FAIL_SAFE_SECONDS}s step-end !important; }
${pending} { animation: lamplight-hold ${PENDING_FAIL_SAFE_SECONDS}s step-end !important; }
[${HIDDEN}], [${COLLAPSED}], [${SHIELDED}] { display: none !important; }`;
}

export interface Hold {
  /** Lets everything held show, and removes the stylesheet. */
  release(): void;
}

/** Installs the hold on `doc`; call at document_start. */
export function installHold(doc: Document, selectors: readonly string[]): Hold {
  const style = doc.createElement('style');
  style.dataset.lamplight = HOLD_STYLE_MARK;
  style.textContent = holdCss(selectors);
  (doc.head ?? doc.documentElement).append(style);
  return {
    release() {
      style.remove();
    },
  };
}
