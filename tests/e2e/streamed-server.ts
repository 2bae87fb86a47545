/**
 * For the "no flash" tests: a local HTTPS server that sends a page in two parts with a pause between
 * them, as a slow connection does, and a Chromium whose only route to archiveofourown.org is that
 * server.
 *
 * Nothing leaves the machine: the browser resolves archiveofourown.org to 127.0.0.1:PORT and every
 * other host name to nothing; the server answers only on 127.0.0.1 and logs every request.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import https from 'node:https';
import type net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';

export interface StreamedRequest {
  method: string;
  path: string;
  /** Date.now() when it arrived. */
  at: number;
}

export interface StreamedServer {
  port: number;
  /** Every request, in order. */
  requests: StreamedRequest[];
  /** Per page path: Date.now() when its first part went out and when the rest did (last request). */
  sent: Record<string, { firstPartAt: number; restAt: number | null }>;
  close(): Promise<void>;
}

export interface StreamedPage {
  /** Path (and query) the page is served at, e.g. "/tags/Worldbuilding/works". */
  path: string;
  body: Buffer;
  /** Byte offset where the first part ends. */
  splitAt: number;
  pauseMs: number;
}

/** A throwaway self-signed certificate for archiveofourown.org (the browser is told to accept it). */
function selfSignedCertificate(): { key: Buffer; cert: Buffer } {
  const dir = mkdtempSync(path.join(tmpdir(), 'lamplight-cert-'));
  try {
    const keyFile = path.join(dir, 'key.pem');
    const certFile = path.join(dir, 'cert.pem');
    execFileSync(
      'openssl',
      ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-subj', '/CN=archiveofourown.org', '-days', '1', '-keyout', keyFile, '-out', certFile],
      { stdio: 'ignore' },
    );
    return { key: readFileSync(keyFile), cert: readFileSync(certFile) };
  } catch (error) {
    throw new Error(`Could not make a test certificate with openssl (apt-get install -y openssl): ${String(error)}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Serves each of `pages` in two parts on 127.0.0.1; every other path gets an empty 404 at once. */
export async function startStreamedServer(pages: StreamedPage[]): Promise<StreamedServer> {
  for (const page of pages) {
    if (page.splitAt <= 0 || page.splitAt >= page.body.length) throw new Error(`${page.path}: splitAt ${page.splitAt} is outside the page`);
  }
  const sockets = new Set<net.Socket>();
  const timers = new Set<NodeJS.Timeout>();
  const state: StreamedServer = {
    port: 0,
    requests: [],
    sent: {},
    close: () =>
      new Promise<void>((resolve) => {
        for (const timer of timers) clearTimeout(timer);
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
  const server = https.createServer(selfSignedCertificate(), (request, response) => {
    const requestPath = request.url ?? '';
    state.requests.push({ method: request.method ?? '', path: requestPath, at: Date.now() });
    const page = request.method === 'GET' ? pages.find((p) => p.path === requestPath) : undefined;
    if (!page) {
      response.writeHead(404, { 'content-length': '0', 'cache-control': 'no-store' });
      response.end();
      return;
    }
    response.socket?.setNoDelay(true);
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
    response.write(page.body.subarray(0, page.splitAt));
    const sent = { firstPartAt: Date.now(), restAt: null as number | null };
    state.sent[page.path] = sent;
    const timer = setTimeout(() => {
      timers.delete(timer);
      response.end(page.body.subarray(page.splitAt));
      sent.restAt = Date.now();
    }, page.pauseMs);
    timers.add(timer);
  });
  server.on('secureConnection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  server.on('tlsClientError', () => {});
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  state.port = (server.address() as net.AddressInfo).port;
  return state;
}

/** One animation frame as the page had it, sampled at the start of the frame (before it is painted). */
export interface RecordedFrame {
  /** performance.now() of the frame. */
  t: number;
  /** document.readyState === 'loading' (the page is still arriving). */
  loading: boolean;
  /** Ids of the `li.blurb` elements in the DOM, in order. */
  present: string[];
  /** Ids of the blurbs a reader could see: visibility not hidden and a box on the page. */
  visible: string[];
  /** Ids of blurbs not (yet) carrying data-lamplight-judged. */
  unjudged: string[];
  /** Ids of the blurbs right after a data-lamplight-placeholder (the ones it stands for). */
  placeholdersFor: string[];
  /** For each watched selector: 'absent', 'unseen' (in the DOM, not visible) or 'visible' (any match). */
  watched: Record<string, 'absent' | 'unseen' | 'visible'>;
}

export interface Recording {
  frames: RecordedFrame[];
  /** performance.timeOrigin of the page, to line frames up with Date.now() on the server. */
  timeOrigin: number;
}

/**
 * An init script (`page.addInitScript(recordFrames, watch)`): from before the page's first byte is
 * parsed, samples the blurbs (and the `watch` selectors, by name) every animation frame until
 * `window.__lamplightStopRecording()` is called, which returns the Recording. Self-contained:
 * Playwright sends its source to the page.
 */
export function recordFrames(watch: Record<string, string> = {}): void {
  if (location.hostname !== 'archiveofourown.org' || window.top !== window) return;
  const frames: unknown[] = [];
  let running = true;
  const shown = (el: Element) => getComputedStyle(el).visibility !== 'hidden' && el.getClientRects().length > 0;
  const tick = (t: number) => {
    if (!running) return;
    const blurbs = Array.from(document.querySelectorAll('li.blurb[id]'));
    const watched: Record<string, string> = {};
    for (const [name, selector] of Object.entries(watch)) {
      const found = Array.from(document.querySelectorAll(selector));
      watched[name] = found.length === 0 ? 'absent' : found.some(shown) ? 'visible' : 'unseen';
    }
    frames.push({
      t,
      loading: document.readyState === 'loading',
      present: blurbs.map((b) => b.id),
      visible: blurbs.filter(shown).map((b) => b.id),
      unjudged: blurbs.filter((b) => !b.hasAttribute('data-lamplight-judged')).map((b) => b.id),
      placeholdersFor: Array.from(document.querySelectorAll('[data-lamplight-placeholder]')).map(
        (p) => p.nextElementSibling?.id ?? '',
      ),
      watched,
    });
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
  (window as unknown as { __lamplightStopRecording: () => unknown }).__lamplightStopRecording = () => {
    running = false;
    return { frames, timeOrigin: performance.timeOrigin };
  };
}

/** Stops the recorder in `page` and returns what it saw. */
export async function stopRecording(page: Page): Promise<Recording> {
  return page.evaluate(() => (window as unknown as { __lamplightStopRecording: () => Recording }).__lamplightStopRecording());
}
