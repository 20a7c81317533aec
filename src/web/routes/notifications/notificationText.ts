import { useTranslation } from 'react-i18next';
import { NOTIFICATION_KINDS, TIME_ZONE } from '../../../shared/training';
import { WORD_KINDS, wordContext } from '../../../shared/vocabulary';
import type { Notification } from '../../api/notifications';
import { currentLocale } from '../../i18n';

const str = (v: string | number | null | undefined) => (v === null || v === undefined ? '' : String(v));
const isKnown = (kind: string) => (NOTIFICATION_KINDS as readonly string[]).includes(kind);
/** A kind as an i18n key: `training.moved_up` → `training_moved_up`. */
export const kindKey = (kind: string) => kind.replace('.', '_');

/** Danish calendar day (YYYY-MM-DD) of an instant. */
const dayOf = (d: Date) => new Intl.DateTimeFormat('en-CA', { timeZone: TIME_ZONE }).format(d);

function nextDay(day: string) {
  const [y, m, d] = day.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + 1)).toISOString().slice(0, 10);
}

/** "i morgen kl. 14.00" / "tomorrow at 14:00", else "torsdag den 12. marts kl. 14.00"; Danish time. */
function useWhen() {
  const { t } = useTranslation();
  return (iso: string, now = new Date()) => {
    const at = new Date(iso);
    if (Number.isNaN(at.getTime())) return '';
    const lang = currentLocale() === 'en' ? 'en-GB' : 'da-DK';
    const fmt = (o: Intl.DateTimeFormatOptions) =>
      new Intl.DateTimeFormat(lang, { timeZone: TIME_ZONE, ...o }).format(at);
    const time = fmt({ hour: '2-digit', minute: '2-digit' });
    if (dayOf(at) === dayOf(now)) return t('notifications.when.today', { time });
    if (dayOf(at) === nextDay(dayOf(now))) return t('notifications.when.tomorrow', { time });
    const weekday = fmt({ weekday: 'long' });
    const date = fmt({ day: 'numeric', month: 'long' });
    return t('notifications.when.date', {
      date: currentLocale() === 'en' ? `${weekday} ${date}` : `${weekday} den ${date}`,
      time,
    });
  };
}

/** "torsdag den 12. marts" / "Thursday 12 March": a task's due day (YYYY-MM-DD, read at noon Danish time). */
function dueDate(day: string) {
  const at = new Date(`${day}T12:00:00Z`);
  const fmt = (o: Intl.DateTimeFormatOptions) =>
    new Intl.DateTimeFormat(currentLocale() === 'en' ? 'en-GB' : 'da-DK', {
      timeZone: TIME_ZONE,
      ...o,
    }).format(at);
  const weekday = fmt({ weekday: 'long' });
  const date = fmt({ day: 'numeric', month: 'long' });
  return currentLocale() === 'en' ? `${weekday} ${date}` : `${weekday} den ${date}`;
}

/** The sentence for a notification, from its kind and payload (the same sentences as the e-mails). */
export function useNotificationText() {
  const { t } = useTranslation();
  const when = useWhen();
  return (n: Notification) => {
    const p = n.payload;
    if (!isKnown(n.kind)) return t('notifications.kinds.unknown');
    const onPost = !!p.postId && n.kind.startsWith('comment.');
    const key =
      n.kind === 'community.invited' && !p.invitedByName
        ? 'community_invited_anonymous'
        : `${kindKey(n.kind)}${onPost ? '_post' : ''}`;
    return t(`notifications.kinds.${key}`, {
      author: str(p.authorName),
      title: str(p.videoTitle) || str(p.postTitle) || str(p.eventTitle) || str(p.storyTitle),
      community: str(p.communityName),
      invitedBy: str(p.invitedByName),
      method: str(p.methodLabel),
      course: str(p.courseTitle) || str(p.methodLabel),
      count: str(p.count),
      threshold: str(p.threshold),
      when:
        n.kind === 'training.session_reminder' || n.kind === 'community.event' ? when(str(p.startsAt)) : '',
      place: n.kind.startsWith('inquiry.task_')
        ? str(p.cycleTitle) || str(p.teamName)
        : p.place
          ? `, ${str(p.place)}`
          : '',
      task: str(p.taskTitle) || str(p.itemTitle),
      plan: str(p.planName),
      day: /^\d{4}-\d{2}-\d{2}$/.test(str(p.on)) ? dueDate(str(p.on)) : '',
      meeting:
        n.kind === 'evaluation.analysis_reminder' && p.meetingKind
          ? t(`notifications.evaluationMeeting.${str(p.meetingKind)}`)
          : '',
      due: /^\d{4}-\d{2}-\d{2}$/.test(str(p.dueOn))
        ? t(`notifications.due.${n.kind === 'inquiry.task_reminder' ? 'reminder' : 'assigned'}`, {
            date: dueDate(str(p.dueOn)),
          })
        : '',
      until: /^\d{4}-\d{2}-\d{2}$/.test(str(p.expiresOn))
        ? t('notifications.due.sharedUntil', { date: dueDate(str(p.expiresOn)) })
        : '',
      // A visit's sentence in the words of its institution (vocabulary.ts): "dit læringsmiljø" in a dagtilbud.
      context: wordContext(WORD_KINDS.find((k) => k === p.words) ?? 'skole'),
    });
  };
}
