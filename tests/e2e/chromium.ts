/**
 * Chromium harness: the built MV3 extension (.output/chrome-mv3) in a throwaway persistent profile,
 * with every request answered locally. Known fixture URLs get the saved page; everything else is
 * aborted and recorded, so a test can prove nothing else was asked for.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';
import {
  auditRequests,
  fixtureForUrl,
  FIXTURE_URLS,
  isLocalScheme,
  readFixture,
  OUTPUT_DIR,
  type FixtureFile,
  type Initiator,
  type LoggedRequest,
} from './fixtures';
import { findExecutable } from './find-browser';

export { FIXTURE_URLS, type FixtureFile } from './fixtures';

export const CHROME_EXTENSION_DIR = path.join(OUTPUT_DIR, 'chrome-mv3');

export interface RequestRecord extends LoggedRequest {
  method: string;
  /** 'fixture' = answered with a fixture file; 'aborted' = refused. */
  outcome: 'fixture' | 'aborted';
  /** Filled in by withInitiators(). */
  initiator?: Initiator;
}

/** Every request the browser context tried to make over the network, in order. */
export const requestLog: RequestRecord[] = [];

/** URL → who started requests for it, from CDP Network.requestWillBeSent on every tab. */
const initiatorsByUrl = new Map<string, Set<Initiator>>();
const serviceWorkerUrls = new Set<string>();

interface CdpStack {
  callFrames: { url: string }[];
  parent?: CdpStack;
}

function classifyInitiator(initiator: { type: string; url?: string; stack?: CdpStack }): Initiator {
  const urls: string[] = initiator.url ? [initiator.url] : [];
  for (let stack = initiator.stack; stack; stack = stack.parent) {
    for (const frame of stack.callFrames) urls.push(frame.url);
  }
  if (urls.some((u) => /^(chrome-extension|moz-extension):/.test(u))) return 'extension';
  if (initiator.type === 'script' && urls.length > 0) return 'page-script';
  return 'markup';
}

/** The request log with each entry's initiator (the most suspicious one seen for its URL). */
export function withInitiators(log: readonly RequestRecord[] = requestLog): RequestRecord[] {
  const rank: Initiator[] = ['service-worker', 'extension', 'markup', 'page-script'];
  return log.map((entry) => {
    const seen = new Set(initiatorsByUrl.get(entry.url) ?? []);
    if (serviceWorkerUrls.has(entry.url)) seen.add('service-worker');
    const initiator = rank.find((r) => seen.has(r)) ?? entry.initiator;
    return initiator ? { ...entry, initiator } : { ...entry };
  });
}

/** Watches a tab's requests over CDP to learn who started them. */
async function watchInitiators(context: BrowserContext, page: Page): Promise<void> {
  if (watched.has(page)) return watched.get(page);
  const ready = (async () => {
    const cdp = await context.newCDPSession(page);
    cdp.on('Network.requestWillBeSent', (event) => {
      const url = event.request.url;
      if (isLocalScheme(url)) return;
      let set = initiatorsByUrl.get(url);
      if (!set) initiatorsByUrl.set(url, (set = new Set()));
      set.add(classifyInitiator(event.initiator));
    });
    await cdp.send('Network.enable');
  })().catch(() => {}); // a tab closing while we attach is fine
  watched.set(page, ready);
  return ready;
}
const watched = new WeakMap<Page, Promise<void>>();

/** Fixtures opened with openFixture(), with the URL they were opened at. */
export const openedFixtures: { file: FixtureFile; url: string }[] = [];

/**
 * auditRequests() over everything this file's browser asked for (with initiators) and the fixtures
 * it opened: empty when nothing but those pages (and their own assets, refused) was requested.
 */
export function chromiumAudit(log: readonly RequestRecord[] = withInitiators(requestLog)): string[] {
  return auditRequests(log, openedFixtures);
}

export interface ChromiumSession {
  context: BrowserContext;
  extensionId: string;
  serviceWorker: Worker;
  /** Closes the browser and deletes its profile. */
  close(): Promise<void>;
}

/** The session of a launched context: its extension's worker, and a close that deletes `profile`. */
export async function sessionOf(context: BrowserContext, profile: string): Promise<ChromiumSession> {
  const serviceWorker = await extensionWorker(context);
  return {
    context,
    extensionId: new URL(serviceWorker.url()).host,
    serviceWorker,
    async close() {
      await context.close().catch(() => {});
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

export function chromiumPath(): string {
  const found = findExecutable(process.env.CHROMIUM_PATH, ['chromium', 'chromium-browser', 'google-chrome']);
  if (!found) throw new Error('Chromium not found: install it (apt-get install -y chromium) or set CHROMIUM_PATH.');
  return found;
}

/**
 * Chromium's arguments for every test and benchmark browser. Behind context.route(), no host name
 * resolves (`hostRules`), so whatever bypasses the routing (Chromium's own housekeeping: autofill,
 * sign-in, component updates, preconnects) cannot leave the machine either.
 */
export function chromiumArgs(
  extensionDir: string | null,
  hostRules = 'MAP * ~NOTFOUND , EXCLUDE 127.0.0.1',
  extra: readonly string[] = [],
): string[] {
  return [
    ...(extensionDir ? [`--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`] : []),
    `--host-resolver-rules=${hostRules}`,
    ...extra,
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--disable-default-apps',
    '--no-default-browser-check',
    '--metrics-recording-only',
    '--no-first-run',
    '--no-sandbox', // CI runs as root
    '--disable-dev-shm-usage',
  ];
}

/** The extension's service worker in a freshly launched context. */
export async function extensionWorker(context: BrowserContext): Promise<Worker> {
  return (
    context.serviceWorkers().find((w) => w.url().startsWith('chrome-extension://')) ??
    (await context.waitForEvent('serviceworker', {
      predicate: (w) => w.url().startsWith('chrome-extension://'),
      timeout: 30_000,
    }))
  );
}

export interface LaunchOptions {
  /**
   * Serve archiveofourown.org from a local HTTPS server on this port instead of routing requests to the
   * fixtures (Playwright's route.fulfill sends a body in one piece; a streamed page needs a real server).
   */
  servedAt?: number;
}

/** The one Chromium launch of the E2E tests: the built extension, a fresh profile, nothing off this machine. */
export async function launchChromium(extensionDir = CHROME_EXTENSION_DIR, options: LaunchOptions = {}): Promise<ChromiumSession> {
  if (!existsSync(path.join(extensionDir, 'manifest.json'))) {
    throw new Error(`${extensionDir} has no manifest.json: run \`npm run build\` first.`);
  }
  const { servedAt } = options;
  const profile = mkdtempSync(path.join(tmpdir(), 'lamplight-chromium-'));
  let context: BrowserContext | undefined;
  try {
    context = await chromium.launchPersistentContext(profile, {
      executablePath: chromiumPath(),
      headless: true,
      ...(servedAt === undefined
        ? { args: chromiumArgs(extensionDir) }
        : {
            ignoreHTTPSErrors: true,
            args: chromiumArgs(extensionDir, `MAP archiveofourown.org 127.0.0.1:${servedAt}, MAP * ~NOTFOUND , EXCLUDE 127.0.0.1`, [
              '--ignore-certificate-errors',
            ]),
          }),
    });
    if (servedAt === undefined) await routeToFixtures(context);
    return await sessionOf(context, profile);
  } catch (error) {
    await context?.close().catch(() => {});
    rmSync(profile, { recursive: true, force: true });
    throw error;
  }
}

/** Every request of `ctx` answered from the fixtures or aborted, and logged for the request audit. */
async function routeToFixtures(ctx: BrowserContext): Promise<void> {
  await ctx.route('**/*', async (route) => {
    const request = route.request();
    const url = request.url();
    if (isLocalScheme(url)) return route.continue();
    const file = fixtureForUrl(url);
    const fromWorker = Boolean(request.serviceWorker());
    if (fromWorker) serviceWorkerUrls.add(url);
    const record: RequestRecord = {
      url,
      method: request.method(),
      outcome: 'aborted',
      ...(fromWorker ? { initiator: 'service-worker' as const } : {}),
    };
    if (file && request.method() === 'GET' && !fromWorker) {
      requestLog.push({ ...record, outcome: 'fixture' });
      return route.fulfill({
        status: 200,
        headers: { 'content-type': 'text/html; charset=utf-8' },
        body: readFixture(file),
      });
    }
    requestLog.push({ ...record, outcome: 'aborted' });
    return route.abort('blockedbyclient');
  });
  ctx.on('page', (p) => void watchInitiators(ctx, p));
  for (const p of ctx.pages()) void watchInitiators(ctx, p);
}

/** Opens `url` (default: the fixture's real URL) in `page`, served from the fixture file. */
export async function openFixture(page: Page, fixtureFile: FixtureFile, url: string = FIXTURE_URLS[fixtureFile]) {
  if (fixtureForUrl(url) !== fixtureFile) {
    throw new Error(`${url} is not the URL of ${fixtureFile}: add it to FIXTURE_URLS in tests/e2e/fixtures.ts.`);
  }
  await watchInitiators(page.context(), page);
  openedFixtures.push({ file: fixtureFile, url });
  const response = await page.goto(url, { waitUntil: 'domcontentloaded' });
  if (!response || response.status() !== 200) throw new Error(`Opening ${url} gave ${response?.status()}`);
  return response;
}
