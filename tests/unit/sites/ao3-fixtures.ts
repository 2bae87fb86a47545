/** Loading the AO3 fixtures (real saved pages in tests/fixtures/ao3) for the adapter tests. */

import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fixtureText, FIXTURES_DIR } from '../../support/fixtures';

export const AO3_FIXTURES = path.join(FIXTURES_DIR, 'ao3');

export function ao3FixtureNames(): string[] {
  return readdirSync(AO3_FIXTURES)
    .filter((name) => name.endsWith('.html'))
    .sort();
}

export function parseHtml(html: string): Document {
  return new DOMParser().parseFromString(html, 'text/html');
}

/** A freshly parsed fixture: safe to change in a test. */
export function loadFixture(name: string): Document {
  return parseHtml(fixtureText(`ao3/${name}`));
}

const parsed = new Map<string, Document>();

/** A parsed fixture shared between tests: never change it. */
export function sharedFixture(name: string): Document {
  let doc = parsed.get(name);
  if (!doc) {
    doc = loadFixture(name);
    parsed.set(name, doc);
  }
  return doc;
}

export const AO3 = 'https://archiveofourown.org';

export function ao3Url(pathAndQuery: string): URL {
  return new URL(pathAndQuery, AO3);
}
