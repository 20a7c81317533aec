import { useMutation } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type CourseDetail,
  cancelEnrolment,
  type EnrolmentAnswer,
  enrol,
  useCourseRefresh,
} from '../../../api/training';
import { RequestError } from '../../../components/Alert';
import { Button } from '../../../components/Button';
import { ConfirmDialog } from '../../../components/Dialogs';
import { useSingleFlight } from '../useSingleFlight';

/** What my place is, in words. */
function statusText(t: TFunction, a: EnrolmentAnswer) {
  if (a.status === 'enrolled') return t('training.enrol.enrolled');
  if (a.status === 'waiting') return t('training.enrol.waiting', { n: a.waitingPosition ?? '?' });
  if (a.status === 'invited') return t('training.enrol.invited');
  return t('training.enrol.notEnrolled');
}

/** Why I cannot enrol (yet), when I cannot. */
function closedText(t: TFunction, c: CourseDetail) {
  if (c.state === 'proposed') return t('training.enrol.closedProposed');
  if (c.state === 'planned') return t('training.enrol.closedPlanned');
  return t('training.enrol.closed');
}

/** Seats taken, waiting list, and my own enrolment with its buttons. Changes are announced. */
export function EnrolPanel({ course: c }: { course: CourseDetail }) {
  const { t } = useTranslation();
  const refresh = useCourseRefresh(c.id);
  const [notice, setNotice] = useState<string | null>(null);
  const enrolment = useMutation({
    mutationFn: () => enrol(c.id),
    onMutate: () => setNotice(null),
    onSuccess: (next) => refresh(next),
  });
  const once = useSingleFlight();
  const mine = c.my.enrolment;
  const active = mine === 'enrolled' || mine === 'waiting';
  const full = c.capacity !== null && c.counts.enrolled >= c.capacity;
  const status: EnrolmentAnswer = { status: mine, waitingPosition: c.my.waitingPosition };
  return (
    <section className="card training-card training-enrol" aria-labelledby="training-enrol">
      <h2 id="training-enrol">{t('training.enrol.heading')}</h2>
      {c.state !== 'proposed' && (
        <p>
          {c.capacity
            ? t('training.enrol.seats', { enrolled: c.counts.enrolled, capacity: c.capacity })
            : t('training.enrol.enrolledCount', { count: c.counts.enrolled })}
          {c.counts.waiting > 0 && ` ${t('training.enrol.waitingCount', { count: c.counts.waiting })}`}
        </p>
      )}
      {/* My place, as a live region: after enrolling or cancelling the new state is read out. */}
      <div role="status">
        {mine && mine !== 'cancelled' ? (
          <p className={`training-my-status training-my-status-${mine}`}>
            <strong>{statusText(t, status)}</strong>
          </p>
        ) : notice ? (
          <p className="training-my-status">
            <strong>{notice}</strong>
          </p>
        ) : null}
      </div>
      {c.my.requester && !mine && <p className="hint">{t('training.enrol.youAsked')}</p>}
      {!active && c.can.enrol && (
        <Button busy={enrolment.isPending} onClick={() => once(() => enrolment.mutateAsync())}>
          {full ? t('training.enrol.joinWaitingList') : t('training.enrol.enrol')}
        </Button>
      )}
      {!active && !c.can.enrol && !['completed', 'documented'].includes(c.state) && (
        <p className="muted">{closedText(t, c)}</p>
      )}
      {active && (
        <ConfirmDialog
          triggerLabel={
            mine === 'waiting' ? t('training.enrol.leaveWaitingList') : t('training.enrol.cancel')
          }
          triggerVariant="secondary"
          title={mine === 'waiting' ? t('training.enrol.leaveWaitingList') : t('training.enrol.cancelTitle')}
          confirmLabel={
            mine === 'waiting' ? t('training.enrol.leaveWaitingList') : t('training.enrol.cancel')
          }
          onConfirm={async () => {
            setNotice(null);
            const next = await cancelEnrolment(c.id);
            setNotice(t('training.enrol.cancelled'));
            await refresh(next);
          }}
        >
          <p>{mine === 'waiting' ? t('training.enrol.leaveText') : t('training.enrol.cancelText')}</p>
        </ConfirmDialog>
      )}
      <RequestError error={enrolment.isError ? enrolment.error : null} />
    </section>
  );
}
