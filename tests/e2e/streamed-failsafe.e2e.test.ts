/**
 * The hold's fail-safe: if the content script dies after putting the hold in place, nothing stays
 * hidden for long. The hold is a CSS animation (entrypoints/content/filtering/hold.ts), so blurbs the
 * script never judged must show by themselves about a second after they appear.
 *
 * Test-made variant of the build: a copy of .output/chrome-mv3 whose content scripts start with a
 * line that makes `new MutationObserver` throw in the content script's world. The filtering feature
 * installs its hold stylesheet first and then creates its observer, so it dies right after the hold
 * is in place, exactly the failure the fail-safe exists for. The shipped build is never touched.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { CHROME_EXTENSION_DIR, launchChromium, openedFixtures, openFixture, requestLog, withInitiators, type ChromiumSession } from './chromium';
import { auditRequests, type FixtureFile } from './fixtures';
import { fixtureBlurbs, blurbIdsWithWarning, GDOV } from './filtering-facts';
import { recordFrames, stopRecording, type Recording } from './streamed-server';

const LISTING: FixtureFile = 'ao3/listing-tag-works-worldbuilding.html';
const SABOTAGE =
  "globalThis.MutationObserver = class { constructor() { throw new Error('Lamplight E2E: content script sabotaged'); } };\n";
const blurbs = fixtureBlurbs(LISTING).map((b) => b.elementId);

let brokenDir: string;
let session: ChromiumSession;
let page: Page;

beforeAll(async () => {
  brokenDir = mkdtempSync(path.join(tmpdir(), 'lamplight-broken-ext-'));
  cpSync(CHROME_EXTENSION_DIR, brokenDir, { recursive: true });
  const manifest = JSON.parse(readFileSync(path.join(brokenDir, 'manifest.json'), 'utf8')) as {
    content_scripts: { js: string[] }[];
  };
  for (const script of manifest.content_scripts.flatMap((c) => c.js).map((js) => path.join(brokenDir, js))) {
    writeFileSync(script, SABOTAGE + readFileSync(script, 'utf8'));
  }

  session = await launchChromium(brokenDir);
  const extensionPage = await session.context.newPage();
  await extensionPage.goto(`chrome-extension://${session.extensionId}/popup.html`);
  await extensionPage.evaluate(() =>
    (globalThis as any).chrome.storage.local.set({
      filterRules: [{ id: 'e2e-gdov', field: 'warning', pattern: 'Graphic Depictions Of Violence', action: 'collapse', enabled: true }],
      'filterRules$': { v: 1 },
    }),
  );
  await extensionPage.close();
  page = await session.context.newPage();
  await page.bringToFront();
  await page.addInitScript(recordFrames);
});

afterAll(async () => {
  await session?.close();
  if (brokenDir) rmSync(brokenDir, { recursive: true, force: true });
});

describe('Chromium, the content script dies after installing the hold', () => {
  let recording: Recording;

  test('every blurb stays unseen at first, then shows by itself about a second later', async () => {
    await openFixture(page, LISTING);
    await page.waitForTimeout(2500);
    recording = await stopRecording(page);

    // The hold is in place and nothing was judged: the script really died after installing it.
    expect(await page.evaluate(() => document.querySelectorAll('style[data-lamplight="hold"]').length)).toBe(1);
    expect(await page.evaluate(() => document.querySelectorAll('[data-lamplight-judged], [data-lamplight-placeholder]').length)).toBe(0);

    const { frames } = recording;
    const firstPresent = new Map<string, number>();
    const firstVisible = new Map<string, number>();
    for (const frame of frames) {
      for (const id of frame.present) if (!firstPresent.has(id)) firstPresent.set(id, frame.t);
      for (const id of frame.visible) if (!firstVisible.has(id)) firstVisible.set(id, frame.t);
    }
    const heldFor = blurbs.map((id) => ({
      id,
      ms: firstVisible.has(id) && firstPresent.has(id) ? Math.round(firstVisible.get(id)! - firstPresent.get(id)!) : null,
    }));
    const times = heldFor.map((h) => h.ms ?? NaN);
    console.log(`fail-safe: ${frames.length} frames; blurbs held for ${Math.min(...times)}–${Math.max(...times)} ms before showing by themselves`);
    // Measured from the first frame that had the blurb, which may come a little after it was parsed:
    // the fail-safe is 1 s, so held at least 0.8 s and shown within 2 s.
    for (const { id, ms } of heldFor) {
      expect(ms, `${id} became visible`).not.toBeNull();
      expect(ms!, `${id} held`).toBeGreaterThanOrEqual(800);
      expect(ms!, `${id} released`).toBeLessThanOrEqual(2000);
    }
    // In the end every blurb shows, including those the rules would have collapsed.
    const last = frames.at(-1)!;
    expect([...last.visible].sort()).toEqual([...blurbs].sort());
    expect(blurbIdsWithWarning(LISTING, GDOV).every((id) => last.visible.includes(id))).toBe(true);
  });

  test('nothing was requested but the fixture page (and its own assets, refused)', () => {
    expect(auditRequests(withInitiators(requestLog), openedFixtures)).toEqual([]);
  });
});
