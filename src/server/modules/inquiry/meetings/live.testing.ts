import http from 'node:http';
import type { TestClient } from '../../../testing/harness.js';

/** One server-sent event as a test reads it. */
export type SseEvent = { event: string; data: string };

/**
 * A real HTTP client on a meeting's live stream (a listening app, not inject): collects the events as they come,
 * `next(pred)` waits for the next one that matches, `ended` settles when the server ends the stream.
 */
export function openStream(baseUrl: string, client: TestClient, meetingId: string) {
  const events: SseEvent[] = [];
  const waiters: { pred: (e: SseEvent) => boolean; resolve: (e: SseEvent) => void; from: number }[] = [];
  let status = 0;
  let contentType = '';
  let resolveEnded: () => void = () => {};
  const ended = new Promise<void>((r) => {
    resolveEnded = r;
  });
  let resolveHead: () => void = () => {};
  const head = new Promise<void>((r) => {
    resolveHead = r;
  });
  const cookie = [...client.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  const req = http.get(`${baseUrl}/api/v1/meetings/${meetingId}/live`, { headers: { cookie } }, (res) => {
    status = res.statusCode ?? 0;
    contentType = String(res.headers['content-type'] ?? '');
    resolveHead();
    let buf = '';
    res.setEncoding('utf8');
    res.on('data', (chunk: string) => {
      buf += chunk;
      for (let i = buf.indexOf('\n\n'); i >= 0; i = buf.indexOf('\n\n')) {
        const block = buf.slice(0, i);
        buf = buf.slice(i + 2);
        const lines = block.split('\n').filter((l) => !l.startsWith(':'));
        const data = lines.filter((l) => l.startsWith('data: ')).map((l) => l.slice(6));
        if (data.length === 0) continue;
        const ev = lines.find((l) => l.startsWith('event: '))?.slice(7) ?? 'message';
        const e = { event: ev, data: data.join('\n') };
        events.push(e);
        for (const w of [...waiters])
          if (events.length - 1 >= w.from && w.pred(e)) {
            waiters.splice(waiters.indexOf(w), 1);
            w.resolve(e);
          }
      }
    });
    res.on('end', resolveEnded);
    res.on('close', resolveEnded);
  });
  req.on('error', resolveEnded);
  return {
    events,
    head,
    ended,
    get status() {
      return status;
    },
    get contentType() {
      return contentType;
    },
    /** The next event from index `from` (default: after those already seen) that matches; rejects after `ms`. */
    next(pred: (e: SseEvent) => boolean, ms = 2000, from = events.length): Promise<SseEvent> {
      return new Promise((resolve, reject) => {
        const seen = events.slice(from).find(pred);
        if (seen) return resolve(seen);
        const w = { pred, resolve, from };
        waiters.push(w);
        setTimeout(() => reject(new Error(`no matching event within ${ms} ms`)), ms).unref();
      });
    },
    close: () => req.destroy(),
  };
}

/** The `state` event's meeting. */
export const stateOf = (e: SseEvent) =>
  JSON.parse(e.data) as { rounds: { contributions: { body: string }[] }[] };
