/**
 * No flash: the listing streamed from a local HTTPS server (the first half of its blurb list, a
 * pause, the rest) at a real AO3 URL, with 200 rules. The E2E suite's helpers do the serving and the
 * sampling (tests/e2e/streamed-server.ts: startStreamedServer, recordFrames): every animation frame
 * from before the first byte is parsed records which blurbs a reader could see. Afterwards, the
 * frames in which a blurb the filters took out (hidden or collapsed) was visible are counted: must be 0.
 */
import { readFixture } from '../../tests/e2e/fixtures';
import { recordFrames, stopRecording, type StreamedPage, type StreamedServer } from '../../tests/e2e/streamed-server';
import { setExtensionStorage, settle, type Bench } from '../context';
import { storedRules } from '../data';
import { stats } from '../stats';
import { LISTING_FIXTURE, waitJudged } from './listing';

const STREAM_PATH = '/tags/Worldbuilding/works?lamplight_bench=streamed';
const PAUSE_MS = 1500;

/** The streamed page: the listing fixture, cut in the middle of its blurb list. */
export function flashPage(): StreamedPage {
  const body = readFixture(LISTING_FIXTURE);
  const first = body.indexOf('<li id="work_');
  const end = body.indexOf('</ol>', body.lastIndexOf('<li id="work_'));
  if (first < 0 || end < 0) throw new Error('the listing fixture has no blurb list');
  return { path: STREAM_PATH, body, splitAt: first + Math.floor((end - first) / 2), pauseMs: PAUSE_MS };
}

export async function flashSection(bench: Bench, server: StreamedServer, streamed: StreamedPage): Promise<void> {
  const section = `No flash: streamed listing (half, ${PAUSE_MS} ms pause, rest), 200 rules`;
  const url = `https://archiveofourown.org${streamed.path}`;
  bench.served.passThrough.add(url); // to the network, i.e. the local server
  await setExtensionStorage(bench, storedRules(bench.rules['200']));

  const perRun: { flashFrames: number; frames: number; pauseFrames: number; filtered: number; filteredDuringPause: number }[] = [];
  const total = bench.warmup + bench.runs;
  for (let i = 0; i < total; i++) {
    bench.log(`no flash: load ${i + 1}/${total}${i < bench.warmup ? ' (warm-up)' : ''}`);
    const page = await bench.ext.context.newPage();
    try {
      await page.addInitScript(recordFrames, {});
      const response = await page.goto(url, { waitUntil: 'load', timeout: 30_000 });
      if (response?.status() !== 200) throw new Error(`streamed listing answered ${response?.status()}`);
      await waitJudged(page);
      await settle(page, 100);
      const filtered = new Set(
        await page.evaluate(() =>
          [...document.querySelectorAll<HTMLElement>('[data-lamplight-hidden], [data-lamplight-collapsed]')].map((e) => e.id),
        ),
      );
      const { frames } = await stopRecording(page);
      const pause = frames.filter((f) => f.loading && f.present.length > 0);
      const seenInPause = new Set(pause.flatMap((f) => f.present));
      if (i >= bench.warmup) {
        perRun.push({
          frames: frames.length,
          flashFrames: frames.filter((f) => f.visible.some((id) => filtered.has(id))).length,
          pauseFrames: pause.length,
          filtered: filtered.size,
          filteredDuringPause: [...filtered].filter((id) => seenInPause.has(id)).length,
        });
      }
    } finally {
      await page.close();
    }
  }
  await setExtensionStorage(bench, {});
  bench.raw.flash = { url, splitAt: streamed.splitAt, bytes: streamed.body.length, pauseMs: PAUSE_MS, runs: perRun, requests: server.requests.length };

  const flash = perRun.reduce((n, r) => n + r.flashFrames, 0);
  const frames = perRun.reduce((n, r) => n + r.frames, 0);
  const pause = stats(perRun.map((r) => r.pauseFrames));
  const meaningful = perRun.every((r) => r.pauseFrames > 0 && r.filteredDuringPause > 0);
  bench.rows.push({
    section,
    name: 'frames showing a filtered blurb',
    lamplight: { kind: 'text', text: `${flash} of ${frames} frames (${perRun.length} loads)` },
    target: { text: 'must be 0', met: meaningful ? flash === 0 : null },
    note:
      `per load: ${perRun[0]?.filtered ?? 0} blurbs filtered, ${stats(perRun.map((r) => r.filteredDuringPause)).median} of them in the page during the pause, ` +
      `${pause.median} frames [${pause.min}–${pause.max}] sampled while the page was half loaded` +
      (meaningful ? '' : ' — NOT a valid check: no frame was sampled mid-stream with a filtered blurb in the page'),
  });
}
