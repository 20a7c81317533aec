import type { Locale } from '../../../shared/constants.js';
import { type NotificationKind, TIME_ZONE } from '../../../shared/training.js';
import { WORD_KINDS, words } from '../../../shared/vocabulary.js';
import type { NotificationPayload } from './notify.js';

export { notificationPath } from '../../../shared/notification-path.js';

import { danishDate, nextDate } from './time.js';
import type { UnsubscribeKind } from './unsubscribe.js';

/*
 * What a notification says in an e-mail, in Danish and English. The web has the same sentences in
 * src/web/i18n/areas/notifications.*.json (notifications.kinds); keep them alike.
 */

const str = (v: string | number | null | undefined) => (v === null || v === undefined ? '' : String(v));
const quote = (locale: Locale, s: string) => (locale === 'en' ? `“${s}”` : `»${s}«`);

/** "torsdag den 12. marts" / "Thursday 12 March", Danish time. */
function longDate(locale: Locale, at: Date): string {
  const fmt = (o: Intl.DateTimeFormatOptions) =>
    new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : 'da-DK', { timeZone: TIME_ZONE, ...o }).format(at);
  const weekday = fmt({ weekday: 'long' });
  const date = fmt({ day: 'numeric', month: 'long' });
  return locale === 'en' ? `${weekday} ${date}` : `${weekday} den ${date}`;
}

/** "i morgen kl. 14.00" / "tomorrow at 14:00", else the weekday and date; Danish time throughout. */
export function whenText(locale: Locale, iso: string, now: Date): string {
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return '';
  const lang = locale === 'en' ? 'en-GB' : 'da-DK';
  const time = new Intl.DateTimeFormat(lang, {
    timeZone: TIME_ZONE,
    hour: '2-digit',
    minute: '2-digit',
  }).format(at);
  const day = danishDate(at);
  const today = danishDate(now);
  const dayText =
    day === today
      ? locale === 'en'
        ? 'today'
        : 'i dag'
      : day === nextDate(today)
        ? locale === 'en'
          ? 'tomorrow'
          : 'i morgen'
        : longDate(locale, at);
  return locale === 'en' ? `${dayText} at ${time}` : `${dayText} kl. ${time}`;
}

/** Where a visit took place, in the words of the visit's institution (payload `words`, vocabulary.ts). */
const place = (p: NotificationPayload, locale: Locale) =>
  words(WORD_KINDS.find((k) => k === p.words) ?? 'skole', locale).visitPlace;

type Sentence = (p: NotificationPayload, q: (s: string) => string, now: Date) => string;

const course = (p: NotificationPayload) => str(p.courseTitle) || str(p.methodLabel);
const counted = (p: NotificationPayload, da: boolean) =>
  p.count === null || p.count === undefined
    ? ''
    : da
      ? ` (${p.count} ønsker, grænsen er ${str(p.threshold)})`
      : ` (${p.count} requests, the threshold is ${str(p.threshold)})`;

/** A task's due day, "torsdag den 12. marts" (a YYYY-MM-DD day, read at noon Danish time). */
const dueDay = (locale: Locale, p: NotificationPayload) =>
  /^\d{4}-\d{2}-\d{2}$/.test(str(p.dueOn)) ? longDate(locale, new Date(`${str(p.dueOn)}T12:00:00Z`)) : '';
/** An evaluation item's day (collection start, analysis), as a task's due day. */
const evalDay = (locale: Locale, p: NotificationPayload) => dueDay(locale, { dueOn: p.on ?? null });
const EVAL_MEETINGS: Record<string, { da: string; en: string }> = {
  laeringssamtale: { da: 'læringssamtalen', en: 'the learning conversation' },
  teammoede: { da: 'teammødet', en: 'the team meeting' },
  paedagogisk_raad: { da: 'det pædagogiske råd', en: 'the staff council' },
  ledelsesmoede: { da: 'ledelsesmødet', en: 'the leadership meeting' },
  andet: { da: 'mødet', en: 'the meeting' },
};
const evalMeeting = (locale: Locale, p: NotificationPayload) => {
  const m = EVAL_MEETINGS[str(p.meetingKind)];
  return m ? (locale === 'en' ? ` in ${m.en}` : ` på ${m.da}`) : '';
};
/** Where a task belongs: the cycle, else the team. */
const taskPlace = (p: NotificationPayload, q: (s: string) => string) =>
  p.cycleTitle ? q(str(p.cycleTitle)) : q(str(p.teamName));

const DA: Record<NotificationKind, Sentence> = {
  'comment.mention': (p, q) =>
    p.postId
      ? `${str(p.authorName)} nævnte dig i et svar på ${q(str(p.postTitle))} i fællesskabet ${q(str(p.communityName))}`
      : `${str(p.authorName)} nævnte dig i en kommentar til ${q(str(p.videoTitle))}`,
  'comment.reply': (p, q) =>
    p.postId
      ? `${str(p.authorName)} svarede på ${q(str(p.postTitle))} i fællesskabet ${q(str(p.communityName))}`
      : `${str(p.authorName)} svarede på din kommentar til ${q(str(p.videoTitle))}`,
  'community.invited': (p, q) =>
    p.invitedByName
      ? `${str(p.invitedByName)} har inviteret dig til fællesskabet ${q(str(p.communityName))}`
      : `Du er inviteret til fællesskabet ${q(str(p.communityName))}`,
  'community.event': (p, q, now) =>
    `${str(p.authorName)} har oprettet begivenheden ${q(str(p.eventTitle))} ${whenText('da', str(p.startsAt), now)} i fællesskabet ${q(str(p.communityName))}`,
  'training.request_counted': (p) =>
    `Dit ønske om træning i ${str(p.methodLabel)} er talt med i et forslag til et træningsforløb${counted(p, true)}`,
  'training.proposed': (p) =>
    `Der er nok ønsker til et træningsforløb i ${str(p.methodLabel)} — forslaget venter på at blive planlagt`,
  'training.planned': (p, q) => `Træningsforløbet ${q(course(p))} er planlagt — du kan tilmelde dig først`,
  'training.opened': (p, q) => `Træningsforløbet ${q(course(p))} er åbent for tilmelding`,
  'training.enrolled': (p, q) => `Du er tilmeldt træningsforløbet ${q(course(p))}`,
  'training.waitlisted': (p, q) => `Du er på venteliste til træningsforløbet ${q(course(p))}`,
  'training.moved_up': (p, q) =>
    `Du er rykket op fra ventelisten og tilmeldt træningsforløbet ${q(course(p))}`,
  'training.session_reminder': (p, q, now) =>
    `Påmindelse: ${q(course(p))} ${whenText('da', str(p.startsAt), now)}${p.place ? `, ${str(p.place)}` : ''}`,
  'training.documented': (p, q) => `Træningsforløbet ${q(course(p))} er dokumenteret — se videoen`,
  'observation.visit_planned': (p) => `${str(p.authorName)} har planlagt et besøg i ${place(p, 'da')}`,
  'observation.visit_recorded': (p) =>
    `${str(p.authorName)} har afsluttet besøget i ${place(p, 'da')} — du kan læse det og skrive din refleksion`,
  'observation.next_step': (p) =>
    `${str(p.authorName)} har skrevet eller sagt ja til jeres prøvehandling efter besøget`,
  'observation.self_invited': (p) => `${str(p.authorName)} har inviteret dig med i en selvobservation`,
  'inquiry.task_assigned': (p, q) =>
    `${str(p.authorName)} har givet dig opgaven ${q(str(p.taskTitle))} i ${taskPlace(p, q)}${p.dueOn ? ` — senest ${dueDay('da', p)}` : ''}`,
  'inquiry.task_reminder': (p, q) =>
    `Påmindelse: opgaven ${q(str(p.taskTitle))} i ${taskPlace(p, q)} skal være klar senest ${dueDay('da', p)}`,
  'inquiry.story_published': (p, q) =>
    `${str(p.authorName)} har udgivet jeres praksisfortælling ${q(str(p.storyTitle))}`,
  'inquiry.story_returned': (p, q) =>
    `${str(p.authorName)} har sendt jeres praksisfortælling ${q(str(p.storyTitle))} tilbage med en note`,
  'evaluation.collect_reminder': (p, q) =>
    `Påmindelse fra dataårshjulet: indsamlingen af ${q(str(p.itemTitle))} (${str(p.planName)}) begynder ${evalDay('da', p)}`,
  'evaluation.analysis_reminder': (p, q) =>
    `Påmindelse fra dataårshjulet: ${q(str(p.itemTitle))} (${str(p.planName)}) skal analyseres${evalMeeting('da', p)} ${evalDay('da', p)}`,
  'feedback.given': (p, q) =>
    `${str(p.authorName)} har givet dig feedback på din optagelse ${q(str(p.videoTitle))}`,
  'feedback.reply': (p, q) => `${str(p.authorName)} har svaret på feedbacken til ${q(str(p.videoTitle))}`,
  'video.shared': (p, q) =>
    `${str(p.authorName)} har delt optagelsen ${q(str(p.videoTitle))} med dig${p.expiresOn ? ` til og med ${dueDay('da', { dueOn: p.expiresOn })}` : ''}`,
};

const EN: Record<NotificationKind, Sentence> = {
  'comment.mention': (p, q) =>
    p.postId
      ? `${str(p.authorName)} mentioned you in a reply to ${q(str(p.postTitle))} in the community ${q(str(p.communityName))}`
      : `${str(p.authorName)} mentioned you in a comment on ${q(str(p.videoTitle))}`,
  'comment.reply': (p, q) =>
    p.postId
      ? `${str(p.authorName)} replied to ${q(str(p.postTitle))} in the community ${q(str(p.communityName))}`
      : `${str(p.authorName)} replied to your comment on ${q(str(p.videoTitle))}`,
  'community.invited': (p, q) =>
    p.invitedByName
      ? `${str(p.invitedByName)} invited you to the community ${q(str(p.communityName))}`
      : `You are invited to the community ${q(str(p.communityName))}`,
  'community.event': (p, q, now) =>
    `${str(p.authorName)} created the event ${q(str(p.eventTitle))} ${whenText('en', str(p.startsAt), now)} in the community ${q(str(p.communityName))}`,
  'training.request_counted': (p) =>
    `Your request for training in ${str(p.methodLabel)} was counted toward a proposed training course${counted(p, false)}`,
  'training.proposed': (p) =>
    `Enough people asked for a training course in ${str(p.methodLabel)} — the proposal waits to be planned`,
  'training.planned': (p, q) => `The training course ${q(course(p))} is planned — you may enrol first`,
  'training.opened': (p, q) => `The training course ${q(course(p))} is open for enrolment`,
  'training.enrolled': (p, q) => `You are enrolled in the training course ${q(course(p))}`,
  'training.waitlisted': (p, q) => `You are on the waiting list for the training course ${q(course(p))}`,
  'training.moved_up': (p, q) =>
    `You moved up from the waiting list and are enrolled in the training course ${q(course(p))}`,
  'training.session_reminder': (p, q, now) =>
    `Reminder: ${q(course(p))} ${whenText('en', str(p.startsAt), now)}${p.place ? `, ${str(p.place)}` : ''}`,
  'training.documented': (p, q) => `The training course ${q(course(p))} is documented — watch the video`,
  'observation.visit_planned': (p) => `${str(p.authorName)} planned a visit to ${place(p, 'en')}`,
  'observation.visit_recorded': (p) =>
    `${str(p.authorName)} finished the visit to ${place(p, 'en')} — you can read it and add your reflection`,
  'observation.next_step': (p) => `${str(p.authorName)} wrote or agreed to your next step after the visit`,
  'observation.self_invited': (p) => `${str(p.authorName)} invited you to join a self-observation`,
  'inquiry.task_assigned': (p, q) =>
    `${str(p.authorName)} gave you the task ${q(str(p.taskTitle))} in ${taskPlace(p, q)}${p.dueOn ? ` — due ${dueDay('en', p)}` : ''}`,
  'inquiry.task_reminder': (p, q) =>
    `Reminder: the task ${q(str(p.taskTitle))} in ${taskPlace(p, q)} is due ${dueDay('en', p)}`,
  'inquiry.story_published': (p, q) =>
    `${str(p.authorName)} published your practice story ${q(str(p.storyTitle))}`,
  'inquiry.story_returned': (p, q) =>
    `${str(p.authorName)} sent your practice story ${q(str(p.storyTitle))} back with a note`,
  'evaluation.collect_reminder': (p, q) =>
    `Reminder from the data year wheel: collecting ${q(str(p.itemTitle))} (${str(p.planName)}) starts ${evalDay('en', p)}`,
  'evaluation.analysis_reminder': (p, q) =>
    `Reminder from the data year wheel: ${q(str(p.itemTitle))} (${str(p.planName)}) is analysed${evalMeeting('en', p)} ${evalDay('en', p)}`,
  'feedback.given': (p, q) =>
    `${str(p.authorName)} gave you feedback on your recording ${q(str(p.videoTitle))}`,
  'feedback.reply': (p, q) => `${str(p.authorName)} replied to the feedback on ${q(str(p.videoTitle))}`,
  'video.shared': (p, q) =>
    `${str(p.authorName)} shared the recording ${q(str(p.videoTitle))} with you${p.expiresOn ? ` until ${dueDay('en', { dueOn: p.expiresOn })}` : ''}`,
};

/** The sentence for a notification, in plain text (escape it for HTML). */
export function notificationSentence(
  locale: Locale,
  kind: NotificationKind,
  payload: NotificationPayload,
  now: Date,
): string {
  return (locale === 'en' ? EN : DA)[kind](payload, (s) => quote(locale, s), now);
}

/** A kind's name, for digest headings, unsubscribe lines and the settings page. */
const LABELS: Record<UnsubscribeKind, { da: string; en: string }> = {
  'comment.mention': { da: 'Nævnt i en kommentar', en: 'Mentions in comments' },
  'comment.reply': { da: 'Svar på dine kommentarer og opslag', en: 'Replies to your comments and posts' },
  'community.invited': { da: 'Invitationer til fællesskaber', en: 'Invitations to communities' },
  'community.event': { da: 'Nye begivenheder i dine fællesskaber', en: 'New events in your communities' },
  'training.request_counted': { da: 'Dit ønske om træning er talt med', en: 'Your training request counted' },
  'training.proposed': { da: 'Nye forslag til træningsforløb', en: 'New training course proposals' },
  'training.planned': { da: 'Træningsforløb er planlagt', en: 'Training course planned' },
  'training.opened': { da: 'Åbent for tilmelding', en: 'Open for enrolment' },
  'training.enrolled': { da: 'Tilmeldt et træningsforløb', en: 'Enrolled in a training course' },
  'training.waitlisted': { da: 'På venteliste', en: 'On the waiting list' },
  'training.moved_up': { da: 'Rykket op fra ventelisten', en: 'Moved up from the waiting list' },
  'training.session_reminder': {
    da: 'Påmindelse dagen før en session',
    en: 'Reminder the day before a session',
  },
  'training.documented': { da: 'Træningsforløb er dokumenteret', en: 'Training course documented' },
  'observation.visit_planned': {
    da: 'Et besøg i din undervisning er planlagt',
    en: 'A visit to your lesson is planned',
  },
  'observation.visit_recorded': {
    da: 'Et besøg i din undervisning er afsluttet',
    en: 'A visit to your lesson is finished',
  },
  'observation.next_step': { da: 'Nyt om en prøvehandling', en: 'News about a next step' },
  'observation.self_invited': {
    da: 'Invitationer til selvobservation',
    en: 'Invitations to self-observation',
  },
  'inquiry.task_assigned': { da: 'Du får en opgave i dit team', en: 'You are given a task in your team' },
  'inquiry.task_reminder': {
    da: 'Påmindelse før en opgave skal være klar',
    en: 'Reminder before a task is due',
  },
  'inquiry.story_published': {
    da: 'Jeres praksisfortælling er udgivet',
    en: 'Your practice story is published',
  },
  'inquiry.story_returned': {
    da: 'Jeres praksisfortælling er sendt tilbage',
    en: 'Your practice story is sent back',
  },
  'evaluation.collect_reminder': {
    da: 'Påmindelse før en dataindsamling begynder',
    en: 'Reminder before a data collection starts',
  },
  'evaluation.analysis_reminder': {
    da: 'Påmindelse før data skal analyseres',
    en: 'Reminder before data is analysed',
  },
  'feedback.given': { da: 'Feedback på dine optagelser', en: 'Feedback on your recordings' },
  'feedback.reply': { da: 'Svar på feedback', en: 'Replies to feedback' },
  'video.shared': { da: 'Optagelser delt med dig', en: 'Recordings shared with you' },
  digest: { da: 'Den daglige e-mail-oversigt', en: 'The daily e-mail digest' },
};

export const kindLabel = (locale: Locale, kind: UnsubscribeKind) => LABELS[kind][locale];

/** The words around the sentences, per language. */
export const WORDS = {
  da: {
    hello: (name: string) => `Hej ${name}`,
    open: 'Åbn i Amongi',
    why: (label: string) => `Du får denne e-mail, fordi du får e-mail med det samme om »${label}«.`,
    settings: 'Skift dine notifikationsindstillinger',
    stop: (label: string) => `Stop e-mails om »${label}«`,
    stopDigest: 'Stop den daglige e-mail-oversigt',
    digestSubject: (n: number) =>
      `Din daglige oversigt fra Amongi: ${n} ${n === 1 ? 'ulæst notifikation' : 'ulæste notifikationer'}`,
    more: (n: number) => `Og ${n} mere — se dem i Amongi`,
    digestIntro: 'Her er det, du endnu ikke har set i Amongi:',
    digestWhy: 'Du får denne oversigt én gang om dagen med det, du har valgt at få som daglig e-mail.',
  },
  en: {
    hello: (name: string) => `Hello ${name}`,
    open: 'Open in Amongi',
    why: (label: string) => `You get this e-mail because you chose e-mail at once for “${label}”.`,
    settings: 'Change your notification settings',
    stop: (label: string) => `Stop e-mails about “${label}”`,
    stopDigest: 'Stop the daily e-mail digest',
    digestSubject: (n: number) =>
      `Your daily Amongi digest: ${n} unread ${n === 1 ? 'notification' : 'notifications'}`,
    more: (n: number) => `And ${n} more — see them in Amongi`,
    digestIntro: 'Here is what you have not seen in Amongi yet:',
    digestWhy: 'You get this digest once a day with what you chose to get as a daily e-mail.',
  },
} as const;
