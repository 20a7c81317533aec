import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router';
import {
  type Round,
  remindRound,
  surveyAdminKeys,
  updateRound,
  useRound,
  useSurveyRefresh,
} from '../../../api/survey-admin';
import { Notice, RequestError } from '../../../components/Alert';
import { Breadcrumbs } from '../../../components/Breadcrumbs';
import { Button } from '../../../components/Button';
import { ConfirmDialog, FormDialog } from '../../../components/Dialogs';
import { TextField } from '../../../components/Field';
import { QueryView } from '../../../components/QueryView';
import { usePageTitle } from '../../../components/usePageTitle';
import { day, ResponseLine, roundPath, StateBadge, SURVEY_PATH, useOwnInstitutions } from './common';
import { todayInCopenhagen } from './helpers';
import { ResponseTable } from './ResponseTable';
import './survey-admin.css';

/** Remind, move the close day, close now: the kommune's forvaltning while the round is not closed. */
function Actions({ round, onNotice }: { round: Round; onNotice: (m: string) => void }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const refresh = useSurveyRefresh();
  const [reminding, setReminding] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const today = todayInCopenhagen();
  const saved = async (next: Round, message: string) => {
    qc.setQueryData(surveyAdminKeys.round(round.id), next);
    await refresh();
    onNotice(message);
  };
  async function remind() {
    if (reminding) return;
    setReminding(true);
    setError(null);
    try {
      const r = await remindRound(round.id);
      onNotice(t('surveyAdmin.round.reminded', { count: r.reminded }));
    } catch (err) {
      setError(err);
    } finally {
      setReminding(false);
    }
  }
  return (
    <>
      <div className="page-actions survey-actions">
        {round.state === 'open' && (
          <Button variant="secondary" busy={reminding} onClick={remind}>
            {t('surveyAdmin.round.remind')}
          </Button>
        )}
        <FormDialog
          triggerLabel={t('surveyAdmin.round.move')}
          title={t('surveyAdmin.round.moveTitle')}
          submitLabel={t('surveyAdmin.round.moveSubmit')}
          fields={['closesOn'] as const}
          validate={(d) => {
            const v = String(d.get('closesOn') ?? '');
            return {
              closesOn: !v || v < today || v < round.opensOn ? t('surveyAdmin.round.moveInvalid') : undefined,
            };
          }}
          onSubmit={async (d) => {
            const closesOn = String(d.get('closesOn'));
            const next = await updateRound(round.id, { version: round.version, closesOn });
            await saved(next, t('surveyAdmin.round.moved', { day: day(closesOn) }));
          }}
        >
          {(errors) => (
            <TextField
              name="closesOn"
              type="date"
              label={t('surveyAdmin.round.newCloseDay')}
              hint={t('surveyAdmin.round.moveHint')}
              min={[today, round.opensOn].sort()[1]}
              defaultValue={round.closesOn}
              error={errors.closesOn}
            />
          )}
        </FormDialog>
        {round.state === 'open' && (
          <ConfirmDialog
            triggerLabel={t('surveyAdmin.round.closeNow')}
            title={t('surveyAdmin.round.closeTitle')}
            confirmLabel={t('surveyAdmin.round.closeNow')}
            onConfirm={async () => {
              const next = await updateRound(round.id, { version: round.version, closeNow: true });
              await saved(next, t('surveyAdmin.round.closed'));
            }}
          >
            <p>{t('surveyAdmin.round.closeText', { answered: round.answered, min: round.minGroup })}</p>
          </ConfirmDialog>
        )}
      </div>
      <RequestError error={error} />
    </>
  );
}

function RoundView({ round }: { round: Round }) {
  const { t } = useTranslation();
  const created = (useLocation().state as { created?: boolean } | null)?.created;
  const [notice, setNotice] = useState<string | null>(
    created ? t(`surveyAdmin.round.created_${round.state}`) : null,
  );
  const own = useOwnInstitutions();
  const leads = own.some((i) => i.leder && round.institutions.some((r) => r.id === i.id));
  const canCodes = round.state !== 'closed' && (round.canManage || leads);
  usePageTitle(round.name);
  return (
    <>
      <div className="survey-title">
        <h1>{round.name}</h1>
        <StateBadge state={round.state} />
      </div>
      <Notice message={notice} />
      <dl className="meta-list">
        <div>
          <dt>{t('surveyAdmin.round.questionnaire')}</dt>
          <dd>{t('surveyAdmin.questionnaireName', round.questionnaire)}</dd>
        </div>
        <div>
          <dt>{t('surveyAdmin.round.opens')}</dt>
          <dd>{day(round.opensOn)}</dd>
        </div>
        <div>
          <dt>{t('surveyAdmin.round.closes')}</dt>
          <dd>
            {round.closedOn && round.closedOn !== round.closesOn
              ? t('surveyAdmin.round.closedEarly', { day: day(round.closedOn), planned: day(round.closesOn) })
              : day(round.closesOn)}
          </dd>
        </div>
        <div>
          <dt>{t('surveyAdmin.round.minGroup')}</dt>
          <dd>{t('surveyAdmin.round.minGroupValue', { count: round.minGroup })}</dd>
        </div>
        <div>
          <dt>{t('surveyAdmin.round.responseHeading')}</dt>
          <dd>
            <ResponseLine round={round} />
          </dd>
        </div>
      </dl>
      {round.canManage && round.state !== 'closed' && <Actions round={round} onNotice={setNotice} />}
      <div className="survey-links">
        {round.state === 'closed' && (
          <Link className="btn btn-primary" to={`${roundPath(round.id)}/resultater`}>
            {t('surveyAdmin.results')}
          </Link>
        )}
        {canCodes && (
          <Link className="btn btn-secondary" to={`${roundPath(round.id)}/koder`}>
            {t('surveyAdmin.round.codes')}
          </Link>
        )}
      </div>
      {canCodes && round.unsentInvitations > 0 && (
        <p className="hint">{t('surveyAdmin.round.unsent', { count: round.unsentInvitations })}</p>
      )}
      <section className="survey-response-section" aria-labelledby="survey-response">
        <h2 id="survey-response">{t('surveyAdmin.round.responseHeading')}</h2>
        <p className="hint">{t('surveyAdmin.round.responseHint', { n: round.minGroup })}</p>
        <ResponseTable round={round} />
      </section>
    </>
  );
}

/** /medarbejderundersoegelse/runder/:id — a round's state, dates and response, and forvaltning's actions. */
export function RoundPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const query = useRound(id);
  return (
    <div className="page survey-page">
      <Breadcrumbs
        items={[
          { to: SURVEY_PATH, label: t('surveyAdmin.title') },
          { label: query.data?.name ?? t('surveyAdmin.round.title') },
        ]}
      />
      <QueryView query={query}>{(round) => <RoundView key={round.id} round={round} />}</QueryView>
    </div>
  );
}
