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

/** Elements a script may attach a shadow root to (DOM's attachShadow list; custom elements have a hyphen). */
const SHADOW_HOSTS = new Set(['ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'BODY', 'DIV', 'FOOTER', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'MAIN', 'NAV', 'P', 'SECTION', 'SPAN']);

/**
 * An element's shadow root as the content script sees it: open ones everywhere, closed ones too in
 * Firefox. Chromium shows a closed root only through chrome.dom, an extension call per element that would
 * cost more than the copy saves; a closed root can only come from a page script (sites' markup cannot
 * declare one: AO3 strips <template>), and such a script can write into the reader's own open root anyway.
 */
function shadowRootOf(el: Element): ShadowRoot | null {
  const firefox = (el as Element & { openOrClosedShadowRoot?: () => ShadowRoot | null }).openOrClosedShadowRoot;
  return typeof firefox === 'function' ? firefox.call(el) : el.shadowRoot;
}

/**
 * True when a native deep clone of the children of `root` would hold nothing `cleanCopy` leaves out: no
 * dropped element, no unsafe attribute, no comment below the top level, no shadow root (a clonable one
 * is cloned with its host). Elements come from the browser's own list and comments from a walker that
 * skips everything else natively: a fraction of the cost of copying node by node.
 */
function childrenCloneClean(doc: Document, root: Node): boolean {
  if (root.nodeType !== 1) return false;
  // NodeFilter.SHOW_COMMENT | SHOW_PROCESSING_INSTRUCTION: a comment among the copied children is
  // skipped (copyChildrenClean); deeper, a clone would keep it.
  const others = doc.createTreeWalker(root, 0x80 | 0x40);
  for (let node = others.nextNode(); node; node = others.nextNode()) {
    if (node.nodeType !== 8 || node.parentNode !== root) return false;
  }
  const elements = (root as Element).getElementsByTagName('*');
  for (let i = 0; i < elements.length; i++) {
    const el = elements[i]!;
    const tag = el.tagName.toUpperCase();
    if (DROPPED_ELEMENTS.has(tag)) return false;
    if (el.hasAttributes()) {
      const attributes = el.attributes;
      for (let j = 0; j < attributes.length; j++) {
        const attr = attributes[j]!;
        if (unsafeAttribute(attr.name.toLowerCase(), attr.value)) return false;
      }
    }
    if ((SHADOW_HOSTS.has(tag) || tag.includes('-')) && shadowRootOf(el)) return false;
  }
  return true;
}

/**
 * Copies `source`'s child nodes but `skip` into `target`, each as `cleanCopy` would. When nothing in
 * `source` needs leaving out (story text nearly always), the browser's own deep clone makes the copies:
 * a 300,000-word work copies in a few milliseconds instead of ~100. The check and the clones run in one
 * synchronous call, so nothing on the page can change in between.
 */
export function copyChildrenClean(doc: Document, source: Node, target: Node, skip: Node | null): void {
  const clean = childrenCloneClean(doc, source);
  for (let node = source.firstChild; node; node = node.nextSibling) {
    if (node === skip) continue;
    const copy = !clean ? cleanCopy(doc, node) : node.nodeType === 1 || node.nodeType === 3 ? doc.importNode(node, true) : null;
    if (copy) target.appendChild(copy);
  }
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
