import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { type CodeList, printCodes, type Round, useRound } from '../../../api/survey-admin';
import { ErrorAlert } from '../../../components/Alert';
import { Breadcrumbs } from '../../../components/Breadcrumbs';
import { Button } from '../../../components/Button';
import { SelectField } from '../../../components/Field';
import { QueryView } from '../../../components/QueryView';
import { useForm } from '../../../components/useForm';
import { usePageTitle } from '../../../components/usePageTitle';
import { day, roundPath, SURVEY_PATH, useOwnInstitutions } from './common';
import { formatCode } from './helpers';
import './survey-admin.css';

/** The printed sheet: one slip per person to cut out, each with the address, the code and the close day. */
function Sheet({ list }: { list: CodeList }) {
  const { t } = useTranslation();
  return (
    <section className="survey-sheet" aria-labelledby="survey-sheet-title">
      <div className="survey-sheet-head">
        <h2 id="survey-sheet-title">
          {list.roundName} · {list.institutionName}
        </h2>
        <p>{t('surveyAdmin.codes.sheetIntro', { url: list.url, day: day(list.closesOn) })}</p>
      </div>
      {list.codes.length === 0 ? (
        <p className="muted">{t('surveyAdmin.codes.none')}</p>
      ) : (
        <ul className="survey-slips">
          {list.codes.map((c) => (
            <li key={c.code} className="survey-slip">
              <p className="survey-slip-name">{c.name}</p>
              <p>{t('surveyAdmin.codes.slipGo', { url: list.url })}</p>
              <p>
                {t('surveyAdmin.codes.slipCode')} <code className="survey-code">{formatCode(c.code)}</code>
              </p>
              <p className="survey-slip-close">
                {t('surveyAdmin.codes.slipClose', { day: day(list.closesOn) })}
              </p>
              <p className="survey-slip-anon">{t('surveyAdmin.codes.slipAnon')}</p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function CodeListView({ round }: { round: Round }) {
  const { t } = useTranslation();
  usePageTitle(t('surveyAdmin.codes.title'));
  const own = useOwnInstitutions();
  const form = useForm(['institutionId'] as const);
  const [busy, setBusy] = useState(false);
  const [list, setList] = useState<CodeList | null>(null);
  // Forvaltning may print for every asked institution, a leder for their own.
  const choices = round.canManage
    ? round.institutions
    : round.institutions.filter((i) => own.some((o) => o.leder && o.id === i.id));

  async function make(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    if (busy) return;
    const f = new FormData(e.currentTarget);
    const institutionId = String(f.get('institutionId') ?? '');
    if (form.invalid({ institutionId: institutionId ? undefined : t('surveyAdmin.codes.chooseMissing') }))
      return;
    setBusy(true);
    setList(null);
    try {
      setList(
        await printCodes(round.id, { institutionId, onlyWithoutEmail: f.get('onlyWithoutEmail') === 'on' }),
      );
      form.reset();
    } catch (err) {
      form.failed(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <div className="survey-no-print">
        <h1>{t('surveyAdmin.codes.title')}</h1>
        <p className="lead">{t('surveyAdmin.codes.intro', { name: round.name })}</p>
        <div className="alert alert-warning survey-once">
          <strong>{t('surveyAdmin.codes.warningTitle')}</strong> {t('surveyAdmin.codes.warning')}
        </div>
        {round.state === 'closed' ? (
          <p className="muted">{t('surveyAdmin.codes.closed')}</p>
        ) : (
          <form ref={form.formRef} className="card stack" noValidate onSubmit={make}>
            <ErrorAlert message={form.summary} />
            <SelectField
              name="institutionId"
              label={t('surveyAdmin.codes.institution')}
              defaultValue={choices.length === 1 ? choices[0].id : ''}
              error={form.errors.institutionId}
            >
              <option value="" disabled>
                {t('surveyAdmin.codes.choose')}
              </option>
              {choices.map((i) => (
                <option key={i.id} value={i.id}>
                  {i.name}
                </option>
              ))}
            </SelectField>
            <div className="checkbox">
              <input type="checkbox" id="survey-only-no-email" name="onlyWithoutEmail" />
              <label htmlFor="survey-only-no-email">{t('surveyAdmin.codes.onlyWithoutEmail')}</label>
            </div>
            <div className="form-actions">
              <Button type="submit" busy={busy}>
                {t('surveyAdmin.codes.make')}
              </Button>
            </div>
          </form>
        )}
      </div>
      {list && (
        <>
          <div className="survey-no-print page-actions survey-print-bar">
            <p role="status">{t('surveyAdmin.codes.made', { count: list.codes.length })}</p>
            <Button onClick={() => window.print()}>{t('surveyAdmin.codes.print')}</Button>
          </div>
          <Sheet list={list} />
        </>
      )}
    </>
  );
}

/** /medarbejderundersoegelse/runder/:id/koder — fresh codes for staff who have not answered, printed on slips. */
export function CodeListPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const query = useRound(id);
  return (
    <div className="page survey-page survey-codes-page">
      <div className="survey-no-print">
        <Breadcrumbs
          items={[
            { to: SURVEY_PATH, label: t('surveyAdmin.title') },
            { to: roundPath(id), label: query.data?.name ?? t('surveyAdmin.round.title') },
            { label: t('surveyAdmin.codes.title') },
          ]}
        />
      </div>
      <QueryView query={query}>{(round) => <CodeListView round={round} />}</QueryView>
    </div>
  );
}
