import type { Locale } from '../../../shared/constants.js';
import type { NotificationKind } from '../../../shared/training.js';
import { type EmailContent, escapeHtml } from '../../mail/templates.js';
import { kindLabel, notificationPath, notificationSentence, WORDS } from './email-text.js';
import type { NotificationPayload } from './notify.js';

/*
 * Notification e-mails (I3): one notification at once, or the daily digest. Plain text and HTML; every value
 * from a person (names, titles, comment excerpts, places) is escaped in the HTML. The plain text always ENDS
 * with the e-mail's own unsubscribe link: the List-Unsubscribe header is derived from it at send time
 * (unsubscribe.ts listUnsubscribeHeaders).
 */

export type NotificationItem = { kind: NotificationKind; payload: NotificationPayload };
type Links = { publicUrl: string; settingsUrl: string };

const SUBJECT_MAX = 150;
const small = 'color:#555;font-size:14px';
const button =
  'display:inline-block;padding:10px 16px;background:#0b5cad;color:#fff;text-decoration:none;border-radius:6px';
const quoteStyle = 'margin:8px 0;padding:4px 12px;border-left:4px solid #c9d3e0;color:#333';

const clip = (s: string, max: number) => (s.length > max ? `${s.slice(0, max - 1)}…` : s);
const excerptOf = (item: NotificationItem) =>
  item.kind.startsWith('comment.') && typeof item.payload.excerpt === 'string' ? item.payload.excerpt : '';
const quoted = (locale: Locale, s: string) => (locale === 'en' ? `“${s}”` : `»${s}«`);
const urlOf = (l: Links, item: NotificationItem) =>
  `${l.publicUrl}${notificationPath(item.kind, item.payload) ?? '/notifikationer'}`;
const listUrl = (l: Links) => `${l.publicUrl}/notifikationer`;
const a = (href: string, text: string, style = '') =>
  `<a href="${escapeHtml(href)}"${style ? ` style="${style}"` : ''}>${escapeHtml(text)}</a>`;

function page(locale: Locale, body: string[], footer: string[]): string {
  return `<!doctype html><html lang="${locale}"><body style="font-family:system-ui,sans-serif;line-height:1.5;color:#1d2433">
${body.join('\n')}
<hr style="border:0;border-top:1px solid #ddd;margin:24px 0 8px">
${footer.map((f) => `<p style="${small}">${f}</p>`).join('\n')}
</body></html>`;
}

/** One notification, e-mailed at once. */
export function notificationEmail(
  locale: Locale,
  p: Links & { name: string; item: NotificationItem; unsubscribeUrl: string; now: Date },
): EmailContent {
  const w = WORDS[locale];
  const sentence = notificationSentence(locale, p.item.kind, p.item.payload, p.now);
  const excerpt = excerptOf(p.item);
  const url = urlOf(p, p.item);
  const label = kindLabel(locale, p.item.kind);
  const text = [
    w.hello(p.name),
    `${sentence}.`,
    ...(excerpt ? [quoted(locale, excerpt)] : []),
    `${w.open}: ${url}`,
    `-- \n${w.why(label)}\n${w.settings}: ${p.settingsUrl}\n${w.stop(label)}: ${p.unsubscribeUrl}\n`,
  ].join('\n\n');
  const html = page(
    locale,
    [
      `<p>${escapeHtml(w.hello(p.name))}</p>`,
      `<p><strong>${escapeHtml(sentence)}.</strong></p>`,
      ...(excerpt ? [`<blockquote style="${quoteStyle}">${escapeHtml(excerpt)}</blockquote>`] : []),
      `<p>${a(url, w.open, button)}</p>`,
      `<p style="${small}">${escapeHtml(url)}</p>`,
    ],
    [escapeHtml(w.why(label)), a(p.settingsUrl, w.settings), a(p.unsubscribeUrl, w.stop(label))],
  );
  return { subject: clip(sentence.replace(/\s+/g, ' '), SUBJECT_MAX), text, html };
}

/** The daily digest: the unread notifications grouped by kind, with a way to stop each kind and the whole digest. */
export function digestEmail(
  locale: Locale,
  p: Links & {
    name: string;
    /** `more`: how many of the kind were left out of the list. */
    groups: { kind: NotificationKind; unsubscribeUrl: string; items: NotificationItem[]; more?: number }[];
    digestUnsubscribeUrl: string;
    now: Date;
  },
): EmailContent {
  const w = WORDS[locale];
  const count = p.groups.reduce((n, g) => n + g.items.length + (g.more ?? 0), 0);
  const textGroups = p.groups.map((g) => {
    const label = kindLabel(locale, g.kind);
    const lines = g.items.map((item) => {
      const excerpt = excerptOf(item);
      return [
        `- ${notificationSentence(locale, item.kind, item.payload, p.now)}`,
        ...(excerpt ? [`  ${quoted(locale, excerpt)}`] : []),
        `  ${urlOf(p, item)}`,
      ].join('\n');
    });
    if (g.more) lines.push(`- ${w.more(g.more)}: ${listUrl(p)}`);
    return `${label}\n\n${lines.join('\n\n')}\n\n${w.stop(label)}: ${g.unsubscribeUrl}`;
  });
  const text = [
    w.hello(p.name),
    w.digestIntro,
    ...textGroups,
    `-- \n${w.digestWhy}\n${w.settings}: ${p.settingsUrl}\n${w.stopDigest}: ${p.digestUnsubscribeUrl}\n`,
  ].join('\n\n');

  const htmlGroups = p.groups.map((g) => {
    const label = kindLabel(locale, g.kind);
    const items = g.items.map((item) => {
      const excerpt = excerptOf(item);
      const sentence = notificationSentence(locale, item.kind, item.payload, p.now);
      return `<li style="margin-bottom:8px">${a(urlOf(p, item), sentence)}${
        excerpt ? `<blockquote style="${quoteStyle}">${escapeHtml(excerpt)}</blockquote>` : ''
      }</li>`;
    });
    if (g.more) items.push(`<li>${a(listUrl(p), w.more(g.more))}</li>`);
    return `<h2 style="font-size:18px;margin:24px 0 8px">${escapeHtml(label)}</h2>
<ul style="padding-left:20px">${items.join('')}</ul>
<p style="${small}">${a(g.unsubscribeUrl, w.stop(label))}</p>`;
  });
  const html = page(
    locale,
    [`<p>${escapeHtml(w.hello(p.name))}</p>`, `<p>${escapeHtml(w.digestIntro)}</p>`, ...htmlGroups],
    [escapeHtml(w.digestWhy), a(p.settingsUrl, w.settings), a(p.digestUnsubscribeUrl, w.stopDigest)],
  );
  return { subject: w.digestSubject(count), text, html };
}
