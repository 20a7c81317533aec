import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { errorMessage } from '../../../api/client';
import { useMe } from '../../../api/people';
import { type MySurveys, myLink, useMySurveys, useRoundLists } from '../../../api/survey-admin';
import { ErrorAlert, Loading, RequestError } from '../../../components/Alert';
import { Button } from '../../../components/Button';
import { usePageTitle } from '../../../components/usePageTitle';
import { day, RoundList, SURVEY_PATH, useOwnInstitutions, useSurveyKommuner } from './common';
import './survey-admin.css';

/** "Du er inviteret — Besvar nu": a fresh personal link, then the answer form. */
function Invitations({ items }: { items: MySurveys }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  if (items.length === 0) return null;
  async function answer(roundId: string) {
    if (busy) return;
    setBusy(roundId);
    setError(null);
    try {
      const { token } = await myLink(roundId);
      navigate(`/svar#${encodeURIComponent(token)}`);
    } catch (err) {
      setError(errorMessage(err));
      setBusy(null);
    }
  }
  return (
    <section className="card survey-invited" aria-labelledby="survey-invited">
      <h2 id="survey-invited">{t('surveyAdmin.invited.heading')}</h2>
      <ErrorAlert message={error} />
      <ul className="plain-list">
        {items.map((s) => (
          <li key={s.roundId} className="survey-invitation">
            <p>
              <strong>{s.roundName}</strong> · {s.institutionName}
              <br />
              <span className="muted">{t('surveyAdmin.invited.closes', { day: day(s.closesOn) })}</span>
            </p>
            <Button busy={busy === s.roundId} onClick={() => answer(s.roundId)}>
              {t('surveyAdmin.invited.answer')}
              <span className="sr-only"> {s.roundName}</span>
            </Button>
          </li>
        ))}
      </ul>
      <p className="hint">{t('surveyAdmin.invited.hint')}</p>
    </section>
  );
}

function KommuneRounds({
  kommune,
  several,
  query,
}: {
  kommune: { id: string; name: string };
  several: boolean;
  query: ReturnType<typeof useRoundLists>[number];
}) {
  const { t } = useTranslation();
  const q = several ? `?kommuneId=${kommune.id}` : '';
  return (
    <section className="survey-section" aria-labelledby={`survey-k-${kommune.id}`}>
      <div className="section-head">
        <h2 id={`survey-k-${kommune.id}`}>{t('surveyAdmin.home.kommuneRounds', { name: kommune.name })}</h2>
        <div className="page-actions">
          <Link className="btn btn-primary" to={`${SURVEY_PATH}/ny${q}`}>
            {t('surveyAdmin.home.newRound')}
            {several && <span className="sr-only"> {kommune.name}</span>}
          </Link>
        </div>
      </div>
      <ul className="survey-links">
        <li>
          <Link to={`${SURVEY_PATH}/spoergeskemaer${q}`}>{t('surveyAdmin.home.questionnaires')}</Link>
        </li>
        <li>
          <Link to={`${SURVEY_PATH}/analyse${q}`}>{t('surveyAdmin.home.analysis')}</Link>
        </li>
      </ul>
      {query.isPending ? (
        <Loading />
      ) : query.isError ? (
        <RequestError error={query.error} />
      ) : (
        <RoundList rounds={query.data} canOpen empty={t('surveyAdmin.home.noKommuneRounds')} />
      )}
    </section>
  );
}

/**
 * /medarbejderundersoegelse — forvaltning: the kommune's rounds and "Ny runde"; leaders and staff: the rounds that
 * asked their institution (results once closed); everyone: their own open invitation.
 */
export function SurveyHome() {
  const { t } = useTranslation();
  usePageTitle(t('surveyAdmin.title'));
  const me = useMe().data;
  const admin = !!me?.capabilities.administer;
  const kommuner = useSurveyKommuner();
  const institutions = useOwnInstitutions();
  const mine = useMySurveys(!!me);
  const lists = useRoundLists([
    ...kommuner.map((k) => ({ kommuneId: k.id })),
    ...institutions.map((i) => ({ institutionId: i.id })),
  ]);
  const opensRound = (institutionId: string) =>
    me?.grants.some(
      (g) => g.institutionId === institutionId && (g.role === 'leder' || g.role === 'ressourceperson'),
    ) ?? false;

  return (
    <div className="page survey-page">
      <h1>{t('surveyAdmin.title')}</h1>
      <p className="lead">{t('surveyAdmin.home.intro')}</p>
      {mine.isError ? <RequestError error={mine.error} /> : <Invitations items={mine.data ?? []} />}
      {kommuner.map((k, i) => (
        <KommuneRounds key={k.id} kommune={k} several={kommuner.length > 1} query={lists[i]} />
      ))}
      {institutions.map((inst, i) => {
        const query = lists[kommuner.length + i];
        return (
          <section key={inst.id} className="survey-section" aria-labelledby={`survey-i-${inst.id}`}>
            <h2 id={`survey-i-${inst.id}`}>{t('surveyAdmin.home.institutionRounds', { name: inst.name })}</h2>
            {query.isPending ? (
              <Loading />
            ) : query.isError ? (
              <RequestError error={query.error} />
            ) : (
              <RoundList
                rounds={query.data}
                canOpen={opensRound(inst.id)}
                empty={t('surveyAdmin.home.noInstitutionRounds')}
              />
            )}
          </section>
        );
      })}
      {admin && kommuner.length === 0 && (
        <p>
          <Link to={`${SURVEY_PATH}/spoergeskemaer`}>{t('surveyAdmin.home.questionnaires')}</Link>
        </p>
      )}
      {kommuner.length === 0 && institutions.length === 0 && !admin && (
        <p className="muted">{t('surveyAdmin.home.nothing')}</p>
      )}
      <section className="survey-section survey-anonymity" aria-labelledby="survey-anon">
        <h2 id="survey-anon">{t('surveyAdmin.home.anonymityHeading')}</h2>
        <p>{t('surveyAdmin.home.anonymity')}</p>
      </section>
    </div>
  );
}
