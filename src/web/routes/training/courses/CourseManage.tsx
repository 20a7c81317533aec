import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type CourseDetail,
  changeCourseState,
  NEXT_STATE,
  useCourseRefresh,
  useParticipants,
} from '../../../api/training';
import { Notice } from '../../../components/Alert';
import { ConfirmDialog } from '../../../components/Dialogs';
import { QueryView } from '../../../components/QueryView';
import { TableWrap } from '../../../components/TableWrap';
import { formatDateTime } from '../../../i18n';

/** The one next step of the course's life (Planlæg forløbet, Åbn for tilmelding, …), confirmed first. */
export function StateActions({ course: c }: { course: CourseDetail }) {
  const { t } = useTranslation();
  const refresh = useCourseRefresh(c.id);
  const [notice, setNotice] = useState<string | null>(null);
  const next = NEXT_STATE[c.state];
  return (
    <div className="training-state-actions">
      <Notice message={notice} />
      {next ? (
        <>
          <p className="hint">{t(`training.next.${next}.hint`)}</p>
          <ConfirmDialog
            triggerLabel={t(`training.next.${next}.button`)}
            triggerVariant="primary"
            title={t(`training.next.${next}.button`)}
            confirmLabel={t(`training.next.${next}.confirm`)}
            confirmVariant="primary"
            onConfirm={async () => {
              setNotice(null);
              const answer = await changeCourseState(c.id, next);
              setNotice(t('training.next.done', { state: t(`training.state.${next}`) }));
              await refresh(answer);
            }}
          >
            <p>{t(`training.next.${next}.text`)}</p>
            <p>{t('training.next.irreversible')}</p>
          </ConfirmDialog>
        </>
      ) : (
        <p className="muted">
          {c.state === 'completed' ? t('training.next.documentHint') : t('training.next.finished')}
        </p>
      )}
    </div>
  );
}

/** Who is enrolled, invited and waiting (in order), and whether they asked for the training. */
export function Participants({ course: c }: { course: CourseDetail }) {
  const { t } = useTranslation();
  const query = useParticipants(c.id, true);
  return (
    <section className="card training-card" aria-labelledby="training-participants">
      <h2 id="training-participants">{t('training.participants.heading')}</h2>
      <QueryView
        query={query}
        empty={query.isSuccess && query.data.length === 0 && t('training.participants.none')}
      >
        {(items) => (
          <TableWrap label={t('training.participants.heading')}>
            <table>
              <caption className="sr-only">{t('training.participants.heading')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('common.name')}</th>
                  <th scope="col">{t('training.participants.status')}</th>
                  <th scope="col">{t('training.participants.requester')}</th>
                  <th scope="col">{t('training.participants.since')}</th>
                </tr>
              </thead>
              <tbody>
                {items.map((p) => (
                  <tr key={p.id}>
                    <th scope="row">{p.name}</th>
                    <td>
                      <span className={`badge badge-enrolment-${p.status}`}>
                        {t(`training.enrolment.${p.status}`)}
                      </span>
                    </td>
                    <td>{p.requester ? t('training.participants.yes') : t('training.participants.no')}</td>
                    <td>{p.queuedAt ? formatDateTime(p.queuedAt) : ''}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
        )}
      </QueryView>
    </section>
  );
}

/** Who asked: name, institution, via which team, from which video (for those who may see it). */
export function Requesters({ course: c }: { course: CourseDetail }) {
  const { t } = useTranslation();
  const list = c.requesters ?? [];
  if (!list.length) return null;
  return (
    <TableWrap label={t('training.course.requestersHeading')}>
      <table>
        <caption className="sr-only">{t('training.course.requestersHeading')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('common.name')}</th>
            <th scope="col">{t('training.course.institution')}</th>
            <th scope="col">{t('training.course.viaTeam')}</th>
            <th scope="col">{t('training.course.fromVideo')}</th>
          </tr>
        </thead>
        <tbody>
          {list.map((r) => (
            <tr key={r.id}>
              <th scope="row">{r.name}</th>
              <td>{r.institutionName ?? ''}</td>
              <td>{r.viaTeam ? (r.teamName ?? t('training.participants.yes')) : ''}</td>
              <td className="break">{r.videoTitle ?? ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}
