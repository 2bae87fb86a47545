/**
 * Headless Chromium for the benchmarks: the same launch as the E2E harness (tests/e2e/chromium.ts),
 * with or without the built extension, every request answered locally (fixture pages at their real
 * URLs, pages the bench builds in memory), nothing from the network.
 */
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type CDPSession, type Page, type Worker } from 'playwright-core';
import { chromiumArgs, chromiumPath, extensionWorker } from '../tests/e2e/chromium';
import { fixtureForUrl, isLocalScheme, readFixture } from '../tests/e2e/fixtures';

/** Pages the bench serves besides the fixtures: URL → body and headers. */
export interface ServedPage {
  body: string | Buffer;
  headers?: Record<string, string>;
}

export interface Served {
  pages: Map<string, ServedPage>;
  /** URLs left to the network (the streamed listing, answered by the local HTTPS server). */
  passThrough: Set<string>;
}

export interface BenchBrowser {
  context: BrowserContext;
  /** null without the extension. */
  extensionId: string | null;
  serviceWorker: Worker | null;
  close(): Promise<void>;
}

export interface LaunchOptions {
  /** The built extension to load, or null for a browser without it. */
  extensionDir: string | null;
  served: Served;
  /** archiveofourown.org resolves to 127.0.0.1:port (the streaming server) for pass-through URLs. */
  streamPort: number;
}

/** A copy of the built extension in a temporary folder, so a rebuild during the run cannot change it. */
export function snapshotExtension(dir: string): { dir: string; remove(): void } {
  if (!existsSync(path.join(dir, 'manifest.json'))) throw new Error(`${dir} has no manifest.json: run \`npm run build\` first.`);
  const root = mkdtempSync(path.join(tmpdir(), 'lamplight-bench-ext-'));
  const copy = path.join(root, 'chrome-mv3');
  cpSync(dir, copy, { recursive: true });
  return { dir: copy, remove: () => rmSync(root, { recursive: true, force: true }) };
}

export function launchArgs(extensionDir: string | null, streamPort: number): string[] {
  // As the harness (without the extension, Playwright's own --disable-extensions stays in force);
  // no host name resolves except the one the streaming server answers.
  return chromiumArgs(extensionDir, `MAP archiveofourown.org 127.0.0.1:${streamPort} , MAP * ~NOTFOUND , EXCLUDE 127.0.0.1`, [
    '--ignore-certificate-errors',
  ]);
}

export async function launch(options: LaunchOptions): Promise<BenchBrowser> {
  const profile = mkdtempSync(path.join(tmpdir(), 'lamplight-bench-profile-'));
  let context: BrowserContext | undefined;
  try {
    context = await chromium.launchPersistentContext(profile, {
      executablePath: chromiumPath(),
      headless: true,
      viewport: { width: 1280, height: 900 },
      args: launchArgs(options.extensionDir, options.streamPort),
    });
    const ctx = context;
    const { pages, passThrough } = options.served;
    await ctx.route('**/*', async (route) => {
      const request = route.request();
      const url = request.url();
      if (isLocalScheme(url)) return route.continue();
      if (passThrough.has(url)) return route.continue();
      if (request.method() === 'GET' && !request.serviceWorker()) {
        const page = pages.get(url);
        if (page) {
          return route.fulfill({
            status: 200,
            headers: { 'content-type': 'text/html; charset=utf-8', ...page.headers },
            body: page.body,
          });
        }
        const file = fixtureForUrl(url);
        if (file) {
          return route.fulfill({ status: 200, headers: { 'content-type': 'text/html; charset=utf-8' }, body: readFixture(file) });
        }
      }
      return route.abort('blockedbyclient');
    });
    let serviceWorker: Worker | null = null;
    if (options.extensionDir) {
      serviceWorker = await extensionWorker(ctx);
    }
    return {
      context: ctx,
      extensionId: serviceWorker ? new URL(serviceWorker.url()).host : null,
      serviceWorker,
      async close() {
        await ctx.close().catch(() => {});
        rmSync(profile, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await context?.close().catch(() => {});
    rmSync(profile, { recursive: true, force: true });
    throw error;
  }
}

/** The browser's version as Chromium reports it, e.g. "Chrome/156.0.8078.79" (CDP Browser.getVersion). */
export async function browserVersion(context: BrowserContext): Promise<string> {
  const page = await context.newPage();
  try {
    const cdp = await context.newCDPSession(page);
    const v = (await cdp.send('Browser.getVersion')) as { product: string };
    return v.product;
  } finally {
    await page.close();
  }
}

/** Collects a Chromium trace (all processes) over `during`: CDP Tracing, streamed back. */
export async function traceDuring(
  cdp: CDPSession,
  categories: string[],
  during: () => Promise<void>,
): Promise<TraceEvent[]> {
  await cdp.send('Tracing.start', {
    transferMode: 'ReturnAsStream',
    traceConfig: { recordMode: 'recordAsMuchAsPossible', includedCategories: categories },
  });
  let failure: unknown = null;
  try {
    await during();
  } catch (error) {
    failure = error;
  }
  const complete = new Promise<{ stream?: string }>((resolve) => cdp.once('Tracing.tracingComplete', resolve));
  await cdp.send('Tracing.end');
  const { stream } = await complete;
  if (failure) throw failure;
  if (!stream) throw new Error('Tracing returned no stream');
  let text = '';
  for (;;) {
    const chunk = (await cdp.send('IO.read', { handle: stream })) as { data: string; eof: boolean; base64Encoded?: boolean };
    text += chunk.base64Encoded ? Buffer.from(chunk.data, 'base64').toString('utf8') : chunk.data;
    if (chunk.eof) break;
  }
  await cdp.send('IO.close', { handle: stream });
  const parsed = JSON.parse(text) as { traceEvents?: TraceEvent[] } | TraceEvent[];
  return Array.isArray(parsed) ? parsed : (parsed.traceEvents ?? []);
}

export interface TraceEvent {
  name: string;
  cat: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  /** Ties together the events of one async stream, such as a CPU profile's chunks. */
  id?: string;
  args?: Record<string, any>;
}

/** Resolves after the page has rendered a frame (two animation frames) and the task after it ran. */
export async function afterNextFrame(page: Page): Promise<void> {
  await page.evaluate(
    () => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(resolve, 0)))),
  );
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
