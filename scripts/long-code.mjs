#!/usr/bin/env node
/**
 * `npm run long-code`: the functions over 120 lines and the files over 300 lines (without a reason
 * at their top: a line `Over 300 lines: <why>` in the opening comment) in lib/, entrypoints/ and
 * components/. Exits 1 when there is any, so it can guard CI once the code is within the limits.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const DIRS = ['lib', 'entrypoints', 'components'];
const MAX_FUNCTION_LINES = 120;
const MAX_FILE_LINES = 300;

function* sourceFiles(dir) {
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) yield* sourceFiles(full);
    else if (/\.tsx?$/.test(name) && !name.endsWith('.d.ts')) yield full;
  }
}

const isFunction = (node) =>
  ts.isFunctionDeclaration(node) || ts.isFunctionExpression(node) || ts.isArrowFunction(node) || ts.isMethodDeclaration(node);

function functionName(node) {
  if (node.name) return node.name.getText();
  const parent = node.parent;
  if (parent && (ts.isVariableDeclaration(parent) || ts.isPropertyAssignment(parent)) && parent.name) return parent.name.getText();
  return '(anonymous)';
}

const findings = [];
for (const dir of DIRS) {
  for (const file of sourceFiles(path.join(ROOT, dir))) {
    const text = readFileSync(file, 'utf8');
    const relative = path.relative(ROOT, file);
    const lines = text.split('\n').length;
    const head = text.split('\n').slice(0, 12).join('\n');
    if (lines > MAX_FILE_LINES && !/Over 300 lines: \S/.test(head)) findings.push({ lines, what: `file ${relative}` });
    const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, file.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
    const visit = (node) => {
      if (isFunction(node) && node.body) {
        const start = source.getLineAndCharacterOfPosition(node.getStart()).line;
        const end = source.getLineAndCharacterOfPosition(node.end).line;
        if (end - start + 1 > MAX_FUNCTION_LINES) findings.push({ lines: end - start + 1, what: `function ${functionName(node)} (${relative}:${start + 1})` });
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
}
findings.sort((a, b) => b.lines - a.lines);
for (const f of findings) console.log(`${String(f.lines).padStart(5)} lines  ${f.what}`);
console.log(`${findings.length} over the limits (functions ${MAX_FUNCTION_LINES} lines, files ${MAX_FILE_LINES} without a reason)`);
process.exitCode = findings.length > 0 ? 1 : 0;
