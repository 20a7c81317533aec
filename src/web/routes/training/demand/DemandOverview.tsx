import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { COURSE_STATES, type CourseState, TRAINING_THRESHOLD_MAX } from '../../../../shared/training';
import { saveThreshold, type TrainingOverview, trainingKeys } from '../../../api/training';
import { videoKeys } from '../../../api/videos';
import { ErrorAlert, Notice } from '../../../components/Alert';
import { Button } from '../../../components/Button';
import { SelectField, TextField } from '../../../components/Field';
import { TableWrap } from '../../../components/TableWrap';
import { useForm } from '../../../components/useForm';
import { CourseLink } from '../courses/CourseBits';
import { CourseList } from '../courses/CourseList';
import { useSingleFlight } from '../useSingleFlight';

/** Administrators: how many must ask before a course is proposed. */
function ThresholdForm({ threshold }: { threshold: number }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const form = useForm(['threshold'] as const);
  const once = useSingleFlight();
  const [notice, setNotice] = useState<string | null>(null);
  const save = useMutation({
    mutationFn: saveThreshold,
    onMutate: () => setNotice(null),
    onSuccess: async (_x, value) => {
      form.reset();
      setNotice(t('training.overview.thresholdSaved', { threshold: value }));
      await qc.invalidateQueries({ queryKey: trainingKeys.all });
      void qc.invalidateQueries({ queryKey: videoKeys.each });
    },
    onError: (err) => form.failed(err),
  });
  function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const raw = String(new FormData(e.currentTarget).get('threshold') ?? '').trim();
    const n = Number(raw);
    const ok = /^\d+$/.test(raw) && n >= 1 && n <= TRAINING_THRESHOLD_MAX;
    if (form.invalid({ threshold: ok ? undefined : t('training.overview.thresholdInvalid') })) return;
    once(() => save.mutateAsync(n));
  }
  return (
    <form ref={form.formRef} noValidate onSubmit={submit} className="training-threshold-form">
      <ErrorAlert message={form.summary} />
      <div className="form-row">
        <TextField
          label={t('training.overview.thresholdLabel')}
          hint={t('training.overview.thresholdHint')}
          name="threshold"
          type="number"
          inputMode="numeric"
          min={1}
          max={TRAINING_THRESHOLD_MAX}
          defaultValue={threshold}
          key={threshold}
          error={form.errors.threshold}
        />
        <Button type="submit" busy={save.isPending} className="training-inline-submit">
          {t('training.overview.thresholdSave')}
        </Button>
      </div>
      <Notice message={notice} />
    </form>
  );
}

/** Methods ordered by demand, each with its progress toward the threshold and its course. */
function MethodsTable({ o }: { o: TrainingOverview }) {
  const { t } = useTranslation();
  const methods = [...o.methods].sort(
    (a, b) => b.count - a.count || a.method.label.localeCompare(b.method.label),
  );
  if (!methods.length) return <p className="muted">{t('training.overview.noDemand')}</p>;
  return (
    <TableWrap label={t('training.overview.methodsHeading')}>
      <table className="training-methods-table">
        <caption className="sr-only">{t('training.overview.methodsHeading')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('training.overview.colMethod')}</th>
            <th scope="col">{t('training.overview.colDemand')}</th>
            <th scope="col">{t('training.overview.colInstitutions')}</th>
            <th scope="col">{t('training.overview.colCourse')}</th>
          </tr>
        </thead>
        <tbody>
          {methods.map((m) => (
            <tr key={m.method.id}>
              <th scope="row">
                <Link to={`/videoer?method=${m.method.id}`}>{m.method.label}</Link>
              </th>
              <td>
                <span className="training-cell-progress">
                  <progress
                    className="upload-bar"
                    max={o.threshold}
                    value={Math.min(m.count, o.threshold)}
                    aria-label={t('training.overview.progressLabel', { method: m.method.label })}
                  />
                  <span>
                    {m.missing > 0
                      ? t('training.overview.countMissing', {
                          count: m.count,
                          threshold: o.threshold,
                          missing: m.missing,
                        })
                      : t('training.overview.countReached', { count: m.count, threshold: o.threshold })}
                  </span>
                </span>
              </td>
              <td>{m.institutions}</td>
              <td>
                {m.course ? (
                  <CourseLink course={m.course} method={m.method.label} />
                ) : (
                  <span className="muted">{t('training.overview.noCourse')}</span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}

/** Courses in one state at a time; the choice shows how many there are in each. */
function CoursesByState({ o }: { o: TrainingOverview }) {
  const { t } = useTranslation();
  const [state, setState] = useState<CourseState>('planned');
  return (
    <>
      <dl className="summary training-state-counts">
        {COURSE_STATES.map((s) => (
          <div key={s}>
            <dt>{t(`training.state.${s}`)}</dt>
            <dd>{o.courses[s] ?? 0}</dd>
          </div>
        ))}
      </dl>
      <SelectField
        label={t('training.overview.showState')}
        value={state}
        onChange={(e) => setState(e.target.value as CourseState)}
        className="training-state-select"
      >
        {COURSE_STATES.filter((s) => s !== 'proposed').map((s) => (
          <option key={s} value={s}>
            {t('training.overview.stateOption', {
              state: t(`training.state.${s}`),
              count: o.courses[s] ?? 0,
            })}
          </option>
        ))}
      </SelectField>
      <div>
        <h3 id="training-state-list" className="sr-only">
          {t(`training.state.${state}`)}
        </h3>
        <CourseList
          filter={{ state }}
          labelledBy="training-state-list"
          empty={t('training.overview.noneInState', { state: t(`training.state.${state}`) })}
        />
      </div>
    </>
  );
}

/** For resource persons, editors, forvaltning and administrators: demand, proposals and courses. */
export function DemandOverview({ o }: { o: TrainingOverview }) {
  const { t } = useTranslation();
  const { requesters, trained, asking } = o.trained;
  return (
    <>
      <section className="card training-card" aria-labelledby="training-demand">
        <h2 id="training-demand">{t('training.overview.demandHeading')}</h2>
        <p>{t('training.overview.threshold', { count: o.threshold })}</p>
        {o.canConfigure && <ThresholdForm threshold={o.threshold} />}
        <p className="training-trained">
          <strong>
            {requesters > 0
              ? t('training.overview.trained', { trained, requesters })
              : t('training.overview.notTrainedYet')}
          </strong>{' '}
          {asking > 0 && t('training.overview.asking', { count: asking })}
        </p>
        <h3 id="training-methods">{t('training.overview.methodsHeading')}</h3>
        <MethodsTable o={o} />
      </section>
      <section className="card training-card" aria-labelledby="training-proposals">
        <h2 id="training-proposals">{t('training.overview.proposalsHeading')}</h2>
        <p className="hint">{t('training.overview.proposalsHint')}</p>
        <CourseList
          filter={{ state: 'proposed' }}
          labelledBy="training-proposals"
          empty={t('training.overview.noProposals')}
        />
      </section>
      <section className="card training-card" aria-labelledby="training-courses">
        <h2 id="training-courses">{t('training.overview.coursesHeading')}</h2>
        <CoursesByState o={o} />
      </section>
    </>
  );
}
