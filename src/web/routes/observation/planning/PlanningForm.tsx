import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useRef, useState } from 'react';
import { Link } from 'react-router';
import { ApiError, errorMessage } from '../../../api/client';
import type { VisitSummary } from '../../../api/observation';
import { leadKey, planVisit, useObservers, useSchemaOverview } from '../../../api/observation-lead';
import { useMe, usePeople } from '../../../api/people';
import { ErrorAlert } from '../../../components/Alert';
import { Button } from '../../../components/Button';
import { SelectField } from '../../../components/Field';
import { PersonPicker } from '../../../components/PersonPicker';
import { useWords } from '../../../i18n/words';
import { formatDate } from '../data/format';
import { keepSearchInPlace } from '../setup/SetupObservers';
import { readVisitFields, VISIT_FIELDS, VisitFields } from '../visits/VisitFields';

const FIELDS: string[] = ['teacherId', 'observerId', ...VISIT_FIELDS];

/** Plan a visit: who is visited, who observes, when, the class, subject, grade and the focus areas. */
export function PlanningForm({ institutionId, leader }: { institutionId: string; leader: boolean }) {
  const { t } = useWords(institutionId);
  const qc = useQueryClient();
  const { data: me } = useMe();
  const schema = useSchemaOverview(institutionId);
  // Delegated observers may plan only with themselves as observer; leaders choose among the delegated.
  const observers = useObservers(institutionId, leader);
  const [q, setQ] = useState('');
  const people = usePeople({ institutionId, q: q.trim() || undefined, limit: 50 });
  const candidates = (people.data?.pages[0]?.items ?? []).filter((p) => p.id !== me?.id);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [summary, setSummary] = useState<string | null>(null);
  const [planned, setPlanned] = useState<VisitSummary | null>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const doneRef = useRef<HTMLDivElement>(null);
  const focusFirstInvalid = () =>
    requestAnimationFrame(() =>
      formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus(),
    );

  const plan = useMutation({
    mutationFn: planVisit,
    onMutate: () => {
      setSummary(null);
      setPlanned(null);
    },
    onSuccess: async (v) => {
      setErrors({});
      setPlanned(v);
      formRef.current?.reset();
      setQ('');
      requestAnimationFrame(() => doneRef.current?.focus());
      await qc.invalidateQueries({ queryKey: leadKey(institutionId, 'visits') });
      await qc.invalidateQueries({ queryKey: leadKey(institutionId, 'not-visited') });
    },
    onError: (err) => {
      const fe: Record<string, string> = {};
      if (err instanceof ApiError)
        for (const d of err.details) {
          const f = d.path.replace(/^body\.?/, '').split('.')[0];
          if (FIELDS.includes(f)) fe[f] = t('observationLead.plan.fieldInvalid');
        }
      if (err instanceof ApiError && err.code === 'observation.teacher_not_in_institution')
        fe.teacherId = err.message;
      if (err instanceof ApiError && err.code === 'observation.not_an_observer') fe.observerId = err.message;
      setErrors(fe);
      setSummary(errorMessage(err));
      focusFirstInvalid();
    },
  });

  const current = schema.data?.current ?? null;
  const observerOptions = [
    ...(me ? [{ id: me.id, name: t('observationLead.plan.me', { name: me.name }) }] : []),
    ...(leader ? (observers.data?.observers ?? []).filter((o) => o.id !== me?.id) : []),
  ];

  function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const data = new FormData(e.currentTarget);
    const fields = readVisitFields(data);
    const body = {
      institutionId,
      teacherId: String(data.get('personId') ?? ''),
      observerId: String(data.get('observerId') ?? ''),
      ...fields,
      grade: fields.grade ?? null,
    };
    const found: Record<string, string> = {};
    if (!body.teacherId) found.teacherId = t('observationLead.plan.teacherRequired');
    if (!body.observerId) found.observerId = t('observationLead.plan.observerRequired');
    if (!/^\d{4}-\d{2}-\d{2}$/.test(body.plannedFor))
      found.plannedFor = t('observationLead.plan.dateRequired');
    if (!body.classLabel) found.classLabel = t('observationLead.plan.classRequired');
    if (fields.grade === undefined) found.grade = t('observationLead.plan.gradeRequired');
    setErrors(found);
    if (Object.keys(found).length) {
      setSummary(t('errors.checkFields'));
      focusFirstInvalid();
      return;
    }
    if (!plan.isPending) plan.mutate(body);
  }

  return (
    <section className="card obsl-section" aria-labelledby="obsl-plan">
      <h2 id="obsl-plan">{t('observationLead.plan.heading')}</h2>
      {!current && schema.isSuccess && (
        <p className="alert alert-warning">{t('observationLead.plan.noSchema')}</p>
      )}
      <div
        ref={doneRef}
        tabIndex={-1}
        role="status"
        className={planned ? 'alert alert-success' : 'alert-empty'}
      >
        {planned && (
          <>
            {t('observationLead.plan.planned', {
              teacher: planned.teacher.name,
              date: formatDate(planned.plannedFor),
            })}{' '}
            <Link to={`/observation/besoeg/${planned.id}`}>{t('observationLead.plan.openVisit')}</Link>
          </>
        )}
      </div>
      <form
        ref={formRef}
        noValidate
        onSubmit={submit}
        onKeyDown={keepSearchInPlace}
        className="obsl-plan-form"
      >
        <ErrorAlert message={summary} />
        <fieldset className="obs-fieldset">
          <legend>{t('observationLead.plan.teacher')}</legend>
          <div className="form-row">
            <PersonPicker
              q={q}
              onQ={setQ}
              candidates={candidates}
              busy={people.isFetching}
              error={errors.teacherId}
              labels={{
                filter: t('observationLead.plan.filterTeachers'),
                person: t('observationLead.plan.teacherSelect'),
                none: t('observationLead.plan.noTeachers'),
              }}
            />
          </div>
        </fieldset>
        <SelectField
          label={t('observationLead.plan.observer')}
          name="observerId"
          defaultValue={me?.id ?? ''}
          key={observerOptions.map((o) => o.id).join()}
          error={errors.observerId}
        >
          {observerOptions.map((o) => (
            <option key={o.id} value={o.id}>
              {o.name}
            </option>
          ))}
        </SelectField>
        <VisitFields
          institutionId={institutionId}
          areas={current?.definition.focusAreas ?? []}
          required
          errors={errors}
        />
        <div className="form-actions">
          <Button type="submit" busy={plan.isPending}>
            {t('observationLead.plan.submit')}
          </Button>
        </div>
      </form>
    </section>
  );
}
