/**
 * The first page load on a phone (issue 22): headless Chromium (Debian's /usr/bin/chromium through playwright-core)
 * on DevTools' "Fast 3G" profile, signed in, against the real server with the built web app. For `/` and
 * `/videoer`: a cold load (fresh browser context: no HTTP cache, no service worker) and then a warm load in the same
 * context; and a bare page from the same server in the same run (the floor the network profile allows).
 *
 * The warm load starts once the service worker has installed (as on a later visit). Measured per load: first
 * contentful paint, largest contentful paint (the last candidate once the page is settled), and the bytes on the
 * wire (CDP `encodedDataLength`: headers + body as sent) until the route is interactive — its `<main> h1` is shown
 * and no request of the page is in flight.
 */
import fs from 'node:fs';
import { type BrowserContext, type CDPSession, chromium, type Page } from 'playwright-core';
import { CHROMIUM_OPTIONS } from '../tests/e2e/chromium.js';
import { loadAvg, round, signIn, startServer, writeResult } from './lib.js';

/** DevTools' "Fast 3G" preset (Chromium's own numbers): 562.5 ms RTT, 1.44 Mbit/s down, 675 kbit/s up. */
export const FAST_3G = {
  offline: false,
  latency: 562.5,
  downloadThroughput: ((1.6 * 1000 * 1000) / 8) * 0.9,
  uploadThroughput: ((750 * 1000) / 8) * 0.9,
};
const ROUNDS = Number(process.env.BENCH_PAGE_ROUNDS ?? 3);
const PORT = 3490;
const BARE = '/bench-bare.html';
const BARE_HTML =
  '<!doctype html><html lang="da"><head><meta charset="utf-8"><title>Bare</title></head>' +
  '<body><main><h1>En bar side</h1><p>Samme server, ingen JavaScript.</p></main></body></html>';

type Load = { fcpMs: number; lcpMs: number; interactiveMs: number; bytes: number; requests: number };

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/** Counts the page's requests and bytes from CDP events; `idleSince` is when the last request in flight ended. */
async function watchNetwork(page: Page, cdp: CDPSession) {
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', FAST_3G);
  const inFlight = new Set<string>();
  const state = { bytes: 0, requests: 0, idleSince: 0 };
  cdp.on('Network.requestWillBeSent', (e) => {
    if (!inFlight.has(e.requestId)) state.requests++;
    inFlight.add(e.requestId);
  });
  const done = (e: { requestId: string; encodedDataLength?: number }) => {
    if (!inFlight.delete(e.requestId)) return;
    state.bytes += e.encodedDataLength ?? 0;
    if (inFlight.size === 0) state.idleSince = Date.now();
  };
  cdp.on('Network.loadingFinished', done);
  cdp.on('Network.loadingFailed', done);
  return { state, inFlight, page };
}

async function loadOnce(context: BrowserContext, url: string): Promise<Load> {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  const net = await watchNetwork(page, cdp);
  const start = Date.now();
  await page.goto(url, { waitUntil: 'commit' });
  await page.locator('main h1').first().waitFor({ state: 'visible', timeout: 60_000 });
  // Interactive: the route's heading is shown and nothing the page asked for is still on the way (200 ms quiet).
  let interactiveAt = 0;
  let bytes = 0;
  while (Date.now() - start < 60_000) {
    if (net.inFlight.size === 0 && Date.now() - net.state.idleSince >= 200) {
      interactiveAt = net.state.idleSince;
      bytes = net.state.bytes;
      break;
    }
    await new Promise((r) => setTimeout(r, 25));
  }
  await page.waitForTimeout(500);
  const paints = await page.evaluate(() => {
    const fcp = performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? Number.NaN;
    const lcp = (window as unknown as { __lcp?: number }).__lcp ?? Number.NaN;
    return { fcp, lcp };
  });
  const requests = net.state.requests;
  // A warm load is a later visit: by then the service worker (registered on the first load) has installed.
  if (!url.endsWith(BARE))
    await page.evaluate(() =>
      Promise.race([navigator.serviceWorker.ready, new Promise((r) => setTimeout(r, 20_000))]),
    );
  await cdp.detach();
  await page.close();
  return {
    fcpMs: round(paints.fcp, 0),
    lcpMs: round(paints.lcp, 0),
    interactiveMs: interactiveAt - start,
    bytes,
    requests,
  };
}

async function newContext(
  browser: Awaited<ReturnType<typeof chromium.launch>>,
  base: string,
  cookie: string,
) {
  const context = await browser.newContext({ viewport: { width: 360, height: 740 }, locale: 'da-DK' });
  await context.addCookies(
    cookie.split('; ').map((c) => {
      const [name, ...rest] = c.split('=');
      return { name, value: rest.join('='), url: base };
    }),
  );
  // The last largest-contentful-paint candidate, read once the page has settled.
  await context.addInitScript(() => {
    new PerformanceObserver((list) => {
      const last = list.getEntries().at(-1);
      if (last) (window as unknown as { __lcp?: number }).__lcp = last.startTime;
    }).observe({ type: 'largest-contentful-paint', buffered: true });
  });
  return context;
}

export async function pageLoadBench() {
  const webDist = process.env.WEB_DIST_DIR ?? 'dist/web';
  const barePath = `${webDist}/${BARE.slice(1)}`;
  fs.writeFileSync(barePath, BARE_HTML);
  const loadBefore = loadAvg();
  const server = await startServer(PORT);
  const browser = await chromium.launch(CHROMIUM_OPTIONS);
  try {
    const { cookie } = await signIn(server.base, 'medarbejder@demo.amongi.dk');
    const runs: Record<string, { cold: Load[]; warm: Load[] }> = {};
    for (let r = 0; r < ROUNDS; r++)
      for (const p of [BARE, '/', '/videoer']) {
        const context = await newContext(browser, server.base, cookie);
        const cold = await loadOnce(context, server.base + p);
        const warm = await loadOnce(context, server.base + p);
        await context.close();
        runs[p] ??= { cold: [], warm: [] };
        runs[p].cold.push(cold);
        runs[p].warm.push(warm);
        console.log(`  ${p} cold ${JSON.stringify(cold)}\n  ${p} warm ${JSON.stringify(warm)}`);
      }
    const summary = Object.fromEntries(
      Object.entries(runs).map(([p, { cold, warm }]) => {
        const med = (ls: Load[], k: keyof Load) => median(ls.map((l) => l[k]));
        return [
          p,
          {
            coldFcpMs: med(cold, 'fcpMs'),
            coldLcpMs: med(cold, 'lcpMs'),
            coldInteractiveMs: med(cold, 'interactiveMs'),
            coldKB: round(med(cold, 'bytes') / 1000, 1),
            coldRequests: med(cold, 'requests'),
            warmFcpMs: med(warm, 'fcpMs'),
            warmLcpMs: med(warm, 'lcpMs'),
            warmKB: round(med(warm, 'bytes') / 1000, 1),
          },
        ];
      }),
    );
    console.table(summary);
    await writeResult('page-load', loadBefore, {
      profile: { name: 'Fast 3G', ...FAST_3G },
      rounds: ROUNDS,
      viewport: '360×740',
      account: 'medarbejder@demo.amongi.dk',
      medians: summary,
      runs,
    });
  } finally {
    await browser.close();
    await server.stop();
    fs.rmSync(barePath, { force: true });
  }
}
