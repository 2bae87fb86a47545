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

/** The element's copy in `doc` with only its safe attributes, or null when it is dropped whole. */
function copyElement(doc: Document, el: Element): Element | null {
  if (DROPPED_ELEMENTS.has(el.tagName.toUpperCase())) return null;
  const copy = doc.createElementNS(el.namespaceURI, el.localName);
  for (const attr of Array.from(el.attributes)) {
    if (!unsafeAttribute(attr.name.toLowerCase(), attr.value)) copy.setAttributeNS(attr.namespaceURI, attr.name, attr.value);
  }
  return copy;
}

/**
 * A clean deep copy of a story node for `doc`, or null when nothing of it is kept. Built node by node
 * rather than cloned and then cleaned: a clone with `onerror` starts loading at once, and Chromium
 * keeps the page-world handler even after the content script removes the attribute. Iterative, so
 * no nesting depth can overflow the stack.
 */
export function cleanCopy(doc: Document, node: Node): Node | null {
  const copyOf = (source: Node): Node | null => {
    if (source.nodeType === 3) return doc.createTextNode(source.nodeValue ?? '');
    if (source.nodeType === 1) return copyElement(doc, source as Element);
    return null; // comments, processing instructions: nothing a reader needs
  };
  const root = copyOf(node);
  if (!root) return null;
  const stack: [Node, Node][] = [[node, root]];
  while (stack.length > 0) {
    const [source, target] = stack.pop()!;
    for (let child = source.firstChild; child; child = child.nextSibling) {
      const copy = copyOf(child);
      if (!copy) continue;
      target.appendChild(copy);
      if (copy.nodeType === 1 && child.firstChild) stack.push([child, copy]);
    }
  }
  return root;
}
