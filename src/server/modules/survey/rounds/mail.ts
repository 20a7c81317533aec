import type { Locale } from '../../../../shared/constants.js';
import { type EmailContent, escapeHtml } from '../../../mail/templates.js';

/**
 * The e-mails of a survey round: the invitation with the person's own link, and the reminder. The token is never
 * stored in clear, so the reminder cannot repeat the link; it does not make a new one either (that would end the
 * first link, and a draft saved on a phone with it): it points to the invitation, and to the survey page in
 * Amongi, where a signed-in person gets a fresh link of their own (POST …/my-link). Both say the
 * survey is anonymous and how: the link only marks that it was used; the answer is kept apart from it, with the
 * department, the role group and the day only, and results are shown only for groups large enough.
 */
type MailFacts = {
  name: string;
  roundName: string;
  institutionName: string;
  /** The last day, YYYY-MM-DD. */
  closesOn: string;
  /** The round's smallest group shown in results. */
  minGroup: number;
  /** The invitation: the person's own answer link; the reminder: the survey page in Amongi. */
  url: string;
};

const danishDay = (day: string, locale: Locale) =>
  new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : 'da-DK', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(`${day}T00:00:00Z`));

function compose(
  locale: Locale,
  subject: string,
  paragraphs: string[],
  link: { url: string; label: string },
) {
  const body = paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join('\n');
  return {
    subject,
    text: `${paragraphs.join('\n\n')}\n\n${link.label}: ${link.url}\n`,
    html: `<!doctype html><html lang="${locale}"><body style="font-family:system-ui,sans-serif;line-height:1.5;color:#1d2433">
${body}
<p><a href="${escapeHtml(link.url)}" style="display:inline-block;padding:10px 16px;background:#0b5cad;color:#fff;text-decoration:none;border-radius:6px">${escapeHtml(link.label)}</a></p>
<p style="color:#555;font-size:14px">${escapeHtml(link.url)}</p>
</body></html>`,
  };
}

const anonymity = {
  da: (min: number) =>
    `Undersøgelsen er anonym. Linket er dit eget og virker én gang; det registrerer kun, at det er brugt. Dit svar gemmes adskilt fra linket, kun med din afdeling, om du er medarbejder eller leder, og dagen – aldrig hvem du er. Resultater vises kun for grupper, hvor mindst ${min} har svaret.`,
  en: (min: number) =>
    `The survey is anonymous. The link is your own and works once; it only records that it was used. Your answer is kept apart from the link, with only your department, whether you are staff or a leader, and the day – never who you are. Results are shown only for groups where at least ${min} have answered.`,
};

export function surveyInvitationEmail(locale: Locale, f: MailFacts): EmailContent {
  const day = danishDay(f.closesOn, locale);
  if (locale === 'en')
    return compose(
      locale,
      `Staff survey: ${f.roundName}`,
      [
        `Hello ${f.name}`,
        `${f.institutionName} takes part in the staff survey »${f.roundName}« about working together and learning from each other. It takes about ten minutes, and you can answer on your phone.`,
        `Please answer by ${day}.`,
        anonymity.en(f.minGroup),
      ],
      { url: f.url, label: 'Answer the survey' },
    );
  return compose(
    locale,
    `Medarbejderundersøgelse: ${f.roundName}`,
    [
      `Hej ${f.name}`,
      `${f.institutionName} er med i medarbejderundersøgelsen »${f.roundName}« om samarbejde og om at lære af hinanden. Det tager omkring ti minutter, og du kan svare på din telefon.`,
      `Svar senest ${day}.`,
      anonymity.da(f.minGroup),
    ],
    { url: f.url, label: 'Besvar undersøgelsen' },
  );
}

export function surveyReminderEmail(locale: Locale, f: MailFacts): EmailContent {
  const day = danishDay(f.closesOn, locale);
  if (locale === 'en')
    return compose(
      locale,
      `Reminder: staff survey ${f.roundName}`,
      [
        `Hello ${f.name}`,
        `The staff survey »${f.roundName}« at ${f.institutionName} closes on ${day}. If you have not answered yet, use the link in the invitation we sent you. Cannot find it? Sign in to Amongi with the button below and get a new link of your own. If you have just answered, you can ignore this e-mail.`,
        anonymity.en(f.minGroup),
      ],
      { url: f.url, label: 'Open the survey in Amongi' },
    );
  return compose(
    locale,
    `Påmindelse: medarbejderundersøgelsen ${f.roundName}`,
    [
      `Hej ${f.name}`,
      `Medarbejderundersøgelsen »${f.roundName}« på ${f.institutionName} lukker ${day}. Har du ikke svaret endnu, så brug linket i den invitation, vi sendte dig. Kan du ikke finde den? Log ind i Amongi med knappen herunder, og hent et nyt link til dig selv. Har du lige svaret, kan du se bort fra denne mail.`,
      anonymity.da(f.minGroup),
    ],
    { url: f.url, label: 'Åbn undersøgelsen i Amongi' },
  );
}
