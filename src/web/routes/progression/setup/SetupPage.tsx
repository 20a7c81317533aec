import { type FormEvent, useId, useState } from 'react';
import { useParams } from 'react-router';
import { PROGRESSION_LIMITS } from '../../../../shared/progression';
import {
  type ProgressionSetup,
  updateSettings,
  useProgressionRefresh,
  useProgressionSetup,
} from '../../../api/progression';
import { ErrorAlert, Notice } from '../../../components/Alert';
import { Breadcrumbs } from '../../../components/Breadcrumbs';
import { Button } from '../../../components/Button';
import { TextField } from '../../../components/Field';
import { QueryView } from '../../../components/QueryView';
import { useForm } from '../../../components/useForm';
import { usePageTitle } from '../../../components/usePageTitle';
import type { WordsT } from '../../../i18n/words';
import { useProgressionWords } from '../status';
import { AreasSection, PeriodsSection } from './AreasPeriods';
import { GroupsSection } from './GroupsSection';
import '../progression.css';

/** /progression/institution/:id/opsaetning — leaders: names, retention, areas, periods, groups, delegations. */
export function SetupPage() {
  const { id } = useParams();
  const setup = useProgressionSetup(id);
  return (
    <div className="page">
      <QueryView query={setup}>{(data) => <SetupView setup={data} />}</QueryView>
    </div>
  );
}

function SetupView({ setup }: { setup: ProgressionSetup }) {
  const { t } = useProgressionWords(setup.institution);
  const title = `${t('progression.setup.title')}: ${setup.institution.name}`;
  usePageTitle(title);
  return (
    <>
      <Breadcrumbs
        items={[
          { to: '/progression', label: t('progression.title') },
          { to: `/progression/institution/${setup.institution.id}`, label: setup.institution.name },
          { label: t('progression.setup.title') },
        ]}
      />
      <h1>{title}</h1>
      <p className="lead">{t('progression.setup.intro')}</p>
      <SettingsSection setup={setup} t={t} />
      <AreasSection setup={setup} t={t} />
      <PeriodsSection setup={setup} t={t} />
      <GroupsSection setup={setup} t={t} />
    </>
  );
}

function SettingsSection({ setup, t }: { setup: ProgressionSetup; t: WordsT }) {
  const id = useId();
  const refresh = useProgressionRefresh();
  const form = useForm(['retentionMonths'] as const);
  const [names, setNames] = useState(setup.settings.showFullNames);
  const [months, setMonths] = useState(String(setup.settings.retentionMonths));
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState<string | null>(null);
  const erasing = setup.settings.showFullNames && !names;
  const { min, max } = PROGRESSION_LIMITS.retentionMonths;

  async function submit(e: FormEvent) {
    e.preventDefault();
    setSaved(null);
    const n = Number(months);
    if (
      form.invalid({
        retentionMonths:
          Number.isInteger(n) && n >= min && n <= max
            ? undefined
            : t('progression.setup.retentionInvalid', { min, max }),
      })
    )
      return;
    setBusy(true);
    try {
      await updateSettings(setup.institution.id, { showFullNames: names, retentionMonths: n });
      form.reset();
      await refresh();
      setSaved(t(erasing ? 'progression.setup.namesErased' : 'progression.setup.saved'));
    } catch (err) {
      form.failed(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="card prog-setup-section" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{t('progression.setup.settings')}</h2>
      <form ref={form.formRef} onSubmit={submit} noValidate>
        <ErrorAlert message={form.summary} />
        <div className="checkbox">
          <input
            id={`${id}-names`}
            type="checkbox"
            checked={names}
            aria-describedby={`${id}-names-hint`}
            onChange={(e) => setNames(e.target.checked)}
          />
          <label htmlFor={`${id}-names`}>{t('progression.setup.names')}</label>
        </div>
        <p id={`${id}-names-hint`} className="hint">
          {t('progression.setup.namesHint')}
        </p>
        {erasing && (
          <div className="alert alert-error" role="alert">
            {t('progression.setup.namesOffWarning')}
          </div>
        )}
        <TextField
          label={t('progression.setup.retention')}
          hint={t('progression.setup.retentionHint')}
          inputMode="numeric"
          className="field-narrow"
          value={months}
          onChange={(e) => setMonths(e.target.value)}
          error={form.errors.retentionMonths}
        />
        <Button type="submit" busy={busy} variant={erasing ? 'danger' : 'primary'}>
          {t(erasing ? 'progression.setup.saveErase' : 'progression.setup.save')}
        </Button>
        <Notice message={saved} />
      </form>
    </section>
  );
}
