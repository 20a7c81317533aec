import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export type ReceivedMail = {
  from: string;
  to: string[];
  subject: string;
  headers: Record<string, string>;
  /** Content types of the leaf MIME parts, e.g. ['text/plain', 'text/html']. */
  parts: string[];
  text: string;
  html: string;
  raw: string;
};

/**
 * A real SMTP server on loopback that keeps what it receives. Set `reject` to make it refuse recipients
 * (550), as a full mailbox or a down relay would.
 */
export async function startSmtpSink() {
  const received: ReceivedMail[] = [];
  const sink = {
    url: '',
    received,
    reject: false,
    server: new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onRcptTo(_address, _session, callback) {
        if (sink.reject) {
          const e = new Error('Mailbox unavailable') as Error & { responseCode: number };
          e.responseCode = 550;
          return callback(e);
        }
        callback();
      },
      onData(stream, session, callback) {
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', () => {
          const raw = Buffer.concat(chunks).toString('utf8');
          received.push({
            ...parseMail(raw),
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
            to: session.envelope.rcptTo.map((r) => r.address),
            raw,
          });
          callback();
        });
      },
    }),
    close: () => new Promise<void>((resolve) => sink.server.close(() => resolve())),
  };
  await new Promise<void>((resolve) => sink.server.listen(0, '127.0.0.1', resolve));
  sink.url = `smtp://127.0.0.1:${(sink.server.server.address() as AddressInfo).port}`;
  return sink;
}

function splitHead(raw: string) {
  const at = raw.search(/\r?\n\r?\n/);
  const head = at < 0 ? raw : raw.slice(0, at);
  const body = at < 0 ? '' : raw.slice(at).replace(/^\r?\n\r?\n/, '');
  const headers: Record<string, string> = {};
  for (const line of head.replace(/\r?\n[ \t]+/g, ' ').split(/\r?\n/)) {
    const i = line.indexOf(':');
    if (i > 0) headers[line.slice(0, i).trim().toLowerCase()] = line.slice(i + 1).trim();
  }
  return { headers, body };
}

function decodeQuotedPrintable(s: string) {
  const bytes: number[] = [];
  const text = s.replace(/=\r?\n/g, '');
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '=' && /^[0-9A-F]{2}$/i.test(text.slice(i + 1, i + 3))) {
      bytes.push(Number.parseInt(text.slice(i + 1, i + 3), 16));
      i += 2;
    } else bytes.push(...Buffer.from(text[i], 'utf8'));
  }
  return Buffer.from(bytes).toString('utf8');
}

function decodeBody(body: string, encoding = '') {
  const e = encoding.toLowerCase();
  if (e === 'base64') return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
  if (e === 'quoted-printable') return decodeQuotedPrintable(body);
  return body;
}

/** RFC 2047 encoded words (=?UTF-8?Q?…?= / =?UTF-8?B?…?=) in a header. */
function decodeHeader(value = '') {
  return value
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?utf-8\?([QB])\?([^?]*)\?=/gi, (_m, kind: string, data: string) =>
      kind.toUpperCase() === 'B'
        ? Buffer.from(data, 'base64').toString('utf8')
        : decodeQuotedPrintable(data.replace(/_/g, ' ')),
    );
}

/** Just enough MIME for the tests: headers, multipart/alternative (possibly nested), QP and base64 bodies. */
export function parseMail(raw: string) {
  const { headers, body } = splitHead(raw);
  const leaves: { type: string; content: string }[] = [];
  const walk = (h: Record<string, string>, b: string) => {
    const type = (h['content-type'] ?? 'text/plain').split(';')[0].trim().toLowerCase();
    const boundary = /boundary="?([^";]+)"?/i.exec(h['content-type'] ?? '')?.[1];
    if (type.startsWith('multipart/') && boundary) {
      const pieces = b.split(`--${boundary}`).slice(1);
      for (const piece of pieces) {
        if (piece.startsWith('--')) break;
        const part = splitHead(piece.replace(/^\r?\n/, ''));
        walk(part.headers, part.body);
      }
    } else leaves.push({ type, content: decodeBody(b, h['content-transfer-encoding']) });
  };
  walk(headers, body);
  return {
    subject: decodeHeader(headers.subject),
    headers,
    parts: leaves.map((l) => l.type),
    text: leaves.find((l) => l.type === 'text/plain')?.content ?? '',
    html: leaves.find((l) => l.type === 'text/html')?.content ?? '',
  };
}
