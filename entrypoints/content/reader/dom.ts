/**
 * A tiny element builder for the reader's own UI. Text is always a text node and attributes are
 * set one by one: no HTML string is ever parsed (page text is data).
 */

export type Child = Node | string | null | undefined | false;
export type Attrs = Record<string, string | number | boolean | null | undefined>;

export function h<K extends keyof HTMLElementTagNameMap>(
  doc: Document,
  tag: K,
  attrs?: Attrs | null,
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const el = doc.createElement(tag);
  if (attrs) {
    for (const [name, value] of Object.entries(attrs)) {
      if (value === null || value === undefined || value === false) continue;
      el.setAttribute(name, value === true ? '' : String(value));
    }
  }
  append(el, children);
  return el;
}

export function append(parent: ParentNode, children: Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    parent.append(child);
  }
}

/** The element an event really started on, inside a shadow root too. */
export function eventOrigin(event: Event): Element | null {
  const first = event.composedPath()[0] as Node | undefined;
  // nodeType, not instanceof: nodes may come from another realm (Firefox's Xrays, test documents).
  return first && first.nodeType === 1 ? (first as Element) : null;
}

/** Whether keys typed here belong to the control (text fields, selects, sliders, radios…). */
export function isTypingTarget(el: Element | null): boolean {
  for (let node: Element | null = el; node; node = node.parentElement) {
    const tag = node.tagName;
    if (tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT') return true;
    if ((node as HTMLElement).isContentEditable) return true;
    const role = node.getAttribute('role');
    if (role === 'slider' || role === 'textbox' || role === 'combobox' || role === 'spinbutton') return true;
    if (node === el && role === 'radio') return true;
  }
  return false;
}
