import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { GRADE_MAX, GRADE_MIN, type ObservationMe, type PersonRef } from '../../../shared/observation';
import { fieldErrors } from '../../api/client';
import { useColleagues, useCreateSelfObservation, useSchemaOverview } from '../../api/observation';
import { useMe } from '../../api/queries';
import { RequestError } from '../../components/Alert';
import { Button } from '../../components/Button';
import { SelectField, TextField } from '../../components/Field';
import { PersonPicker } from '../../components/PersonPicker';
import { gradeLabel } from './VisitBits';

const GUESTS_MAX = 5;
const today = () => new Date().toLocaleDateString('sv-SE');

/** A new self-observation: when, which class, which focus areas, and up to five invited colleagues. */
export function SelfObservationForm({ institutions }: { institutions: ObservationMe['institutions'] }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { data: me } = useMe();
  const [institutionId, setInstitutionId] = useState(institutions[0]?.id ?? '');
  const [focus, setFocus] = useState<string[]>([]);
  const [guests, setGuests] = useState<PersonRef[]>([]);
  const [q, setQ] = useState('');
  const schema = useSchemaOverview(institutionId);
  const people = useColleagues(institutionId, q);
  const create = useCreateSelfObservation();
  const areas = schema.data?.current?.definition.focusAreas ?? [];
  const candidates = (people.data ?? []).filter((p) => p.id !== me?.id && !guests.some((g) => g.id === p.id));
  const errors = fieldErrors(create.error, ['plannedFor', 'classLabel', 'subject', 'grade']);

  const addGuest = (form: HTMLFormElement) => {
    const id = (form.elements.namedItem('personId') as HTMLSelectElement | null)?.value;
    const person = candidates.find((p) => p.id === id);
    if (person && guests.length < GUESTS_MAX) setGuests([...guests, person]);
  };
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    const grade = String(f.get('grade') ?? '');
    create.mutate(
      {
        institutionId,
        plannedFor: String(f.get('plannedFor')),
        classLabel: String(f.get('classLabel') ?? '').trim(),
        subject: String(f.get('subject') ?? '').trim(),
        grade: grade === '' ? null : Number(grade),
        focusAreaKeys: focus,
        guestIds: guests.map((g) => g.id),
      },
      { onSuccess: (v) => navigate(`/observation/besoeg/${v.id}/gennemfoer`) },
    );
  };
  return (
    <form onSubmit={submit} className="obs-self-form" noValidate>
      {institutions.length > 1 && (
        <SelectField
          label={t('observation.visit.institution')}
          value={institutionId}
          onChange={(e) => {
            setInstitutionId(e.target.value);
            setFocus([]);
            setGuests([]);
          }}
        >
          {institutions.map((i) => (
            <option key={i.id} value={i.id}>
              {i.name}
            </option>
          ))}
        </SelectField>
      )}
      <TextField
        label={t('observation.self.date')}
        name="plannedFor"
        type="date"
        defaultValue={today()}
        error={errors.plannedFor}
      />
      <TextField
        label={t('observation.self.classLabel')}
        name="classLabel"
        optional
        maxLength={50}
        error={errors.classLabel}
      />
      <TextField
        label={t('observation.self.subject')}
        name="subject"
        optional
        maxLength={80}
        error={errors.subject}
      />
      <SelectField
        label={t('observation.self.grade')}
        name="grade"
        optional
        defaultValue=""
        error={errors.grade}
      >
        <option value="">{t('observation.self.noGrade')}</option>
        {Array.from({ length: GRADE_MAX - GRADE_MIN + 1 }, (_, i) => GRADE_MIN + i).map((g) => (
          <option key={g} value={g}>
            {gradeLabel(t, g)}
          </option>
        ))}
      </SelectField>
      <fieldset className="field checkbox-group">
        <legend>{t('observation.self.focus')}</legend>
        <p className="hint">{t('observation.self.focusHint')}</p>
        {schema.isError && <p className="muted">{t('observation.self.focusAll')}</p>}
        {areas.map((a) => (
          <div key={a.key} className="checkbox">
            <input
              type="checkbox"
              id={`obs-focus-${a.key}`}
              checked={focus.includes(a.key)}
              onChange={(e) =>
                setFocus(e.target.checked ? [...focus, a.key] : focus.filter((k) => k !== a.key))
              }
            />
            <label htmlFor={`obs-focus-${a.key}`}>{a.title}</label>
          </div>
        ))}
      </fieldset>
      <fieldset className="field obs-guests">
        <legend>{t('observation.self.invite')}</legend>
        <p className="hint">{t('observation.self.inviteHint', { max: GUESTS_MAX })}</p>
        {guests.length > 0 && (
          <ul className="plain-list obs-guest-list">
            {guests.map((g) => (
              <li key={g.id}>
                {g.name}{' '}
                <button
                  type="button"
                  className="btn btn-link"
                  onClick={() => setGuests(guests.filter((x) => x.id !== g.id))}
                >
                  {t('observation.self.remove')}
                  <span className="sr-only">: {g.name}</span>
                </button>
              </li>
            ))}
          </ul>
        )}
        {guests.length < GUESTS_MAX && (
          <div className="obs-guest-picker">
            <PersonPicker
              q={q}
              onQ={setQ}
              candidates={candidates}
              busy={people.isFetching}
              labels={{
                filter: t('observation.self.searchColleague'),
                person: t('observation.self.colleague'),
                none: t('observation.self.noColleague'),
              }}
            />
            <Button
              variant="secondary"
              onClick={(e) => e.currentTarget.form && addGuest(e.currentTarget.form)}
            >
              {t('observation.self.addGuest')}
            </Button>
          </div>
        )}
      </fieldset>
      <RequestError error={create.error} />
      <Button type="submit" busy={create.isPending}>
        {t('observation.self.create')}
      </Button>
    </form>
  );
}
