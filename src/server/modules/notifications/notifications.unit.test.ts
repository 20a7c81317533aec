import { describe, expect, it } from 'vitest';
import { NOTIFICATION_KINDS, type NotificationKind } from '../../../shared/training.js';
import { digestEmail, notificationEmail } from './email-templates.js';
import { notificationPath, notificationSentence } from './email-text.js';
import { danishTime, digestCutoff } from './time.js';
import { listUnsubscribeHeaders, readUnsubscribeToken, unsubscribeToken } from './unsubscribe.js';

const SECRET = 'unit-test-secret-'.padEnd(40, 'x');
const USER = '3f2504e0-4f89-41d3-9a0c-0305e82c3301';
const course = {
  courseId: 'c0000000-0000-4000-8000-000000000001',
  courseTitle: 'Makkerlæsning i 2. klasse',
  methodId: 'a0000000-0000-4000-8000-000000000001',
  methodLabel: 'Makkerlæsning',
};
const visit = {
  visitId: 'b0000000-0000-4000-8000-000000000001',
  plannedFor: '2026-03-12',
  authorName: 'Lene Dalgaard',
};
const payloads: Record<NotificationKind, Record<string, string | number | null>> = {
  'comment.mention': {
    videoId: 'v1',
    videoTitle: 'Brøker',
    commentId: 'k1',
    authorName: 'Mette',
    excerpt: 'Hej',
  },
  'comment.reply': {
    videoId: 'v1',
    videoTitle: 'Brøker',
    commentId: 'k2',
    authorName: 'Mette',
    excerpt: 'Svar',
  },
  'community.invited': {
    communityId: 'f1',
    communityName: 'Læsning',
    invitedById: 'u',
    invitedByName: 'Lene',
  },
  'community.event': {
    communityId: 'f1',
    communityName: 'Læsning',
    postId: 'p1',
    eventTitle: 'Læringsdag',
    startsAt: '2027-03-10T08:00:00.000Z',
    authorName: 'Lene',
  },
  'training.request_counted': { ...course, courseTitle: '', count: 12, threshold: 12 },
  'training.proposed': { ...course, courseTitle: '' },
  'training.planned': course,
  'training.opened': course,
  'training.enrolled': course,
  'training.waitlisted': course,
  'training.moved_up': course,
  'training.session_reminder': {
    ...course,
    startsAt: danishTime('2026-03-12', 14).toISOString(),
    place: 'Lokale 12, Solsikkeskolen',
  },
  'training.documented': course,
  'observation.visit_planned': visit,
  'observation.visit_recorded': visit,
  'observation.next_step': visit,
  'observation.self_invited': visit,
  'inquiry.task_assigned': {
    taskId: 't1',
    taskTitle: 'Elevinterview i 4.b',
    teamId: 'team1',
    teamName: 'Matematikteamet',
    cycleId: 'c1',
    cycleTitle: 'Hvordan taler eleverne om matematik?',
    meetingId: null,
    dueOn: '2026-03-12',
    authorName: 'Lene',
  },
  'inquiry.task_reminder': {
    taskId: 't1',
    taskTitle: 'Elevinterview i 4.b',
    teamId: 'team1',
    teamName: 'Matematikteamet',
    cycleId: null,
    cycleTitle: null,
    meetingId: 'm1',
    dueOn: '2026-03-12',
  },
  'inquiry.story_published': {
    storyId: 's1',
    storyTitle: 'Eleverne begrunder deres svar',
    cycleId: 'c1',
    teamName: 'Matematikteamet',
    authorName: 'Rikke Bech',
  },
  'inquiry.story_returned': {
    storyId: 's1',
    storyTitle: 'Eleverne begrunder deres svar',
    cycleId: 'c1',
    teamName: 'Matematikteamet',
    authorName: 'Rikke Bech',
  },
  'evaluation.collect_reminder': {
    itemId: 'e1',
    itemTitle: 'Nationale test',
    planName: 'Solsikkeskolen',
    on: '2026-03-12',
  },
  'evaluation.analysis_reminder': {
    itemId: 'e1',
    itemTitle: 'Nationale test',
    planName: 'Solsikkeskolen',
    on: '2026-03-12',
    meetingKind: 'laeringssamtale',
  },
  'feedback.given': { videoId: 'v1', videoTitle: 'Min lektion', feedbackId: 'f1', authorName: 'Rasmus Kjær' },
  'feedback.reply': {
    videoId: 'v1',
    videoTitle: 'Min lektion',
    feedbackId: 'f1',
    authorName: 'Mette Nørgaard',
  },
  'video.shared': {
    videoId: 'v1',
    videoTitle: 'Min lektion',
    authorName: 'Mette Nørgaard',
    expiresOn: '2026-03-20',
  },
};

describe('notification sentences', () => {
  it('every kind has a Danish and an English sentence without gaps, and a link', () => {
    const now = new Date('2026-03-11T09:00:00Z');
    for (const kind of NOTIFICATION_KINDS)
      for (const locale of ['da', 'en'] as const) {
        const s = notificationSentence(locale, kind, payloads[kind], now);
        expect(s, `${kind} ${locale}`).not.toMatch(/undefined|null|»«|“”|NaN/);
        expect(notificationPath(kind, payloads[kind]), kind).toMatch(
          /^\/(videoer\/|faellesskaber\/|traening\/|observation\/besoeg\/|opgaver$|praksisfortaellinger\/|dataaarshjul$)/,
        );
      }
    expect(
      notificationSentence('da', 'training.request_counted', payloads['training.request_counted'], now),
    ).toBe(
      'Dit ønske om træning i Makkerlæsning er talt med i et forslag til et træningsforløb (12 ønsker, grænsen er 12)',
    );
    expect(notificationSentence('da', 'training.planned', course, now)).toBe(
      'Træningsforløbet »Makkerlæsning i 2. klasse« er planlagt — du kan tilmelde dig først',
    );
    expect(notificationSentence('da', 'inquiry.task_assigned', payloads['inquiry.task_assigned'], now)).toBe(
      'Lene har givet dig opgaven »Elevinterview i 4.b« i »Hvordan taler eleverne om matematik?« — senest torsdag den 12. marts',
    );
    expect(notificationSentence('en', 'inquiry.task_reminder', payloads['inquiry.task_reminder'], now)).toBe(
      'Reminder: the task “Elevinterview i 4.b” in “Matematikteamet” is due Thursday 12 March',
    );
    expect(notificationPath('comment.reply', payloads['comment.reply'])).toBe('/videoer/v1#kommentar-k2');
    expect(
      notificationSentence('da', 'inquiry.story_returned', payloads['inquiry.story_returned'], now),
    ).toBe(
      'Rikke Bech har sendt jeres praksisfortælling »Eleverne begrunder deres svar« tilbage med en note',
    );
    expect(notificationPath('inquiry.story_published', payloads['inquiry.story_published'])).toBe(
      '/praksisfortaellinger/s1',
    );
    expect(
      notificationSentence(
        'da',
        'evaluation.analysis_reminder',
        payloads['evaluation.analysis_reminder'],
        now,
      ),
    ).toBe(
      'Påmindelse fra dataårshjulet: »Nationale test« (Solsikkeskolen) skal analyseres på læringssamtalen torsdag den 12. marts',
    );
    expect(notificationPath('evaluation.collect_reminder', payloads['evaluation.collect_reminder'])).toBe(
      '/dataaarshjul',
    );
    expect(notificationPath('training.documented', course)).toBe(`/traening/forloeb/${course.courseId}`);
  });

  it('a reply to a community post and a new event lead to the post, and say where they happened', () => {
    const onPost = {
      communityId: 'f1',
      communityName: 'Læsning',
      postId: 'p1',
      postTitle: 'Hvordan starter I?',
      commentId: 'k9',
      authorName: 'Rasmus',
    };
    const now = new Date('2026-03-11T09:00:00Z');
    expect(notificationSentence('da', 'comment.reply', onPost, now)).toBe(
      'Rasmus svarede på »Hvordan starter I?« i fællesskabet »Læsning«',
    );
    expect(notificationPath('comment.reply', onPost)).toBe('/faellesskaber/f1/opslag/p1#kommentar-k9');
    const event = payloads['community.event'];
    expect(notificationSentence('da', 'community.event', event, new Date('2027-03-01T12:00:00Z'))).toBe(
      'Lene har oprettet begivenheden »Læringsdag« onsdag den 10. marts kl. 09.00 i fællesskabet »Læsning«',
    );
    expect(notificationPath('community.event', event)).toBe('/faellesskaber/f1/opslag/p1');
  });

  it('a reminder says "i morgen kl. 14.00" the day before, else the weekday and date (Danish time)', () => {
    const p = payloads['training.session_reminder'];
    const dayBefore = danishTime('2026-03-11', 8);
    expect(notificationSentence('da', 'training.session_reminder', p, dayBefore)).toBe(
      'Påmindelse: »Makkerlæsning i 2. klasse« i morgen kl. 14.00, Lokale 12, Solsikkeskolen',
    );
    expect(notificationSentence('en', 'training.session_reminder', p, dayBefore)).toBe(
      'Reminder: “Makkerlæsning i 2. klasse” tomorrow at 14:00, Lokale 12, Solsikkeskolen',
    );
    expect(notificationSentence('da', 'training.session_reminder', p, danishTime('2026-03-12', 7))).toContain(
      'i dag kl. 14.00',
    );
    expect(notificationSentence('da', 'training.session_reminder', p, danishTime('2026-03-09', 8))).toContain(
      'torsdag den 12. marts kl. 14.00',
    );
  });
});

describe('the digest hour', () => {
  it('is the latest 07:00 Danish time, in winter and summer time', () => {
    expect(digestCutoff(new Date('2026-01-15T06:30:00Z')).toISOString()).toBe('2026-01-15T06:00:00.000Z');
    expect(digestCutoff(new Date('2026-01-15T05:59:00Z')).toISOString()).toBe('2026-01-14T06:00:00.000Z');
    expect(digestCutoff(new Date('2026-07-01T05:00:00Z')).toISOString()).toBe('2026-07-01T05:00:00.000Z');
    expect(digestCutoff(new Date('2026-07-01T04:59:59Z')).toISOString()).toBe('2026-06-30T05:00:00.000Z');
    // The night summer time begins (29 March 2026): before 07:00 it is still the 28th's 07:00 (winter time).
    expect(digestCutoff(new Date('2026-03-29T04:00:00Z')).toISOString()).toBe('2026-03-28T06:00:00.000Z');
    expect(digestCutoff(new Date('2026-03-29T05:00:00Z')).toISOString()).toBe('2026-03-29T05:00:00.000Z');
  });
});

describe('unsubscribe tokens', () => {
  it('round-trip, fit in one URL path segment, and fail with another secret', () => {
    for (const kind of [...NOTIFICATION_KINDS, 'digest' as const]) {
      const token = unsubscribeToken(SECRET, USER, kind);
      expect(token.length).toBeLessThanOrEqual(100);
      expect(token).toMatch(/^[A-Za-z0-9_-]+$/);
      expect(readUnsubscribeToken(SECRET, token)).toEqual({ userId: USER, kind });
      expect(readUnsubscribeToken(`${SECRET}y`, token)).toBeNull();
    }
  });

  it('List-Unsubscribe comes only from a verified link on the last line of the text', () => {
    const token = unsubscribeToken(SECRET, USER, 'comment.mention');
    const base = 'http://amongi.test';
    expect(listUnsubscribeHeaders(base, SECRET, `Hej\n\nStop: ${base}/afmeld/${token}\n`)).toEqual({
      'List-Unsubscribe': `<${base}/api/v1/notifications/unsubscribe/${token}>`,
      'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
    });
    expect(
      listUnsubscribeHeaders(base, SECRET, `${base}/afmeld/${token}\n\nTag imod: ${base}/x`),
    ).toBeUndefined();
    expect(listUnsubscribeHeaders(base, SECRET, `Stop: ${base}/afmeld/${token}x`)).toBeUndefined();
    expect(
      listUnsubscribeHeaders('http://andet.test', SECRET, `Stop: ${base}/afmeld/${token}`),
    ).toBeUndefined();
  });

  it('notification and digest e-mails end with their own unsubscribe link', () => {
    const links = {
      publicUrl: 'http://amongi.test',
      settingsUrl: 'http://amongi.test/notifikationer/indstillinger',
    };
    const now = new Date('2026-03-11T09:00:00Z');
    const one = notificationEmail('da', {
      ...links,
      name: 'Rasmus',
      item: { kind: 'comment.mention', payload: payloads['comment.mention'] },
      unsubscribeUrl: 'http://amongi.test/afmeld/A.B',
      now,
    });
    expect(one.text.trimEnd().endsWith('http://amongi.test/afmeld/A.B')).toBe(true);
    const digest = digestEmail('en', {
      ...links,
      name: 'Rasmus',
      groups: [
        {
          kind: 'training.opened',
          unsubscribeUrl: 'http://amongi.test/afmeld/C.D',
          items: [{ kind: 'training.opened', payload: course }],
          more: 3,
        },
      ],
      digestUnsubscribeUrl: 'http://amongi.test/afmeld/E.F',
      now,
    });
    expect(digest.subject).toBe('Your daily Amongi digest: 4 unread notifications');
    expect(digest.text).toContain('And 3 more — see them in Amongi: http://amongi.test/notifikationer');
    expect(digest.text.trimEnd().endsWith('http://amongi.test/afmeld/E.F')).toBe(true);
  });
});
