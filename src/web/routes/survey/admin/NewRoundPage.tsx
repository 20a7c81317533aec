import { type FormEvent, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { SURVEY_LIMITS as L } from '../../../../shared/survey';
import {
  createRound,
  useKommuneInstitutions,
  useQuestionnaires,
  useSurveyRefresh,
} from '../../../api/survey-admin';
import { ErrorAlert, Loading, RequestError } from '../../../components/Alert';
import { Breadcrumbs } from '../../../components/Breadcrumbs';
import { Button } from '../../../components/Button';
import { SelectField, TextField } from '../../../components/Field';
import { useForm } from '../../../components/useForm';
import { usePageTitle } from '../../../components/usePageTitle';
import { day, roundPath, SURVEY_PATH, useSurveyKommuner } from './common';
import { addDays, datesProblem, todayInCopenhagen, toggleType } from './helpers';
import './survey-admin.css';

const FIELDS = ['name', 'questionnaireId', 'opensOn', 'closesOn', 'institutionIds', 'minGroup'] as const;
const TYPES = ['skole', 'dagtilbud', 'klub'] as const;

/** The institutions to ask: a checkbox each, and "Vælg alle skoler / dagtilbud / klubber". */
function InstitutionChoice({
  kommuneId,
  selected,
  setSelected,
  error,
}: {
  kommuneId: string;
  selected: Set<string>;
  setSelected: (s: Set<string>) => void;
  error?: string;
}) {
  const { t } = useTranslation();
  const query = useKommuneInstitutions(kommuneId);
  if (query.isPending) return <Loading />;
  if (query.isError) return <RequestError error={query.error} />;
  const list = [...query.data.items].sort((a, b) => a.name.localeCompare(b.name, 'da'));
  const types = TYPES.filter((type) => list.some((i) => i.type === type));
  return (
    <fieldset
      className={`field checkbox-group survey-institutions${error ? ' has-error' : ''}`}
      aria-describedby={error ? 'survey-inst-error' : 'survey-inst-count'}
    >
      <legend>{t('surveyAdmin.new.institutions')}</legend>
      {error && (
        <p id="survey-inst-error" className="field-error">
          <span className="sr-only">{t('common.errorPrefix')} </span>
          {error}
        </p>
      )}
      <div className="page-actions survey-select-all">
        {types.map((type) => {
          const all = list.filter((i) => i.type === type).every((i) => selected.has(i.id));
          return (
            <Button
              key={type}
              variant="secondary"
              aria-pressed={all}
              onClick={() => setSelected(toggleType(selected, list, type))}
            >
              {t(`surveyAdmin.new.selectAll.${type}`)}
            </Button>
          );
        })}
      </div>
      <p id="survey-inst-count" className="hint" aria-live="polite">
        {t('surveyAdmin.new.selectedCount', { count: selected.size, total: list.length })}
      </p>
      <div className="survey-institution-list">
        {list.map((i) => (
          <div className="checkbox" key={i.id}>
            <input
              type="checkbox"
              id={`survey-inst-${i.id}`}
              checked={selected.has(i.id)}
              aria-invalid={error ? true : undefined}
              onChange={(e) => {
                const next = new Set(selected);
                if (e.currentTarget.checked) next.add(i.id);
                else next.delete(i.id);
                setSelected(next);
              }}
            />
            <label htmlFor={`survey-inst-${i.id}`}>
              {i.name} <span className="muted">({t(`surveyAdmin.institutionType.${i.type}`)})</span>
            </label>
          </div>
        ))}
      </div>
    </fieldset>
  );
}

/** /medarbejderundersoegelse/ny — forvaltning starts a round: questionnaire, dates, institutions, minimum group. */
export function NewRoundPage() {
  const { t } = useTranslation();
  usePageTitle(t('surveyAdmin.new.title'));
  const navigate = useNavigate();
  const refresh = useSurveyRefresh();
  const kommuner = useSurveyKommuner();
  const [params, setParams] = useSearchParams();
  const kommune = kommuner.find((k) => k.id === params.get('kommuneId')) ?? kommuner[0];
  const questionnaires = useQuestionnaires(kommune?.id);
  const published = useMemo(
    () => (questionnaires.data ?? []).filter((q) => q.state === 'published'),
    [questionnaires.data],
  );
  const today = todayInCopenhagen();
  const [opensOn, setOpensOn] = useState(today);
  const [closesOn, setClosesOn] = useState(addDays(today, 14));
  const [minGroup, setMinGroup] = useState(String(L.minGroup));
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [busy, setBusy] = useState(false);
  const form = useForm(FIELDS);

  if (!kommune) return <p className="muted">{t('surveyAdmin.notForvaltning')}</p>;

  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    if (busy || !kommune) return;
    const f = new FormData(e.currentTarget);
    const name = String(f.get('name') ?? '').trim();
    const questionnaireId = String(f.get('questionnaireId') ?? '');
    const min = Number(minGroup);
    const dates = datesProblem({ opensOn, closesOn }, today);
    const errors = {
      name: name ? undefined : t('surveyAdmin.new.errors.name'),
      questionnaireId: questionnaireId ? undefined : t('surveyAdmin.new.errors.questionnaire'),
      opensOn: dates.opensOn && t(`surveyAdmin.new.errors.${dates.opensOn}`),
      closesOn: dates.closesOn && t(`surveyAdmin.new.errors.${dates.closesOn}`),
      institutionIds: selected.size ? undefined : t('surveyAdmin.new.errors.institutions'),
      minGroup:
        Number.isInteger(min) && min >= L.minGroupFloor && min <= L.minGroupMax
          ? undefined
          : t('surveyAdmin.new.errors.minGroup', { min: L.minGroupFloor, max: L.minGroupMax }),
    };
    if (form.invalid(errors)) return;
    setBusy(true);
    try {
      const round = await createRound({
        kommuneId: kommune.id,
        questionnaireId,
        name,
        opensOn,
        closesOn,
        institutionIds: [...selected],
        minGroup: min,
      });
      await refresh();
      navigate(roundPath(round.id), { state: { created: true } });
    } catch (err) {
      form.failed(err);
      setBusy(false);
    }
  }

  const opensToday = opensOn === today;
  const shownMin = Number(minGroup) >= L.minGroupFloor ? Number(minGroup) : L.minGroup;
  return (
    <div className="page-narrow survey-page">
      <Breadcrumbs
        items={[{ to: SURVEY_PATH, label: t('surveyAdmin.title') }, { label: t('surveyAdmin.new.title') }]}
      />
      <h1>{t('surveyAdmin.new.title')}</h1>
      <p className="lead">{t('surveyAdmin.new.intro', { kommune: kommune.name })}</p>
      {kommuner.length > 1 && (
        <SelectField
          label={t('surveyAdmin.kommune')}
          value={kommune.id}
          onChange={(e) => setParams({ kommuneId: e.currentTarget.value }, { replace: true })}
        >
          {kommuner.map((k) => (
            <option key={k.id} value={k.id}>
              {k.name}
            </option>
          ))}
        </SelectField>
      )}
      <form ref={form.formRef} className="stack" noValidate onSubmit={submit}>
        <ErrorAlert message={form.summary} />
        <TextField
          name="name"
          label={t('surveyAdmin.new.name')}
          hint={t('surveyAdmin.new.nameHint')}
          maxLength={L.roundName}
          error={form.errors.name}
        />
        {questionnaires.isPending ? (
          <Loading />
        ) : questionnaires.isError ? (
          <RequestError error={questionnaires.error} />
        ) : (
          <SelectField
            key={kommune.id}
            name="questionnaireId"
            label={t('surveyAdmin.new.questionnaire')}
            hint={t('surveyAdmin.new.questionnaireHint')}
            error={
              form.errors.questionnaireId ?? (published.length ? undefined : t('surveyAdmin.new.noPublished'))
            }
            defaultValue={published[0]?.id ?? ''}
          >
            {published.map((q) => (
              <option key={q.id} value={q.id}>
                {t('surveyAdmin.questionnaireOption', {
                  name: q.name,
                  version: q.version,
                  count: q.itemCount,
                })}
              </option>
            ))}
          </SelectField>
        )}
        <div className="form-row survey-dates">
          <TextField
            name="opensOn"
            type="date"
            label={t('surveyAdmin.new.opensOn')}
            min={today}
            value={opensOn}
            onChange={(e) => setOpensOn(e.currentTarget.value)}
            error={form.errors.opensOn}
          />
          <TextField
            name="closesOn"
            type="date"
            label={t('surveyAdmin.new.closesOn')}
            min={opensOn || today}
            value={closesOn}
            onChange={(e) => setClosesOn(e.currentTarget.value)}
            error={form.errors.closesOn}
          />
        </div>
        <InstitutionChoice
          kommuneId={kommune.id}
          selected={selected}
          setSelected={setSelected}
          error={form.errors.institutionIds}
        />
        <TextField
          name="minGroup"
          type="number"
          inputMode="numeric"
          min={L.minGroupFloor}
          max={L.minGroupMax}
          className="survey-min-group"
          label={t('surveyAdmin.new.minGroup')}
          hint={t('surveyAdmin.new.minGroupHint', { min: L.minGroupFloor, default: L.minGroup })}
          value={minGroup}
          onChange={(e) => setMinGroup(e.currentTarget.value)}
          error={form.errors.minGroup}
        />
        <section className="card survey-summary" aria-labelledby="survey-what">
          <h2 id="survey-what">{t('surveyAdmin.new.summary.heading')}</h2>
          <ul>
            <li>
              {opensToday
                ? t('surveyAdmin.new.summary.opensToday', { count: selected.size })
                : t('surveyAdmin.new.summary.opensLater', { count: selected.size, day: day(opensOn) })}
            </li>
            <li>{t('surveyAdmin.new.summary.codes')}</li>
            <li>{t('surveyAdmin.new.summary.reminders')}</li>
            <li>{t('surveyAdmin.new.summary.anonymous')}</li>
            <li>{t('surveyAdmin.new.summary.results', { day: day(closesOn), min: shownMin })}</li>
          </ul>
        </section>
        <div className="form-actions">
          <Button type="submit" busy={busy}>
            {opensToday ? t('surveyAdmin.new.submitNow') : t('surveyAdmin.new.submitLater')}
          </Button>
        </div>
      </form>
    </div>
  );
}
