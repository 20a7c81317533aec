import { useTranslation } from 'react-i18next';
import { useParams, useSearchParams } from 'react-router';
import { Breadcrumbs } from '../../../components/Breadcrumbs';
import { SelectField } from '../../../components/Field';
import { QueryView } from '../../../components/QueryView';
import { usePageTitle } from '../../../components/usePageTitle';
import { currentLocale } from '../../../i18n';
import { downloadUrl, useResults, useRound } from './api';
import { formatDay } from './format';
import { GroupsTable, ItemsTable, OpenAnswers } from './ResultsTables';
import './results.css';

/**
 * /medarbejderundersoegelse/runder/:id/resultater — a closed round's results, only for groups large enough.
 * Forvaltning sees the whole round and may narrow it to one institution; a leader or staff member is shown their
 * own institution's (the server chooses it).
 */
export function ResultsPage() {
  const { t, i18n } = useTranslation();
  const { id = '' } = useParams();
  const [search, setSearch] = useSearchParams();
  const institutionId = search.get('institution') || undefined;
  const results = useResults(id, institutionId, i18n.language);
  const summary = results.data?.round;
  const round = useRound(id, !!summary?.canManage);
  const institutions = round.data?.institutions ?? [];
  const name = summary?.name ?? '';
  usePageTitle(name ? t('survey.results.title', { name }) : t('survey.results.heading'));
  const locale = currentLocale();
  const opts = { showInstitution: !institutionId, whole: institutionId ? 'institution' : 'kommune' } as const;
  // A leader's own institution: the results hold only its lines (one institution, no kommune line).
  const single = results.data ? !results.data.groups.some((g) => g.institutionId === null) : false;

  return (
    <div className="page sv-results">
      <Breadcrumbs
        items={[
          { to: '/medarbejderundersoegelse', label: t('survey.nav') },
          ...(summary?.canManage
            ? [{ to: `/medarbejderundersoegelse/runder/${id}`, label: name || t('survey.results.round') }]
            : []),
          { label: t('survey.results.heading') },
        ]}
      />
      <h1>{name ? t('survey.results.title', { name }) : t('survey.results.heading')}</h1>
      <QueryView query={results}>
        {(res) => (
          <div aria-busy={results.isPlaceholderData || undefined}>
            <p className="lead">
              {t('survey.results.intro', {
                opens: formatDay(res.round.opensOn, locale),
                closes: formatDay(res.round.closedOn ?? res.round.closesOn, locale),
                questionnaire: res.round.questionnaire.name,
                version: res.round.questionnaire.version,
              })}{' '}
              {t('survey.results.minGroup', { n: res.round.minGroup })}
            </p>
            <div className="sv-toolbar">
              {res.round.canManage && institutions.length > 0 && (
                <SelectField
                  label={t('survey.results.institution')}
                  value={institutionId ?? ''}
                  onChange={(e) =>
                    setSearch(e.target.value ? { institution: e.target.value } : {}, { replace: true })
                  }
                  className="sv-picker"
                >
                  <option value="">{t('survey.results.allInstitutions')}</option>
                  {institutions.map((i) => (
                    <option key={i.id} value={i.id}>
                      {i.name}
                    </option>
                  ))}
                </SelectField>
              )}
              <p className="sv-downloads">
                <span>{t('survey.download')}</span>
                <a href={downloadUrl(`/survey/rounds/${id}/results.csv`, { institutionId })} download>
                  {t('survey.csv')}
                </a>
                <a href={downloadUrl(`/survey/rounds/${id}/results.xlsx`, { institutionId })} download>
                  {t('survey.xlsx')}
                </a>
              </p>
            </div>
            <section aria-labelledby="sv-groups">
              <h2 id="sv-groups">{t('survey.results.groupsHeading')}</h2>
              <p className="muted">{t('survey.results.groupsIntro')}</p>
              <GroupsTable
                results={res}
                opts={single ? { showInstitution: false, whole: 'institution' } : opts}
              />
              {res.groups.some((g) => g.withheld) && (
                <p className="hint">{t('survey.results.withheldNote', { n: res.round.minGroup })}</p>
              )}
            </section>
            <section aria-labelledby="sv-items">
              <h2 id="sv-items">{t('survey.results.itemsHeading')}</h2>
              <ItemsTable
                results={res}
                opts={single ? { showInstitution: false, whole: 'institution' } : opts}
              />
            </section>
            <section aria-labelledby="sv-open">
              <h2 id="sv-open">{t('survey.results.textsHeading')}</h2>
              <p className="muted">{t('survey.results.textsIntro')}</p>
              <OpenAnswers results={res} showInstitution={!institutionId && !single} />
            </section>
          </div>
        )}
      </QueryView>
    </div>
  );
}
