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

/** /medarbejderundersoegelse/runder/:id/resultater — a closed round's results, only for groups large enough. */
export function ResultsPage() {
  const { t, i18n } = useTranslation();
  const { id = '' } = useParams();
  const [search, setSearch] = useSearchParams();
  const round = useRound(id);
  const institutions = round.data?.institutions ?? [];
  // Forvaltning may see the whole round; a leader or staff member sees their own institution's lines.
  const canWhole = !!round.data?.canManage;
  const asked = search.get('institution') ?? '';
  const institutionId =
    institutions.find((i) => i.id === asked)?.id ?? (canWhole ? undefined : institutions[0]?.id);
  const results = useResults(id, institutionId, i18n.language, round.isSuccess);
  const name = round.data?.name ?? '';
  usePageTitle(name ? t('survey.results.title', { name }) : t('survey.results.heading'));
  const locale = currentLocale();
  const opts = { showInstitution: !institutionId, whole: institutionId ? 'institution' : 'kommune' } as const;

  return (
    <div className="page sv-results">
      <Breadcrumbs
        items={[
          { to: '/medarbejderundersoegelse', label: t('survey.nav') },
          { to: `/medarbejderundersoegelse/runder/${id}`, label: name || t('survey.results.round') },
          { label: t('survey.results.heading') },
        ]}
      />
      <h1>{name ? t('survey.results.title', { name }) : t('survey.results.heading')}</h1>
      <QueryView query={round}>
        {(r) => (
          <>
            <p className="lead">
              {t('survey.results.intro', {
                opens: formatDay(r.opensOn, locale),
                closes: formatDay(r.closedOn ?? r.closesOn, locale),
                questionnaire: r.questionnaire.name,
                version: r.questionnaire.version,
              })}{' '}
              {t('survey.results.minGroup', { n: r.minGroup })}
            </p>
            <div className="sv-toolbar">
              {(canWhole ? institutions.length > 0 : institutions.length > 1) && (
                <SelectField
                  label={t('survey.results.institution')}
                  value={institutionId ?? ''}
                  onChange={(e) =>
                    setSearch(e.target.value ? { institution: e.target.value } : {}, { replace: true })
                  }
                  className="sv-picker"
                >
                  {canWhole && <option value="">{t('survey.results.allInstitutions')}</option>}
                  {institutions.map((i) => (
                    <option key={i.id} value={i.id}>
                      {i.name}
                    </option>
                  ))}
                </SelectField>
              )}
              {results.isSuccess && (
                <p className="sv-downloads">
                  <span>{t('survey.download')}</span>
                  <a href={downloadUrl(`/survey/rounds/${id}/results.csv`, { institutionId })} download>
                    {t('survey.csv')}
                  </a>
                  <a href={downloadUrl(`/survey/rounds/${id}/results.xlsx`, { institutionId })} download>
                    {t('survey.xlsx')}
                  </a>
                </p>
              )}
            </div>
            <QueryView query={results}>
              {(res) => (
                <>
                  <section aria-labelledby="sv-groups">
                    <h2 id="sv-groups">{t('survey.results.groupsHeading')}</h2>
                    <p className="muted">{t('survey.results.groupsIntro')}</p>
                    <GroupsTable results={res} opts={opts} />
                    {res.groups.some((g) => g.withheld) && (
                      <p className="hint">{t('survey.results.withheldNote', { n: r.minGroup })}</p>
                    )}
                  </section>
                  <section aria-labelledby="sv-items">
                    <h2 id="sv-items">{t('survey.results.itemsHeading')}</h2>
                    <ItemsTable results={res} opts={opts} />
                  </section>
                  <section aria-labelledby="sv-open">
                    <h2 id="sv-open">{t('survey.results.textsHeading')}</h2>
                    <p className="muted">{t('survey.results.textsIntro')}</p>
                    <OpenAnswers results={res} showInstitution={!institutionId} />
                  </section>
                </>
              )}
            </QueryView>
          </>
        )}
      </QueryView>
    </div>
  );
}
