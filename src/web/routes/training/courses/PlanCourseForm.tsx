import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { COURSE_CAPACITY_MAX, COURSE_DESCRIPTION_MAX, COURSE_TITLE_MAX } from '../../../../shared/training';
import { useInstitutions, useMe, usePeople } from '../../../api/people';
import { type CourseDetail, type Ref, updateCourse, useCourseRefresh } from '../../../api/training';
import { ErrorAlert, Notice } from '../../../components/Alert';
import { Button } from '../../../components/Button';
import { SelectField, TextAreaField, TextField } from '../../../components/Field';
import { PersonPicker } from '../../../components/PersonPicker';
import { useForm } from '../../../components/useForm';
import { useSingleFlight } from '../useSingleFlight';

const FIELDS = ['title', 'description', 'capacity', 'trainerIds', 'institutionIds'] as const;

/** A chosen list (trainers, institutions) with a remove button per entry. */
function Chosen({ items, onRemove, empty }: { items: Ref[]; onRemove: (id: string) => void; empty: string }) {
  const { t } = useTranslation();
  if (!items.length) return <p className="muted">{empty}</p>;
  return (
    <ul className="plain-list training-chosen">
      {items.map((x) => (
        <li key={x.id}>
          <span className="break">{x.name}</span>
          <Button variant="link" onClick={() => onRemove(x.id)}>
            {t('training.plan.remove')}
            <span className="sr-only"> {x.name}</span>
          </Button>
        </li>
      ))}
    </ul>
  );
}

/** Trainers: the chosen ones, and a person picker (with "Tilføj mig") to add more. */
function Trainers({
  value,
  onChange,
  error,
}: {
  value: Ref[];
  onChange: (v: Ref[]) => void;
  error?: string;
}) {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const [q, setQ] = useState('');
  const box = useRef<HTMLDivElement>(null);
  const people = usePeople({ q: q.trim() || undefined, limit: 50 });
  const chosen = new Set(value.map((x) => x.id));
  const candidates = (people.data?.pages[0]?.items ?? []).filter((p) => !chosen.has(p.id));
  const add = (p: Ref) => !chosen.has(p.id) && onChange([...value, p]);
  // Enter in the search field narrows the list; it must not submit the whole plan.
  useEffect(() => {
    const el = box.current;
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Enter' && (e.target as HTMLElement).matches('input[type="search"]')) e.preventDefault();
    };
    el?.addEventListener('keydown', onKey);
    return () => el?.removeEventListener('keydown', onKey);
  }, []);
  return (
    <fieldset className="training-fieldset">
      <legend>{t('training.plan.trainers')}</legend>
      {error && <p className="field-error">{error}</p>}
      <Chosen
        items={value}
        empty={t('training.plan.noTrainers')}
        onRemove={(id) => onChange(value.filter((x) => x.id !== id))}
      />
      <div ref={box} className="form-row">
        <PersonPicker
          q={q}
          onQ={setQ}
          candidates={candidates}
          busy={people.isFetching}
          labels={{
            filter: t('training.plan.filterPeople'),
            person: t('training.plan.trainer'),
            none: t('training.plan.noCandidates'),
          }}
        />
      </div>
      <div className="page-actions">
        <Button
          variant="secondary"
          onClick={() => {
            const id = box.current?.querySelector<HTMLSelectElement>('select[name="personId"]')?.value;
            const p = candidates.find((c) => c.id === id);
            if (p) add({ id: p.id, name: p.name });
          }}
        >
          {t('training.plan.addTrainer')}
        </Button>
        {me && !chosen.has(me.id) && (
          <Button variant="secondary" onClick={() => add({ id: me.id, name: me.name })}>
            {t('training.plan.addMe')}
          </Button>
        )}
      </div>
    </fieldset>
  );
}

/** The participating institutions, first in line: chosen among the institutions I may see. */
function Institutions({
  value,
  onChange,
  error,
  asked,
}: {
  value: Ref[];
  onChange: (v: Ref[]) => void;
  error?: string;
  /** The institutions the requests came from: always offered. */
  asked: Ref[];
}) {
  const { t } = useTranslation();
  const all = useInstitutions();
  const [pick, setPick] = useState('');
  const chosen = new Set(value.map((x) => x.id));
  const seen = new Map<string, { id: string; name: string; kommuneName?: string }>();
  for (const i of [...(all.data?.items ?? []), ...asked]) if (!seen.has(i.id)) seen.set(i.id, i);
  const options = [...seen.values()]
    .filter((i) => !chosen.has(i.id))
    .sort((a, b) => a.name.localeCompare(b.name, 'da'));
  return (
    <fieldset className="training-fieldset">
      <legend>{t('training.plan.institutions')}</legend>
      <p className="hint">{t('training.plan.institutionsHint')}</p>
      {error && <p className="field-error">{error}</p>}
      <Chosen
        items={value}
        empty={t('training.plan.noInstitutions')}
        onRemove={(id) => onChange(value.filter((x) => x.id !== id))}
      />
      <div className="form-row">
        <SelectField
          label={t('training.plan.institution')}
          value={options.some((o) => o.id === pick) ? pick : ''}
          onChange={(e) => setPick(e.target.value)}
          required={false}
          aria-busy={all.isPending || undefined}
        >
          <option value="">{t('common.choose')}</option>
          {options.map((i) => (
            <option key={i.id} value={i.id}>
              {i.kommuneName ? `${i.name} (${i.kommuneName})` : i.name}
            </option>
          ))}
        </SelectField>
        <Button
          variant="secondary"
          className="training-inline-submit"
          onClick={() => {
            const i = options.find((o) => o.id === pick);
            if (i) onChange([...value, { id: i.id, name: i.name }]);
            setPick('');
          }}
        >
          {t('training.plan.addInstitution')}
        </Button>
      </div>
    </fieldset>
  );
}

/** The manager's plan: title, description, seats, trainers and the institutions first in line. */
export function PlanCourseForm({ course: c }: { course: CourseDetail }) {
  const { t } = useTranslation();
  const refresh = useCourseRefresh(c.id);
  const form = useForm(FIELDS);
  const once = useSingleFlight();
  const [notice, setNotice] = useState<string | null>(null);
  const [trainers, setTrainers] = useState<Ref[]>(c.trainers);
  const [institutions, setInstitutions] = useState<Ref[]>(c.institutions);
  const save = useMutation({
    mutationFn: (body: Parameters<typeof updateCourse>[1]) => updateCourse(c.id, body),
    onMutate: () => setNotice(null),
    onSuccess: async (answer) => {
      form.reset();
      setNotice(t('training.plan.saved'));
      await refresh(answer);
    },
    onError: (err) => form.failed(err),
  });
  function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const data = new FormData(e.currentTarget);
    const title = String(data.get('title') ?? '').trim();
    const description = String(data.get('description') ?? '').trim();
    const capacityRaw = String(data.get('capacity') ?? '').trim();
    const capacity = capacityRaw ? Number(capacityRaw) : null;
    const capacityOk =
      capacity === null
        ? c.state === 'proposed'
        : /^\d+$/.test(capacityRaw) && capacity >= 1 && capacity <= COURSE_CAPACITY_MAX;
    // A proposal may be saved half done; once planned it keeps what planning required.
    const errors = {
      title: title ? undefined : t('training.plan.titleRequired'),
      capacity: capacityOk ? undefined : t('training.plan.capacityInvalid', { max: COURSE_CAPACITY_MAX }),
      trainerIds: trainers.length || c.state === 'proposed' ? undefined : t('training.plan.trainersRequired'),
    };
    if (form.invalid(errors)) return;
    once(() =>
      save.mutateAsync({
        title,
        description,
        capacity,
        trainerIds: trainers.map((x) => x.id),
        institutionIds: institutions.map((x) => x.id),
      }),
    );
  }
  return (
    <form ref={form.formRef} noValidate onSubmit={submit} className="training-plan-form">
      <ErrorAlert message={form.summary} />
      <TextField
        label={t('training.plan.title')}
        name="title"
        defaultValue={c.title}
        maxLength={COURSE_TITLE_MAX}
        error={form.errors.title}
      />
      <TextAreaField
        label={t('training.plan.description')}
        hint={t('training.plan.descriptionHint')}
        name="description"
        defaultValue={c.description ?? ''}
        maxLength={COURSE_DESCRIPTION_MAX}
        optional
        error={form.errors.description}
      />
      <TextField
        label={t('training.plan.capacity')}
        hint={t('training.plan.capacityHint', { count: c.counts.requests })}
        name="capacity"
        type="number"
        inputMode="numeric"
        min={1}
        max={COURSE_CAPACITY_MAX}
        defaultValue={c.capacity ?? ''}
        optional={c.state === 'proposed'}
        error={form.errors.capacity}
        className="field-narrow"
      />
      <Trainers value={trainers} onChange={setTrainers} error={form.errors.trainerIds} />
      <Institutions
        value={institutions}
        onChange={setInstitutions}
        error={form.errors.institutionIds}
        asked={c.requestInstitutions}
      />
      <div className="form-actions">
        <Button type="submit" busy={save.isPending}>
          {t('training.plan.save')}
        </Button>
      </div>
      <Notice message={notice} />
    </form>
  );
}
