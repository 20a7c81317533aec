import { useEffect } from 'react';
import { useWords } from '../../../i18n/words';
import { Link, useSearchParams } from 'react-router';
import { DATA_BREAKDOWNS, type DataBreakdown } from '../../../../shared/observation';
import type { ObservationData } from '../../../api/observation-lead';
import {
  type DataParams,
  type DataScope,
  dataCsvHref,
  useObservationData,
  useObservationMe,
} from '../../../api/observation-lead';
import { Loading, RequestError } from '../../../components/Alert';
import { SelectField } from '../../../components/Field';
import { usePageTitle } from '../../../components/usePageTitle';
import { DataFilters } from './DataFilters';
import { DataIndicator, TotalsTable } from './DataIndicator';
import { DataSummary } from './DataSummary';
import '../observation-lead.css';

type ScopeOption = DataScope & { name: string };

/** The scopes the person may see data for: institutions where they may (leaders), kommuner (forvaltning). */
function useScopes() {
  const me = useObservationMe();
  const options: ScopeOption[] = [
    ...(me.data?.institutions ?? [])
      .filter((i) => i.can.data)
      .map((i) => ({ kind: 'institution' as const, id: i.id, name: i.name })),
    ...(me.data?.kommuner ?? []).map((k) => ({ kind: 'kommune' as const, id: k.id, name: k.name })),
  ];
  return { me, options };
}

/** /observation/data: institution data (O4) by focus area and indicator, filtered and broken down. */
export function DataPage() {
  const { t } = useWords();
  usePageTitle(t('observationLead.data.title'));
  const { me, options } = useScopes();
  const [search, setSearch] = useSearchParams();
  const scope =
    options.find((o) => o.kind === 'institution' && o.id === search.get('institution')) ??
    options.find((o) => o.kind === 'kommune' && o.id === search.get('kommune')) ??
    options[0] ??
    null;
  const kommune = scope?.kind === 'kommune';
  const byRaw = search.get('by') ?? '';
  const by: DataBreakdown =
    DATA_BREAKDOWNS.includes(byRaw as DataBreakdown) && (kommune || byRaw !== 'institution')
      ? (byRaw as DataBreakdown)
      : kommune
        ? 'institution'
        : 'term';
  const params: DataParams = {
    term: search.get('term') || undefined,
    subject: search.get('subject') || undefined,
    grade: search.get('grade') || undefined,
    by,
  };
  const data = useObservationData(scope, params);
  const shown = data.data;
  // Only breakdowns that can show something are offered; without a chosen one, the first that can is used.
  const canShow = (b: DataBreakdown) => !!shown?.breakdowns.find((x) => x.by === b)?.available;
  const firstAvailable = shown?.breakdowns.find((b) => b.available)?.by;
  const explicitBy = !!search.get('by');
  useEffect(() => {
    if (!explicitBy && shown && !data.isPlaceholderData && !canShow(by) && firstAvailable)
      setSearch(
        (p) => {
          const next = new URLSearchParams(p);
          next.set('by', firstAvailable);
          return next;
        },
        { replace: true },
      );
  });
  const areaKey = search.get('omraade');
  const area = shown?.areas.find((a) => a.key === areaKey) ?? shown?.areas[0];

  const set = (key: keyof DataParams | 'omraade', value: string) =>
    setSearch(
      (p) => {
        const next = new URLSearchParams(p);
        if (value) next.set(key, value);
        else next.delete(key);
        return next;
      },
      { replace: true },
    );
  const chooseScope = (value: string) =>
    setSearch(() => {
      const [kind, id] = value.split(':');
      const next = new URLSearchParams();
      next.set(kind, id);
      return next;
    });
  return (
    <div className="page obsl-lead-page">
      <div className="page-head">
        <div>
          <h1>{t('observationLead.data.title')}</h1>
          {scope && <p className="obsl-institution-name">{scope.name}</p>}
        </div>
        {scope?.kind === 'institution' && (
          <nav className="page-actions" aria-label={t('observationLead.related')}>
            <Link to={`/observation/opsaetning?institution=${scope.id}`}>
              {t('observationLead.setup.title')}
            </Link>
            <Link to={`/observation/planlaegning?institution=${scope.id}`}>
              {t('observationLead.planning.title')}
            </Link>
          </nav>
        )}
      </div>
      {me.isPending ? (
        <Loading />
      ) : me.isError ? (
        <RequestError error={me.error} />
      ) : !scope ? (
        <p className="alert alert-info">{t('observationLead.data.noAccess')}</p>
      ) : (
        <>
          <div className="alert alert-info obsl-privacy">
            <p>
              <strong>{t('observationLead.data.privacyTitle')}</strong>{' '}
              {t('observationLead.data.privacy', { n: shown?.minGroupSize ?? '…' })}
            </p>
          </div>
          {options.length > 1 && (
            <div className="obsl-institution-choice">
              <SelectField
                label={t('observationLead.data.scope')}
                value={`${scope.kind}:${scope.id}`}
                onChange={(e) => chooseScope(e.target.value)}
              >
                {options.map((o) => (
                  <option key={`${o.kind}:${o.id}`} value={`${o.kind}:${o.id}`}>
                    {o.kind === 'kommune' ? t('observationLead.data.kommuneScope', { name: o.name }) : o.name}
                  </option>
                ))}
              </SelectField>
            </div>
          )}
          <DataFilters params={params} set={set} data={shown} kommune={kommune} />
          <p>
            <a href={dataCsvHref(scope, params)} download>
              {t('observationLead.data.csv')}
            </a>
          </p>
          <div aria-live="polite" className="sr-only">
            {data.isFetching
              ? t('observationLead.data.updating')
              : shown
                ? t('observationLead.data.updated')
                : ''}
          </div>
          {data.isPending ? (
            <Loading />
          ) : data.isError ? (
            <RequestError error={data.error} />
          ) : shown ? (
            <div className="obsl-results" aria-busy={data.isFetching || undefined}>
              <DataSummary data={shown} />
              <section className="card obsl-area-data" aria-labelledby="obsl-details-heading">
                <h2 id="obsl-details-heading">{t('observationLead.data.detailsHeading')}</h2>
                {!area ? (
                  <p className="muted">{t('observationLead.data.empty')}</p>
                ) : (
                  <>
                    <p className="hint">{t('observationLead.data.detailsHint')}</p>
                    <div className="obsl-area-choice">
                      <SelectField
                        label={t('observationLead.data.areaChoice')}
                        value={area.key}
                        onChange={(e) => set('omraade', e.target.value)}
                      >
                        {shown.areas.map((a) => (
                          <option key={a.key} value={a.key}>
                            {a.title}
                          </option>
                        ))}
                      </SelectField>
                    </div>
                    <h3 className="obsl-area-title">{area.title}</h3>
                    {canShow(by) ? (
                      <>
                        {by === 'term' && <p className="hint">{t('observationLead.data.overTime')}</p>}
                        {area.indicators.map((ind) => (
                          <DataIndicator key={ind.key} data={shown} indicator={ind} />
                        ))}
                      </>
                    ) : (
                      <>
                        <p className="hint">{t('observationLead.data.noBreakdown')}</p>
                        <TotalsTable data={shown} area={area} />
                      </>
                    )}
                  </>
                )}
              </section>
            </div>
          ) : null}
        </>
      )}
    </div>
  );
}
