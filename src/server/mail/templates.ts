import type { Locale } from '../../shared/constants.js';

export type EmailContent = { subject: string; text: string; html: string };

export const escapeHtml = (s: string) =>
  s.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );

function layout(
  locale: Locale,
  paragraphs: string[],
  link: { url: string; label: string },
): EmailContent['html'] {
  const body = paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join('\n');
  return `<!doctype html><html lang="${locale}"><body style="font-family:system-ui,sans-serif;line-height:1.5;color:#1d2433">
${body}
<p><a href="${escapeHtml(link.url)}" style="display:inline-block;padding:10px 16px;background:#0b5cad;color:#fff;text-decoration:none;border-radius:6px">${escapeHtml(link.label)}</a></p>
<p style="color:#555;font-size:14px">${escapeHtml(link.url)}</p>
</body></html>`;
}

function compose(
  locale: Locale,
  subject: string,
  paragraphs: string[],
  link: { url: string; label: string },
) {
  return {
    subject,
    text: `${paragraphs.join('\n\n')}\n\n${link.label}: ${link.url}\n`,
    html: layout(locale, paragraphs, link),
  };
}

export function invitationEmail(
  locale: Locale,
  p: { name: string; inviterName: string; institutionName: string | null; url: string; days: number },
): EmailContent {
  if (locale === 'en')
    return compose(
      locale,
      'You are invited to Amongi',
      [
        `Hello ${p.name}`,
        `${p.inviterName} has invited you to Amongi${p.institutionName ? ` at ${p.institutionName}` : ''}, where teachers and pedagogues learn from and with each other.`,
        `Choose your password with the link below. The link works for ${p.days} days and only once.`,
      ],
      { url: p.url, label: 'Accept the invitation' },
    );
  return compose(
    locale,
    'Du er inviteret til Amongi',
    [
      `Hej ${p.name}`,
      `${p.inviterName} har inviteret dig til Amongi${p.institutionName ? ` på ${p.institutionName}` : ''}, hvor lærere og pædagoger lærer af og med hinanden.`,
      `Vælg din adgangskode via linket herunder. Linket virker i ${p.days} dage og kun én gang.`,
    ],
    { url: p.url, label: 'Tag imod invitationen' },
  );
}

export function resetEmail(locale: Locale, p: { name: string; url: string; minutes: number }): EmailContent {
  if (locale === 'en')
    return compose(
      locale,
      'Reset your Amongi password',
      [
        `Hello ${p.name}`,
        `Someone asked to reset the password of your Amongi account. If it was you, choose a new password with the link below. It works for ${p.minutes} minutes and only once.`,
        'If it was not you, ignore this e-mail; your password stays the same.',
      ],
      { url: p.url, label: 'Choose a new password' },
    );
  return compose(
    locale,
    'Nulstil din adgangskode til Amongi',
    [
      `Hej ${p.name}`,
      `Der er bedt om at nulstille adgangskoden til din Amongi-konto. Hvis det var dig, så vælg en ny adgangskode via linket herunder. Det virker i ${p.minutes} minutter og kun én gang.`,
      'Hvis det ikke var dig, kan du se bort fra denne e-mail; din adgangskode er uændret.',
    ],
    { url: p.url, label: 'Vælg ny adgangskode' },
  );
}
