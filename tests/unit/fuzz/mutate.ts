/**
 * Mutations for the adapter fuzz tests: each takes a (cloned) document and damages it the way a
 * site redesign, a half-loaded page, another extension or a hostile author might. Everything is
 * built with DOM calls: junk that looks like markup goes in as text, as a site would escape it.
 */
import type { Random } from './prng';

/** Odd text: direction overrides, NUL-like and invisible characters, huge strings, markup-looking text. */
export function junkText(rng: Random): string {
  const kinds: (() => string)[] = [
    () => '\u202Eevil\u202C txet',
    () => '\u0000\u0001\u0008\u001b\u007f\u0085',
    () => '\uFEFF\u200B\u200D\u2060\u00AD',
    () => '\uD800 lone \uDFFF surrogates',
    () => 'x'.repeat(10_000),
    () => Array.from({ length: 10_000 }, () => String.fromCharCode(0x20 + rng.int(0x2fd0))).join(''),
    () => '<img src=x onerror=window.__pwned=1>',
    () => '<script>window.__pwned=1</script>',
    () => '</li></ol><li class="work blurb group" id="work_1">',
    () => '&lt;b&gt;&amp;amp;&#0;&#x202e;',
    () => 'javascript:window.__pwned=1',
    () => pick(rng, ['NaN', 'Infinity', '-1', '-0', '1e400', '0x1F', '1,2,3', '٣٤٥', '１２３', '½']),
    () => '9'.repeat(rng.pick([17, 30, 400])),
    () => `${rng.int(100)}/${rng.pick(['?', '0', '-3', 'NaN', '99999999999999999999'])}`,
    () => pick(rng, ['', ' ', '\n\t', '\u00a0', '\u3000']),
    () => '🧨🏳️‍🌈 e\u0301 İı ß ǅ',
    () => pick(rng, ['Anonymous', 'orphan_account', 'Complete', 'Major Character Death', 'Rated: M', 'Words: 1,234']),
    () => pick(rng, ['*', '%', '%E0%A4%A', '../../', '?', '#', '/works/', '/users/']),
    () => 'https://evil.example/works/1?x="><svg onload=alert(1)>',
  ];
  return rng.pick(kinds)();
}

function pick(rng: Random, items: readonly string[]): string {
  return rng.pick(items);
}

/** Markup that looks like the sites' own, filled with junk: parsers must not trust where it sits. */
function fakeElement(doc: Document, rng: Random): Element {
  const j = () => junkText(rng);
  const el = (tag: string, attrs: Record<string, string> = {}, ...children: (Node | string)[]) => {
    const e = doc.createElement(tag);
    for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
    e.append(...children);
    return e;
  };
  const makers: (() => Element)[] = [
    () => el('dd', { class: rng.pick(['words', 'chapters', 'language', 'kudos', 'hits', 'published', 'status']) }, j()),
    () => el('dt', { class: rng.pick(['words', 'chapters', 'language']) }, j()),
    () => el('a', { rel: 'author', href: `/users/${j()}/pseuds/${j()}` }, j()),
    () => el('li', { class: rng.pick(['freeforms', 'characters', 'relationships', 'warnings']) }, el('a', { class: 'tag', href: `/tags/${j()}/works` }, j())),
    () => el('h4', { class: 'heading' }, el('a', { href: `/works/${rng.pick([j(), '999', '-1', '1e3'])}` }, j())),
    () => el('span', { class: `rating-${rng.pick(['explicit', 'mature', 'general-audience', 'notrated'])} rating`, title: j() }, el('span', { class: 'text' }, j())),
    () => el('span', { class: 'warnings', title: j() }),
    () => el('blockquote', { class: 'userstuff summary' }, el('p', {}, j())),
    () => el('p', { class: 'datetime' }, j()),
    () => el('ul', { class: 'series' }, el('li', {}, 'Part ', el('strong', {}, j()), ' of ', el('a', { href: `/series/${j()}` }, j()))),
    () => el('div', { class: 'userstuff module', role: 'article' }, el('p', {}, j())),
    () => el('div', { class: 'xgray xcontrast_txt' }, `Rated: ${j()} - English - Words: ${j()} - Chapters: ${j()} - id: ${j()}`),
    () => el('a', { class: 'stitle', href: `/s/${j()}/1/` }, j()),
    () => el('span', { 'data-xutime': j() }, j()),
    () => el('select', { id: 'chap_select' }, el('option', { value: j() }, j())),
  ];
  return rng.pick(makers)();
}

function retag(doc: Document, target: Element, tag: string): Element {
  const replacement = doc.createElement(tag);
  for (const attr of Array.from(target.attributes)) {
    try {
      replacement.setAttribute(attr.name, attr.value);
    } catch {
      // an attribute name the new element does not accept: leave it out
    }
  }
  replacement.append(...Array.from(target.childNodes));
  target.replaceWith(replacement);
  return replacement;
}

export interface Mutation {
  name: string;
  /** Applies the mutation to `target` (inside `region`); returns a short description, for replaying. */
  apply(doc: Document, target: Element, region: Element, rng: Random): string;
}

const describe = (el: Element) => {
  const cls = el.getAttribute('class');
  return `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${cls ? `.${cls.trim().split(/\s+/).slice(0, 3).join('.')}` : ''}`;
};

export const MUTATIONS: readonly Mutation[] = [
  { name: 'remove', apply: (_d, t) => (t.remove(), `removed ${describe(t)}`) },
  {
    name: 'duplicate',
    apply: (_d, t, _r, rng) => {
      const copies = rng.pick([1, 1, 2, 5]);
      for (let i = 0; i < copies; i++) t.after(t.cloneNode(true));
      return `duplicated ${describe(t)} x${copies}`;
    },
  },
  {
    name: 'move',
    apply: (_d, t, region, rng) => {
      const all = Array.from(region.querySelectorAll('*')).filter((e) => !t.contains(e));
      if (all.length === 0) return 'move: nowhere to go';
      const dest = rng.pick(all);
      if (rng.chance(0.5)) dest.before(t);
      else dest.append(t);
      return `moved ${describe(t)} to ${describe(dest)}`;
    },
  },
  {
    name: 'reorder',
    apply: (_d, t, _r, rng) => {
      const parent = t.parentElement;
      if (!parent) return 'reorder: no parent';
      const kids = rng.shuffle(Array.from(parent.children));
      parent.append(...kids);
      return `reordered the ${kids.length} children of ${describe(parent)}`;
    },
  },
  {
    name: 'strip-classes',
    apply: (_d, t, _r, rng) => {
      const deep = rng.chance(0.3);
      for (const e of deep ? [t, ...Array.from(t.querySelectorAll('[class]'))] : [t]) e.removeAttribute('class');
      return `stripped classes of ${describe(t)}${deep ? ' and its descendants' : ''}`;
    },
  },
  {
    name: 'strip-attributes',
    apply: (_d, t) => {
      const before = describe(t);
      for (const attr of Array.from(t.attributes)) t.removeAttribute(attr.name);
      return `stripped attributes of ${before}`;
    },
  },
  {
    name: 'inject-text',
    apply: (d, t, _r, rng) => {
      const text = junkText(rng);
      const node = d.createTextNode(text);
      if (rng.chance(0.5)) t.prepend(node);
      else t.append(node);
      return `injected ${JSON.stringify(text.slice(0, 40))}${text.length > 40 ? `…(${text.length})` : ''} into ${describe(t)}`;
    },
  },
  {
    name: 'replace-text',
    apply: (_d, t, _r, rng) => {
      // Prefer a leaf: its text is a value (a tag name, a count), not a whole section.
      const leaves = [t, ...Array.from(t.querySelectorAll('*'))].filter((e) => e.children.length === 0);
      const leaf = rng.pick(leaves);
      const text = junkText(rng);
      leaf.textContent = text;
      return `set text of ${describe(leaf)} to ${JSON.stringify(text.slice(0, 40))}${text.length > 40 ? `…(${text.length})` : ''}`;
    },
  },
  {
    name: 'junk-attribute',
    apply: (_d, t, _r, rng) => {
      const name = rng.pick(['href', 'title', 'class', 'id', 'rel', 'value', 'datetime', 'lang', 'data-xutime']);
      const value = junkText(rng);
      t.setAttribute(name, value);
      return `set ${describe(t)}[${name}] to ${JSON.stringify(value.slice(0, 40))}`;
    },
  },
  {
    name: 'wrap',
    apply: (d, t, _r, rng) => {
      const wrapper = d.createElement(rng.pick(['div', 'span', 'li', 'dd', 'p']));
      t.replaceWith(wrapper);
      wrapper.append(t);
      return `wrapped ${describe(t)} in ${wrapper.tagName.toLowerCase()}`;
    },
  },
  {
    name: 'unwrap',
    apply: (_d, t) => {
      t.replaceWith(...Array.from(t.childNodes));
      return `unwrapped ${describe(t)}`;
    },
  },
  {
    name: 'empty',
    apply: (_d, t) => (t.replaceChildren(), `emptied ${describe(t)}`),
  },
  {
    name: 'retag',
    apply: (d, t, _r, rng) => {
      const tag = rng.pick(['div', 'span', 'ul', 'ol', 'li', 'dd', 'dl', 'a', 'p', 'blockquote', 'h2', 'h4', 'table']);
      const before = describe(t);
      retag(d, t, tag);
      return `retagged ${before} as ${tag}`;
    },
  },
  {
    name: 'fake-element',
    apply: (d, t, _r, rng) => {
      const fake = fakeElement(d, rng);
      if (rng.chance(0.5)) t.before(fake);
      else t.append(fake);
      return `inserted fake ${describe(fake)} near ${describe(t)}`;
    },
  },
];

/**
 * Applies `count` random mutations to `doc`, aimed at elements of `regions()` (the blurbs, the work's
 * preface) most of the time and anywhere in the body otherwise. Returns what it did, for the report.
 */
export function mutate(doc: Document, rng: Random, count: number, regions: () => Element[]): string[] {
  const log: string[] = [];
  for (let i = 0; i < count; i++) {
    const focused = regions();
    const region = focused.length > 0 && rng.chance(0.8) ? rng.pick(focused) : (doc.body ?? doc.documentElement);
    if (!doc.contains(region)) continue;
    const candidates = [region, ...Array.from(region.querySelectorAll('*'))];
    const target = rng.pick(candidates);
    const mutation = rng.pick(MUTATIONS);
    log.push(`${mutation.name}: ${mutation.apply(doc, target, region, rng)}`);
  }
  return log;
}
