/**
 * Every word the content script and the background show comes from messages.json (lib/i18n).
 * This scans their source (and the lib folders they show words from) with TypeScript's parser for
 * string literals that reach the page or the browser's UI:
 * - assigned to `textContent`, `innerText`, `title`, `ariaLabel`, `placeholder`, `alt`…;
 * - `setAttribute('aria-label' | 'title' | 'placeholder' | 'alt' | …, literal)`;
 * - the reader's element builder `h(doc, tag, { 'aria-label': literal }, literal…)`;
 * - `append`/`prepend`/`before`/`after`/`createTextNode`… and notices (`showNotice`, `confirm`…);
 * - `title:` (or `message:`) in `contextMenus.*` / `notifications.*` / `setTitle` calls;
 * - in entrypoints only: any literal that reads like a sentence ("Reader mode", "Show all…"),
 *   outside `console.*`, `warn(…)` and `new Error(…)`.
 * - in lib: words a function returns, a `label:`, a validation failure (`fail(…)`).
 * A literal counts when its text (a template's fixed parts) holds a letter. A line marked
 * `i18n-ignore` (or the line after such a comment), and the lines between `i18n-ignore-start` and
 * `i18n-ignore-end`, are skipped: for a site's own words, never ours.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

export interface Finding {
  file: string;
  line: number;
  text: string;
  why: string;
}

const TEXT_PROPERTIES = new Set([
  'textContent',
  'innerText',
  'innerHTML',
  'outerHTML',
  'nodeValue',
  'data',
  'title',
  'ariaLabel',
  'ariaDescription',
  'ariaValueText',
  'ariaRoleDescription',
  'ariaPlaceholder',
  'placeholder',
  'alt',
]);
const TEXT_ATTRIBUTES = new Set([
  'aria-label',
  'aria-description',
  'aria-valuetext',
  'aria-roledescription',
  'aria-placeholder',
  'title',
  'placeholder',
  'alt',
  'label',
]);
const NODE_METHODS = new Set([
  'append',
  'prepend',
  'before',
  'after',
  'replaceWith',
  'replaceChildren',
  'createTextNode',
  'insertAdjacentText',
  'insertAdjacentHTML',
]);
const MESSAGE_CALLS = new Set(['alert', 'confirm', 'prompt', 'showNotice', 'goneNotice']);
const BROWSER_UI_PROPERTIES = new Set(['title', 'message', 'contextMessage']);
const LETTER = /\p{L}/u;
/** Reads like words for people: a capitalised word, then more words ("Reader mode", "Show all"). */
const SENTENCE = /^\s*\p{Lu}[\p{Ll}’']*(?:[\s,:]+[\p{L}“”"’'*…().!?-]+)+/u;
/** Two words in a row ("left in chapter", "more than  fandoms"): in what a lib function returns or labels. */
const WORDS = /\p{L}{2,}[\s,:]+\p{L}{2,}/u;

/** The fixed text of a literal, or null when `node` is no literal. */
function literalText(node: ts.Node): string | null {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
  if (ts.isTemplateExpression(node)) return [node.head.text, ...node.templateSpans.map((s) => s.literal.text)].join('');
  return null;
}

/** The literals an expression can evaluate to: through `a ? b : c`, `a || b`, `a ?? b`, `a + b` and parentheses. */
function literalsIn(node: ts.Expression | undefined): ts.Expression[] {
  if (!node) return [];
  if (literalText(node) !== null) return [node];
  if (ts.isParenthesizedExpression(node) || ts.isAsExpression(node) || ts.isSatisfiesExpression(node)) {
    return literalsIn(node.expression);
  }
  if (ts.isConditionalExpression(node)) return [...literalsIn(node.whenTrue), ...literalsIn(node.whenFalse)];
  if (ts.isBinaryExpression(node)) {
    const op = node.operatorToken.kind;
    if (
      op === ts.SyntaxKind.BarBarToken ||
      op === ts.SyntaxKind.QuestionQuestionToken ||
      op === ts.SyntaxKind.PlusToken
    ) {
      return [...literalsIn(node.left), ...literalsIn(node.right)];
    }
  }
  return [];
}

function nameOf(node: ts.PropertyName | ts.Expression): string | null {
  if (ts.isIdentifier(node) || ts.isPrivateIdentifier(node)) return node.text;
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
  return null;
}

/** The called function's name: `h`, `setAttribute` (of `el.setAttribute`), `create` (of `browser.contextMenus.create`). */
function calleeName(call: ts.CallExpression): string | null {
  const callee = call.expression;
  if (ts.isIdentifier(callee)) return callee.text;
  if (ts.isPropertyAccessExpression(callee)) return callee.name.text;
  return null;
}

/** Inside `console.*(…)`, a `warn(…)` helper or `new Error(…)`: words for developers, not readers. */
function forDevelopers(node: ts.Node, source: ts.SourceFile): boolean {
  for (let p: ts.Node | undefined = node.parent; p; p = p.parent) {
    if (ts.isCallExpression(p)) {
      const callee = p.expression.getText(source);
      if (callee.startsWith('console.') || callee === 'warn' || callee === 'debug') return true;
    }
    if (ts.isNewExpression(p) && p.expression.getText(source).endsWith('Error')) return true;
    if (ts.isImportDeclaration(p) || ts.isExportDeclaration(p)) return true;
  }
  return false;
}

export interface ScanOptions {
  /** Any literal that reads like a sentence (entrypoints: nothing there but UI and logging). */
  sentences: boolean;
  /** Words returned by a function, given as a `label`, or a validation failure (lib: core logic with some words). */
  returnedWords: boolean;
}

export function scanSource(file: string, code: string, options: ScanOptions): Finding[] {
  const source = ts.createSourceFile(file, code, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const lines = code.split('\n');
  const ignored = new Set<number>();
  let inBlock = false;
  lines.forEach((text, i) => {
    if (/i18n-ignore-start/.test(text)) inBlock = true;
    else if (/i18n-ignore-end/.test(text)) inBlock = false;
    else if (inBlock || /i18n-ignore/.test(text)) ignored.add(i);
    if (/^\s*\/\/.*i18n-ignore(?!-)/.test(text)) ignored.add(i + 1);
  });
  const found = new Map<ts.Node, Finding>();

  const flag = (literal: ts.Expression, why: string) => {
    const text = literalText(literal);
    if (text === null || !LETTER.test(text) || found.has(literal)) return;
    const line = source.getLineAndCharacterOfPosition(literal.getStart(source)).line;
    if (ignored.has(line)) return;
    found.set(literal, { file, line: line + 1, text, why });
  };
  const flagAll = (expr: ts.Expression | undefined, why: string) => {
    for (const literal of literalsIn(expr)) flag(literal, why);
  };
  const flagAttributes = (attrs: ts.Expression | undefined, names: Set<string>, why: string) => {
    if (!attrs || !ts.isObjectLiteralExpression(attrs)) return;
    for (const prop of attrs.properties) {
      if (!ts.isPropertyAssignment(prop)) continue;
      const name = nameOf(prop.name);
      if (name !== null && names.has(name)) flagAll(prop.initializer, `${why} ${name}`);
    }
  };

  const visit = (node: ts.Node): void => {
    // el.textContent = '…', el.title = '…'
    if (
      ts.isBinaryExpression(node) &&
      node.operatorToken.kind === ts.SyntaxKind.EqualsToken &&
      ts.isPropertyAccessExpression(node.left) &&
      TEXT_PROPERTIES.has(node.left.name.text)
    ) {
      flagAll(node.right, `.${node.left.name.text} =`);
    }
    if (ts.isCallExpression(node)) {
      const name = calleeName(node);
      const args = node.arguments;
      const calleeText = node.expression.getText(source);
      if ((name === 'setAttribute' || name === 'setAttributeNS') && args.length >= 2) {
        const attr = args[args.length - 2];
        const attrName = attr ? literalText(attr) : null;
        if (attrName !== null && TEXT_ATTRIBUTES.has(attrName)) flagAll(args[args.length - 1], `setAttribute('${attrName}')`);
      }
      if (name === 'h' && args.length >= 2) {
        const tag = args[1] ? literalText(args[1]) : null;
        flagAttributes(args[2], TEXT_ATTRIBUTES, 'h() attribute');
        if (tag !== 'style' && tag !== 'script') for (const child of args.slice(3)) flagAll(child, 'h() child text');
      }
      if (name !== null && NODE_METHODS.has(name)) for (const arg of args) flagAll(arg, `${name}()`);
      if (name !== null && MESSAGE_CALLS.has(name)) for (const arg of args) flagAll(arg, `${name}()`);
      if (/contextMenus|notifications|menus\.|setTitle/.test(calleeText)) {
        for (const arg of args) flagAttributes(arg, BROWSER_UI_PROPERTIES, `${calleeText}()`);
      }
    }
    if (options.sentences) {
      const text = literalText(node);
      if (text !== null && SENTENCE.test(text) && !forDevelopers(node, source)) flag(node as ts.Expression, 'reads like words for people');
    }
    if (options.returnedWords) {
      const words = (expr: ts.Expression | undefined, why: string) => {
        for (const literal of literalsIn(expr)) {
          const text = literalText(literal) ?? '';
          const css = /[{}]/.test(text);
          if ((WORDS.test(text) || SENTENCE.test(text)) && !css && !forDevelopers(literal, source)) flag(literal, why);
        }
      };
      if (ts.isReturnStatement(node)) words(node.expression, 'returned words');
      if (ts.isArrowFunction(node) && !ts.isBlock(node.body)) words(node.body, 'returned words');
      if (ts.isPropertyAssignment(node) && ['label', 'description', 'message'].includes(nameOf(node.name) ?? '')) {
        words(node.initializer, `${nameOf(node.name)}:`);
      }
      if (ts.isCallExpression(node) && calleeName(node) === 'fail') for (const arg of node.arguments) words(arg, 'fail()');
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return [...found.values()].sort((a, b) => a.line - b.line);
}

// ---- The files -------------------------------------------------------------------------------

const ROOT = path.resolve(__dirname, '../../..');

function sourcesUnder(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(path.join(ROOT, dir))) {
    const rel = `${dir}/${entry}`;
    if (statSync(path.join(ROOT, rel)).isDirectory()) out.push(...sourcesUnder(rel));
    else if ((entry.endsWith('.ts') || entry.endsWith('.tsx')) && !entry.endsWith('.d.ts')) out.push(rel);
  }
  return out;
}

/** The content script and the background: DOM building and browser UI, sentences too. */
const ENTRYPOINT_FILES = [...sourcesUnder('entrypoints/content'), 'entrypoints/background.ts'];
/** The lib folders whose words they show (rule labels, reader settings, bookmark markers, chapter titles). */
const LIB_FILES = [
  ...sourcesUnder('lib/filters'),
  ...sourcesUnder('lib/reader'),
  ...sourcesUnder('lib/sites'),
  'lib/messages.ts',
  // shelf.ts is the popup's (components/shelf), scanned with it.
  ...sourcesUnder('lib/bookmarks').filter((f) => f !== 'lib/bookmarks/shelf.ts'),
];

function scanFiles(files: readonly string[], options: ScanOptions): Finding[] {
  return files.flatMap((file) => scanSource(file, readFileSync(path.join(ROOT, file), 'utf8'), options));
}

const report = (findings: Finding[]) => findings.map((f) => `${f.file}:${f.line}  ${f.why}: ${JSON.stringify(f.text)}`);

describe('the scanner', () => {
  const sample = [
    /* 1 */ `el.textContent = 'Hello there';`,
    /* 2 */ 'el.textContent = `Filtered: §{reasons}`;',
    /* 3 */ `el.textContent = t('filterShowAll');`,
    /* 4 */ `button.setAttribute('aria-label', 'Close');`,
    /* 5 */ `button.setAttribute('aria-label', t('readerControls'));`,
    /* 6 */ `el.title = saved ? 'Saved' : t('x');`,
    /* 7 */ `h(doc, 'div', { role: 'group', 'aria-label': 'Reader controls' }, 'Chapters', h(doc, 'span', null, '→'));`,
    /* 8 */ `h(doc, 'style', null, 'body { color: red }');`,
    /* 9 */ `browser.contextMenus.create({ id: 'hide', title: 'Hide works', contexts: ['link'] });`,
    /* 10 */ `console.warn('Lamplight could not do that.', error);`,
    /* 11 */ `el.append(' ', '→', 'Show all');`,
    /* 12 */ `showNotice(doc, 'Reader mode is off');`,
    /* 13 */ `const MENU = 'Hide works with this tag';`,
    /* 14 */ `// i18n-ignore: the site's own words`,
    /* 15 */ `el.textContent = 'Explicit';`,
    /* 16 */ 'el.textContent = `§{a} (§{b})`;',
    /* 17 */ `el.dataset.kind = 'listing'; el.className = 'notes end-notes';`,
    /* 18 */ `el.placeholder = 'Search' || other;`,
    /* 19 */ `throw new Error('The page has no body.');`,
    /* 20 */ `h(doc, 'input', { type: 'range', 'aria-valuetext': \`\${v} px\` });`,
    /* 21 */ `// i18n-ignore-start: the site's words`,
    /* 22 */ `const RATINGS = [{ label: 'Not Rated' }];`,
    /* 23 */ `// i18n-ignore-end`,
    /* 24 */ `const FIELDS = [{ key: 'width', label: 'Column width' }];`,
    /* 25 */ 'const left = (m: string) => `§{m} left in chapter`;',
    /* 26 */ `function label(rule) { if (rule.value) return 'in progress'; return 'words'; }`,
    /* 27 */ `if (x) return fail('Field is missing');`,
    /* 28 */ `return t('chapterNumber', n);`,
  ]
    .join('\n')
    .replaceAll('§{', '${'); // (§ for $ above: a template's placeholder in a plain string)

  it('finds each planted literal, with its line, and nothing else', () => {
    const found = scanSource('sample.ts', sample, { sentences: false, returnedWords: false });
    expect(found.map((f) => [f.line, f.text])).toEqual([
      [1, 'Hello there'],
      [2, 'Filtered: '],
      [4, 'Close'],
      [6, 'Saved'],
      [7, 'Reader controls'],
      [7, 'Chapters'],
      [9, 'Hide works'],
      [11, 'Show all'],
      [12, 'Reader mode is off'],
      [18, 'Search'],
      [20, ' px'],
    ]);
  });

  it('in lib, also finds words returned, labels and validation failures', () => {
    const found = scanSource('sample.ts', sample, { sentences: false, returnedWords: true });
    expect(found.filter((f) => f.line > 20).map((f) => [f.line, f.text])).toEqual([
      [24, 'Column width'],
      [25, ' left in chapter'],
      [26, 'in progress'],
      [27, 'Field is missing'],
    ]);
  });

  it('in entrypoints, also finds sentences kept aside in constants, but not words for developers', () => {
    const found = scanSource('sample.ts', sample, { sentences: true, returnedWords: false });
    const lines = found.map((f) => f.line);
    expect(lines).toContain(13);
    expect(lines).not.toContain(10);
    expect(lines).not.toContain(15);
    expect(lines).not.toContain(19);
  });

  it('reports file and line', () => {
    expect(report(scanSource('entrypoints/content/x.ts', `\n\nb.textContent = 'Bookmark';`, { sentences: true, returnedWords: false }))).toEqual([
      `entrypoints/content/x.ts:3  .textContent =: "Bookmark"`,
    ]);
  });
});

describe('no hard-coded words for readers', () => {
  it('scans the files it is meant to', () => {
    expect(ENTRYPOINT_FILES).toEqual(
      expect.arrayContaining([
        'entrypoints/background.ts',
        'entrypoints/content/filtering/placeholder.ts',
        'entrypoints/content/reader/session.ts',
        'entrypoints/content/bookmarks/ui.ts',
      ]),
    );
    expect(LIB_FILES).toEqual(expect.arrayContaining(['lib/filters/labels.ts', 'lib/bookmarks/record.ts', 'lib/reader/settings.ts']));
  });

  it('in the content script and the background', () => {
    expect(report(scanFiles(ENTRYPOINT_FILES, { sentences: true, returnedWords: true }))).toEqual([]);
  });

  it('in the lib folders they take words from', () => {
    expect(report(scanFiles(LIB_FILES, { sentences: false, returnedWords: true }))).toEqual([]);
  });
});
