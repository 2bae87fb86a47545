/**
 * Firefox ESR harness: puppeteer-core over WebDriver BiDi (no geckodriver needed) installs the built
 * MV2 extension (.output/firefox-mv2) as a temporary add-on with a fixed internal UUID, so its pages
 * live at moz-extension://FIREFOX_EXTENSION_UUID/. Fixture pages are served at their real AO3 URLs by
 * BiDi request interception (network.provideResponse): content scripts run on them as on the live site.
 *
 * Nothing leaves the machine: every page request is intercepted (fixture or refused), Firefox's own
 * housekeeping is switched off by prefs, and all remaining HTTP(S) goes to a local leak proxy that
 * refuses and records it.
 *
 * What BiDi interception sees is only the pages' own requests: a content script's or the background's
 * fetch goes past it. Some of those reach the leak proxy; others Firefox refuses before any connection
 * (a content script's cross-origin fetch fails its CORS check in the content process), so neither
 * interception nor proxy would know. So Firefox also writes its HTTP log (MOZ_LOG nsHttp at error
 * level: one `uri=` line per HTTP channel any process creates, whatever starts it) and
 * firefoxAudit() reports every channel URL that interception did not see.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import puppeteer, { type Browser, type HTTPRequest, type Page } from 'puppeteer-core';
import {
  auditRequests,
  fixtureForUrl,
  FIXTURE_URLS,
  isLocalScheme,
  normaliseUrl,
  readFixture,
  OUTPUT_DIR,
  type FixtureFile,
} from './fixtures';
import { findExecutable } from './find-browser';
import { startLeakProxy, type LeakProxy } from './leak-proxy';

export { FIXTURE_URLS, type FixtureFile } from './fixtures';

export const FIREFOX_EXTENSION_DIR = path.join(OUTPUT_DIR, 'firefox-mv2');
export const GECKO_ID = 'lamplight@lamplight.invalid';
export const FIREFOX_EXTENSION_UUID = '6f1a4c52-8d3e-4b7a-9c2f-3e5d7a9b1c40';
export const FIREFOX_EXTENSION_ORIGIN = `moz-extension://${FIREFOX_EXTENSION_UUID}`;

export interface FirefoxRequestRecord {
  url: string;
  method: string;
  outcome: 'fixture' | 'aborted';
}

/** Every network request made by pages opened with newInterceptedPage(), in order. */
export const firefoxRequestLog: FirefoxRequestRecord[] = [];

/** Fixtures opened with openFirefoxFixture(), with the URL they were opened at. */
export const firefoxOpenedFixtures: { file: FixtureFile; url: string }[] = [];

export interface FirefoxSession {
  browser: Browser;
  /** The add-on id installExtension() reported (the gecko id). */
  addonId: string;
  leakProxy: LeakProxy;
  /** Every HTTP(S) URL any Firefox process opened a channel for so far, from its HTTP log, in order. */
  httpChannels(): string[];
  close(): Promise<void>;
}

export function firefoxPath(): string {
  const found = findExecutable(process.env.FIREFOX_PATH, ['firefox-esr', 'firefox']);
  if (!found) throw new Error('Firefox not found: install it (apt-get install -y firefox-esr) or set FIREFOX_PATH.');
  return found;
}

/** Prefs that keep Firefox from talking to anything on its own (on top of puppeteer's defaults). */
function quietPrefs(proxyPort: number): Record<string, unknown> {
  return {
    // All HTTP(S)/WebSocket traffic that request interception does not answer goes to the leak proxy.
    'network.proxy.type': 1,
    'network.proxy.http': '127.0.0.1',
    'network.proxy.http_port': proxyPort,
    'network.proxy.ssl': '127.0.0.1',
    'network.proxy.ssl_port': proxyPort,
    'network.proxy.share_proxy_settings': true,
    'network.proxy.no_proxies_on': '',
    'network.proxy.allow_hijacking_localhost': true,
    'network.trr.mode': 5,
    'network.dns.disablePrefetch': true,
    'network.prefetch-next': false,
    'network.predictor.enabled': false,
    'network.http.speculative-parallel-limit': 0,
    'network.captive-portal-service.enabled': false,
    'browser.chrome.site_icons': false, // no implicit /favicon.ico requests
    'network.connectivity-service.enabled': false,
    // Remote settings: only honoured with MOZ_DISABLE_NONLOCAL_CONNECTIONS=1 in the environment (see launch).
    'services.settings.server': 'data:,#remote-settings-dummy/v1',
    'toolkit.telemetry.enabled': false,
    'toolkit.telemetry.unified': false,
    'toolkit.telemetry.archive.enabled': false,
    'toolkit.telemetry.server': '',
    'toolkit.telemetry.newProfilePing.enabled': false,
    'toolkit.telemetry.shutdownPingSender.enabled': false,
    'toolkit.telemetry.firstShutdownPing.enabled': false,
    'toolkit.telemetry.updatePing.enabled': false,
    'toolkit.telemetry.bhrPing.enabled': false,
    'datareporting.healthreport.uploadEnabled': false,
    'datareporting.policy.dataSubmissionEnabled': false,
    'datareporting.usage.uploadEnabled': false,
    'app.normandy.enabled': false,
    'app.shield.optoutstudies.enabled': false,
    'app.update.auto': false,
    'app.update.url': '',
    'browser.safebrowsing.malware.enabled': false,
    'browser.safebrowsing.phishing.enabled': false,
    'browser.safebrowsing.downloads.enabled': false,
    'browser.safebrowsing.downloads.remote.enabled': false,
    'browser.safebrowsing.blockedURIs.enabled': false,
    'browser.safebrowsing.provider.google4.updateURL': '',
    'browser.safebrowsing.provider.google4.gethashURL': '',
    'browser.safebrowsing.provider.mozilla.updateURL': '',
    'browser.safebrowsing.provider.mozilla.gethashURL': '',
    'browser.region.update.enabled': false,
    'browser.region.network.url': '',
    'browser.search.update': false,
    'browser.discovery.enabled': false,
    'browser.topsites.contile.enabled': false,
    'browser.newtabpage.activity-stream.feeds.telemetry': false,
    'browser.newtabpage.activity-stream.telemetry': false,
    'browser.ping-centre.telemetry': false,
    'browser.translations.enable': false,
    'browser.ml.enable': false,
    'dom.push.connection.enabled': false,
    'extensions.blocklist.enabled': false,
    'extensions.update.enabled': false,
    'extensions.systemAddon.update.enabled': false,
    'extensions.getAddons.cache.enabled': false,
    'extensions.getAddons.showPane': false,
    'extensions.htmlaboutaddons.recommendations.enabled': false,
    'identity.fxaccounts.enabled': false,
    'media.gmp-manager.updateEnabled': false,
    'security.OCSP.enabled': 0,
    'security.remote_settings.crlite_filters.enabled': false,
    'security.remote_settings.intermediates.enabled': false,
    'geo.provider.network.url': '',
    // The add-on's internal UUID, so its pages have a URL the tests know in advance.
    'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: FIREFOX_EXTENSION_UUID }),
  };
}

/** `prefs`: more Firefox prefs for this session (e.g. where downloads go), over the quiet ones. */
export async function launchFirefox(extensionDir = FIREFOX_EXTENSION_DIR, prefs: Record<string, unknown> = {}): Promise<FirefoxSession> {
  if (!existsSync(path.join(extensionDir, 'manifest.json'))) {
    throw new Error(`${extensionDir} has no manifest.json: run \`npm run build\` first.`);
  }
  const leakProxy = await startLeakProxy();
  const profile = mkdtempSync(path.join(tmpdir(), 'lamplight-firefox-'));
  const httpLogDir = mkdtempSync(path.join(tmpdir(), 'lamplight-firefox-http-'));
  let browser: Browser | undefined;
  const shutdown = async () => {
    const child = browser?.process();
    await Promise.race([browser?.close(), new Promise((resolve) => setTimeout(resolve, 10_000))]).catch(() => {});
    if (child && child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    await leakProxy.close();
    rmSync(profile, { recursive: true, force: true });
    rmSync(httpLogDir, { recursive: true, force: true });
  };
  try {
    browser = await puppeteer.launch({
      userDataDir: profile, // puppeteer writes the prefs below into its user.js
      browser: 'firefox',
      executablePath: firefoxPath(),
      headless: true,
      args: ['--remote-allow-system-access'],
      // Lets services.settings.server be overridden on a release build; any direct non-local connection
      // would also abort Firefox, but the proxy above means connections only ever go to 127.0.0.1.
      // MOZ_LOG: every process writes its own file (http, http.child-N) as it goes (sync).
      env: {
        ...process.env,
        MOZ_DISABLE_NONLOCAL_CONNECTIONS: '1',
        MOZ_LOG: 'sync,nsHttp:1',
        MOZ_LOG_FILE: path.join(httpLogDir, 'http'),
      },
      extraPrefsFirefox: { ...quietPrefs(leakProxy.port), ...prefs },
    });
    const addonId = await browser.installExtension(extensionDir);
    const b = browser;
    return {
      browser: b,
      addonId,
      leakProxy,
      httpChannels: () => readHttpChannels(httpLogDir),
      close: shutdown,
    };
  } catch (error) {
    await shutdown();
    throw error;
  }
}

/** The `uri=` of each channel in Firefox's HTTP logs (nsHttp logs it at error level in HttpBaseChannel::Init). */
function readHttpChannels(dir: string): string[] {
  const urls: string[] = [];
  for (const file of readdirSync(dir)) {
    for (const match of readFileSync(path.join(dir, file), 'latin1').matchAll(/\/nsHttp uri=(\S+)/g)) urls.push(match[1]!);
  }
  return urls;
}

/**
 * Everything Firefox asked for that the tests did not: auditRequests() over what interception saw
 * (`log`, default firefoxRequestLog), every HTTP channel interception never saw (content scripts,
 * extension pages, the background, the browser itself), and every connection that reached the leak
 * proxy. `allow`: URLs a file legitimately causes past interception (say why where it is used).
 */
export function firefoxAudit(
  session: FirefoxSession,
  { log = firefoxRequestLog, allow = [] }: { log?: readonly FirefoxRequestRecord[]; allow?: readonly string[] } = {},
): string[] {
  const intercepted = new Set(firefoxRequestLog.map((r) => normaliseUrl(r.url)));
  const allowed = new Set(allow.map(normaliseUrl));
  // A page's own <link rel=preconnect> / dns-prefetch warms up a host with an origin-only channel that
  // interception never sees; it asks for nothing, and the host is named by a page the tests opened.
  const warmUp = (url: string) => {
    const { pathname, search, host } = new URL(url);
    return pathname === '/' && search === '' && firefoxOpenedFixtures.some(({ file }) => readFixture(file).includes(host));
  };
  const unseen = new Set(
    session
      .httpChannels()
      .map(normaliseUrl)
      .filter((url) => !intercepted.has(url) && !allowed.has(url) && !warmUp(url)),
  );
  const allowedHosts = new Set(allow.map((url) => new URL(url).host));
  return [
    ...auditRequests(log, firefoxOpenedFixtures),
    ...[...unseen].map((url) => `requested past interception (content script, extension or browser): ${url}`),
    ...session.leakProxy.attempts
      .filter((line) => !allowedHosts.has(proxiedHost(line)))
      .map((line) => `got past interception to the leak proxy: ${line}`),
  ];
}

/** The host a leak-proxy request line was for ("CONNECT host:443 HTTP/1.1", "GET http://host/… HTTP/1.1"). */
function proxiedHost(line: string): string {
  const target = line.split(' ')[1] ?? '';
  if (line.startsWith('CONNECT ')) return target.replace(/:443$/, '');
  try {
    return new URL(target).host;
  } catch {
    return target;
  }
}

/**
 * A new tab whose every request is intercepted: fixture URLs are answered, other network URLs refused.
 * `pages`: test-made pages (URL → HTML), answered instead of a fixture at its URL or at a URL of
 * their own, and logged like fixtures (tests/support/derived-pages.ts makes some from fixtures).
 */
export async function newInterceptedPage(browser: Browser, pages: ReadonlyMap<string, string> = new Map()): Promise<Page> {
  const page = await browser.newPage();
  await page.setRequestInterception(true);
  page.on('request', (request: HTTPRequest) => {
    // Another handler may already have resolved it (interception is cooperative in puppeteer).
    if (request.isInterceptResolutionHandled()) return;
    const url = request.url();
    if (isLocalScheme(url)) {
      void request.continue();
      return;
    }
    const file = fixtureForUrl(url);
    const body = pages.get(url) ?? pages.get(normaliseUrl(url)) ?? (file ? readFixture(file) : undefined);
    if (body !== undefined && request.method() === 'GET') {
      firefoxRequestLog.push({ url, method: request.method(), outcome: 'fixture' });
      void request.respond({ status: 200, contentType: 'text/html; charset=utf-8', body });
      return;
    }
    firefoxRequestLog.push({ url, method: request.method(), outcome: 'aborted' });
    void request.abort('blockedbyclient');
  });
  return page;
}

/** Opens an extension page (e.g. 'popup.html'). Firefox's goto() on moz-extension:// may never settle, so it is not awaited: wait for content instead. */
export function openExtensionPage(page: Page, file: string): void {
  page.goto(`${FIREFOX_EXTENSION_ORIGIN}/${file}`).catch(() => {});
}

/**
 * Opens an extension page in `page` and waits for `selector` in it. A fresh tab's about:blank may
 * still be giving way to the page when the wait runs, and Firefox then answers with a protocol error
 * (about one run in six, twice in a row once): open it again, up to three times.
 */
export async function openExtensionPageAndWait(page: Page, file: string, selector: string) {
  for (let attempt = 1; ; attempt += 1) {
    openExtensionPage(page, file);
    try {
      return await page.waitForSelector(selector, { timeout: 10_000 });
    } catch (error) {
      if (attempt === 3) throw error;
    }
  }
}

/** Opens the popup in `page` and waits for its heading. */
export const openPopup = (page: Page) => openExtensionPageAndWait(page, 'popup.html', '::-p-aria([name="Lamplight"][role="heading"])');

/** Opens `url` (default: the fixture's real URL) in a page from newInterceptedPage(). */
export async function openFirefoxFixture(page: Page, fixtureFile: FixtureFile, url: string = FIXTURE_URLS[fixtureFile]) {
  if (fixtureForUrl(url) !== fixtureFile) {
    throw new Error(`${url} is not the URL of ${fixtureFile}: add it to FIXTURE_URLS in tests/e2e/fixtures.ts.`);
  }
  firefoxOpenedFixtures.push({ file: fixtureFile, url });
  const response = await page.goto(url, { waitUntil: 'domcontentloaded' });
  if (!response || response.status() !== 200) throw new Error(`Opening ${url} gave ${response?.status()}`);
  return response;
}

/** Reads until `ok` holds or `timeout` ms pass; returns the last value read (the caller's assertion reports it). */
export async function poll<T>(read: () => Promise<T>, ok: (value: T) => boolean, timeout = 15_000): Promise<T> {
  const end = Date.now() + timeout;
  let value = await read();
  while (!ok(value) && Date.now() < end) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    value = await read();
  }
  return value;
}
