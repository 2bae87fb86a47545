/**
 * Messages (lib/i18n) with nodes (links) in them, put together on the page. Every word comes from
 * messages.json, so a translation can reorder and punctuate them its own way.
 */

/** Private-use characters stand for the nodes while the message is put together; pages and messages never hold them. */
const FIRST_MARK = 0xe000;
const LAST_MARK = 0xf8ff;
const MARKS = /([\uE000-\uF8FF])/;

/**
 * A message with nodes in its placeholders, as text and nodes in order: `build` gets one mark per
 * node and returns the message (`(by) => t('readerByline', by)`); each mark becomes its node again.
 */
export function withNodes(
  build: (...marks: string[]) => string,
  nodes: readonly (Node | string)[],
): (Node | string)[] {
  const count = Math.min(nodes.length, LAST_MARK - FIRST_MARK + 1);
  const marks = Array.from({ length: count }, (_, i) => String.fromCharCode(FIRST_MARK + i));
  const out: (Node | string)[] = [];
  for (const part of build(...marks).split(MARKS)) {
    if (part === '') continue;
    const code = part.length === 1 ? part.charCodeAt(0) - FIRST_MARK : -1;
    const node = code >= 0 && code < count ? nodes[code] : undefined;
    out.push(node ?? part);
  }
  return out;
}
