/**
 * Story markup copied into the reader is the page's, so it is cleaned of everything that could act
 * or pass for Lamplight: event handlers (`<img onerror>` would fire a second time in the copy),
 * scripts and stylesheets, `javascript:` URLs, the reader's `data-action` and `data-chapter`, any
 * `data-lamplight-*` attribute and ids in the reader's own `ll-` namespace. Formatting, images,
 * links and embedded video stay.
 */

const DROPPED_ELEMENTS = new Set(['SCRIPT', 'STYLE', 'LINK', 'META', 'BASE', 'TEMPLATE', 'NOSCRIPT', 'FRAME', 'FRAMESET']);
const URL_ATTRIBUTES = new Set(['href', 'src', 'action', 'formaction', 'xlink:href', 'data', 'poster', 'background']);

function unsafeAttribute(name: string, value: string): boolean {
  if (name.startsWith('on') || name === 'srcdoc' || name === 'data-action' || name === 'data-chapter') return true;
  if (name.startsWith('data-lamplight')) return true;
  if (name === 'id' && value.startsWith('ll-')) return true;
  // The URL parser drops tabs and newlines and leading spaces and controls: "java\nscript:" is a javascript: URL.
  return URL_ATTRIBUTES.has(name) && /^javascript:/i.test(value.replace(/[\u0000-\u0020]/g, ''));
}

function cleanElement(el: Element): void {
  for (const attr of Array.from(el.attributes)) {
    if (unsafeAttribute(attr.name.toLowerCase(), attr.value)) el.removeAttribute(attr.name);
  }
}

/** Cleans a copied node and everything in it, in place (the node is not in any document yet). */
export function cleanCopy(node: Node): Node | null {
  if (node.nodeType !== 1) return node;
  const root = node as Element;
  if (DROPPED_ELEMENTS.has(root.tagName.toUpperCase())) return null;
  const doomed: Element[] = [];
  cleanElement(root);
  for (const el of Array.from(root.getElementsByTagName('*'))) {
    if (DROPPED_ELEMENTS.has(el.tagName.toUpperCase())) doomed.push(el);
    else cleanElement(el);
  }
  for (const el of doomed) el.remove();
  return root;
}
