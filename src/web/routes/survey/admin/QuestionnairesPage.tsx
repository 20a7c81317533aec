import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useMe } from '../../../api/people';
import {
  newQuestionnaireVersion,
  type QuestionnaireSummary,
  useQuestionnaires,
  useSurveyRefresh,
} from '../../../api/survey-admin';
import { RequestError } from '../../../components/Alert';
import { Breadcrumbs } from '../../../components/Breadcrumbs';
import { Button } from '../../../components/Button';
import { SelectField } from '../../../components/Field';
import { QueryView } from '../../../components/QueryView';
import { TableWrap } from '../../../components/TableWrap';
import { usePageTitle } from '../../../components/usePageTitle';
import { questionnairePath, SURVEY_PATH, useSurveyKommuner } from './common';
import './survey-admin.css';

/** "Ny version": a draft copy of a published version, for the kommune (an administrator: the instance's own). */
export function NewVersionButton({ q, kommuneId }: { q: QuestionnaireSummary; kommuneId: string | null }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const refresh = useSurveyRefresh();
  const admin = !!useMe().data?.capabilities.administer;
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  // The instance's questionnaire stays the instance's for an administrator; a kommune copies it as its own.
  const target = admin && q.kommuneId === null ? null : (q.kommuneId ?? kommuneId);
  return (
    <>
      <Button
        variant="secondary"
        busy={busy}
        onClick={async () => {
          setBusy(true);
          setError(null);
          try {
            const made = await newQuestionnaireVersion(q.id, target);
            await refresh();
            navigate(questionnairePath(made.id));
          } catch (err) {
            setError(err);
            setBusy(false);
          }
        }}
      >
        {t('surveyAdmin.questionnaires.newVersion')}
        <span className="sr-only"> {t('surveyAdmin.questionnaireName', q)}</span>
      </Button>
      <RequestError error={error} />
    </>
  );
}

function Table({ list, kommuneId }: { list: QuestionnaireSummary[]; kommuneId: string }) {
  const { t } = useTranslation();
  const sorted = [...list].sort(
    (a, b) => a.name.localeCompare(b.name, 'da') || a.family.localeCompare(b.family) || b.version - a.version,
  );
  return (
    <TableWrap label={t('surveyAdmin.questionnaires.title')}>
      <table className="survey-versions">
        <thead>
          <tr>
            <th scope="col">{t('surveyAdmin.questionnaires.name')}</th>
            <th scope="col">{t('surveyAdmin.questionnaires.state')}</th>
            <th scope="col">{t('surveyAdmin.questionnaires.owner')}</th>
            <th scope="col" className="num">
              {t('surveyAdmin.questionnaires.items')}
            </th>
            <th scope="col" className="num">
              {t('surveyAdmin.questionnaires.rounds')}
            </th>
            <th scope="col">
              <span className="sr-only">{t('surveyAdmin.questionnaires.actions')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {sorted.map((q) => (
            <tr key={q.id}>
              <th scope="row">
                <Link to={questionnairePath(q.id)}>{t('surveyAdmin.questionnaireName', q)}</Link>
              </th>
              <td>
                <span className={`badge ${q.state === 'published' ? 'badge-active' : 'badge-info'}`}>
                  {t(`surveyAdmin.questionnaireState.${q.state}`)}
                </span>
              </td>
              <td>
                {q.kommuneId
                  ? t('surveyAdmin.questionnaires.ownKommune')
                  : t('surveyAdmin.questionnaires.instance')}
              </td>
              <td className="num">{q.itemCount}</td>
              <td className="num">{q.roundCount}</td>
              <td>{q.state === 'published' && <NewVersionButton q={q} kommuneId={kommuneId} />}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}

/** /medarbejderundersoegelse/spoergeskemaer — the questionnaire versions a kommune may use and edit. */
export function QuestionnairesPage() {
  const { t } = useTranslation();
  usePageTitle(t('surveyAdmin.questionnaires.title'));
  const kommuner = useSurveyKommuner(true);
  const [params, setParams] = useSearchParams();
  const kommune = kommuner.find((k) => k.id === params.get('kommuneId')) ?? kommuner[0];
  const query = useQuestionnaires(kommune?.id);
  return (
    <div className="page survey-page">
      <Breadcrumbs
        items={[
          { to: SURVEY_PATH, label: t('surveyAdmin.title') },
          { label: t('surveyAdmin.questionnaires.title') },
        ]}
      />
      <h1>{t('surveyAdmin.questionnaires.title')}</h1>
      <p className="lead">{t('surveyAdmin.questionnaires.intro')}</p>
      {!kommune ? (
        <p className="muted">{t('surveyAdmin.notForvaltning')}</p>
      ) : (
        <>
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
          <QueryView query={query} empty={query.data?.length === 0 && t('surveyAdmin.questionnaires.empty')}>
            {(list) => <Table list={list} kommuneId={kommune.id} />}
          </QueryView>
        </>
      )}
    </div>
  );
}
