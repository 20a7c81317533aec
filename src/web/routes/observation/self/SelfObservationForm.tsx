import { type FormEvent, useState } from 'react';
import { useNavigate } from 'react-router';
import { GUESTS_MAX } from '../../../../shared/observation';
import { fieldErrors } from '../../../api/client';
import {
  type ObservationMe,
  type PersonRef,
  useColleagues,
  useCreateSelfObservation,
  useSchemaOverview,
} from '../../../api/observation';
import { useMe } from '../../../api/people';
import { RequestError } from '../../../components/Alert';
import { Button } from '../../../components/Button';
import { SelectField } from '../../../components/Field';
import { PersonPicker } from '../../../components/PersonPicker';
import { useWords } from '../../../i18n/words';
import { readVisitFields, VISIT_FIELDS, VisitFields } from '../visits/VisitFields';

/** A new self-observation: when, which class, which focus areas, and up to five invited colleagues. */
export function SelfObservationForm({ institutions }: { institutions: ObservationMe['institutions'] }) {
  const navigate = useNavigate();
  const { data: me } = useMe();
  const [institutionId, setInstitutionId] = useState(institutions[0]?.id ?? '');
  const { t } = useWords(institutionId);
  const [guests, setGuests] = useState<PersonRef[]>([]);
  const [q, setQ] = useState('');
  const schema = useSchemaOverview(institutionId);
  const people = useColleagues(institutionId, q);
  const create = useCreateSelfObservation();
  const areas = schema.data?.current?.definition.focusAreas ?? [];
  const candidates = (people.data ?? []).filter((p) => p.id !== me?.id && !guests.some((g) => g.id === p.id));
  const errors = fieldErrors(create.error, [...VISIT_FIELDS]);

  const addGuest = (form: HTMLFormElement) => {
    const id = (form.elements.namedItem('personId') as HTMLSelectElement | null)?.value;
    const person = candidates.find((p) => p.id === id);
    if (person && guests.length < GUESTS_MAX) setGuests([...guests, person]);
  };
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const fields = readVisitFields(new FormData(e.currentTarget));
    create.mutate(
      { institutionId, ...fields, grade: fields.grade ?? null, guestIds: guests.map((g) => g.id) },
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
      <VisitFields
        key={institutionId}
        institutionId={institutionId}
        areas={areas}
        required={false}
        errors={errors}
      />
      {schema.isError && <p className="muted">{t('observation.self.focusAll')}</p>}
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
