import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { AGE_BANDS, type AgeBand } from '../../../shared/catalogue';
import { useMe } from '../../api/people';
import {
  canSeeStatistics,
  type StatGroup,
  type Statistics,
  type StatisticsQuery,
  type StatRow,
  statisticsCsvUrl,
  useStatistics,
} from '../../api/reflection';
import { Loading, RequestError } from '../../components/Alert';
import { Button } from '../../components/Button';
import { SelectField, TextField } from '../../components/Field';
import { TableWrap } from '../../components/TableWrap';
import { usePageTitle } from '../../components/usePageTitle';
import { useListWords } from '../../i18n/words';
import { formatDate, formatLongDate, formatNumber, formatShare } from './format';
import './reflection.css';

/** A count, or "færre end 3" when too few people stand behind it. */
function Count({ value, hidden }: { value: number | null; hidden: boolean }) {
  const { t } = useTranslation();
  if (hidden) return <span className="stats-suppressed">{t('statistics.fewer', { min: 3 })}</span>;
  return <>{formatNumber(value ?? 0)}</>;
}
const Rate = ({ value }: { value: number | null }) => {
  const { t } = useTranslation();
  return <>{value === null ? t('statistics.none') : formatShare(value)}</>;
};

function FigureCells({ row }: { row: StatRow }) {
  const hidden = (f: StatRow['suppressed'][number]) => row.suppressed.includes(f);
  return (
    <>
      <td className="num">{formatNumber(row.videos)}</td>
      <td className="num">
        <Count value={row.views} hidden={hidden('views')} />
      </td>
      <td className="num">
        <Rate value={row.completionRate} />
      </td>
      <td className="num">
        <Count value={row.tried} hidden={hidden('tried')} />
      </td>
      <td className="num">
        <Count value={row.worked} hidden={hidden('worked')} />
      </td>
      <td className="num">
        <Rate value={row.workedShare} />
      </td>
    </>
  );
}

function FigureHeads({ first }: { first: string }) {
  const { t } = useTranslation();
  return (
    <thead>
      <tr>
        <th scope="col">{first}</th>
        {(['videos', 'views', 'completion', 'tried', 'worked', 'workedShare'] as const).map((c) => (
          <th key={c} scope="col" className="num">
            {t(`statistics.col.${c}`)}
          </th>
        ))}
      </tr>
    </thead>
  );
}

/** Bars for tried and worked per group: a picture of the table below it, which is the real (accessible) form. */
function Bars({ rows: all }: { rows: StatGroup[] }) {
  const { t } = useTranslation();
  // Groups nobody tried anything in would only be empty lines here; the table lists them.
  const rows = all.filter((r) => r.tried !== 0);
  const max = Math.max(1, ...rows.map((r) => r.tried ?? 0));
  const width = (n: number | null) => `${((n ?? 0) / max) * 100}%`;
  if (!rows.some((r) => r.tried)) return null;
  return (
    <div aria-hidden="true">
      <ul className="stats-legend">
        <li>
          <span aria-hidden="true" style={{ background: 'var(--primary)' }} />
          {t('statistics.legendTried')}
        </li>
        <li>
          <span aria-hidden="true" style={{ background: 'var(--success)' }} />
          {t('statistics.legendWorked')}
        </li>
      </ul>
      <ul className="stats-chart">
        {rows.map((r) => (
          <li key={r.key ?? 'none'}>
            <span className="bar-label">{r.label}</span>
            <span className="bars">
              {r.tried === null ? (
                <span className="bar-none stats-suppressed">{t('statistics.fewer', { min: 3 })}</span>
              ) : (
                <>
                  <span className="bar bar-tried" style={{ width: width(r.tried) }} />
                  <span className="bar bar-worked" style={{ width: width(r.worked) }} />
                </>
              )}
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}

function GroupTable({ rows, caption, first }: { rows: StatGroup[]; caption: string; first: string }) {
  const { t } = useTranslation();
  if (rows.length === 0) return <p className="muted">{t('statistics.empty')}</p>;
  return (
    <TableWrap label={caption}>
      <table>
        <caption>{caption}</caption>
        <FigureHeads first={first} />
        <tbody>
          {rows.map((r) => (
            <tr key={r.key ?? 'none'}>
              <th scope="row">{r.label}</th>
              <FigureCells row={r} />
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}

/**
 * "Fag", "Læreplanstema" or "Fag / læreplanstema" for the figures' subject column: one institution's figures in
 * its words, the catalogue's or a kommune's mixed — unless narrowed to an age band.
 */
function useStatisticsWords(s: Statistics | undefined, ageBand?: string) {
  const bands = ageBand ? [ageBand] : [];
  return useListWords(
    bands,
    s?.scope === 'institution' && s.institutions.length === 1
      ? { institutionId: s.institutions[0].id }
      : 'mixed',
  );
}

function Report({ s, ageBand }: { s: Statistics; ageBand?: string }) {
  const { t } = useTranslation();
  const { t: lt } = useStatisticsWords(s, ageBand);
  const period = { from: formatDate(s.period.from), to: formatDate(s.period.to) };
  return (
    <>
      <section className="stats-section" aria-labelledby="stats-totals">
        <h2 id="stats-totals">{t('statistics.totalsHeading')}</h2>
        <TableWrap label={t('statistics.captionTotals', period)}>
          <table>
            <caption>{t('statistics.captionTotals', period)}</caption>
            <FigureHeads first={t('statistics.col.group')} />
            <tbody>
              <tr>
                <th scope="row">{t('statistics.totalsHeading')}</th>
                <FigureCells row={s.totals} />
              </tr>
            </tbody>
          </table>
        </TableWrap>
      </section>
      <section className="stats-section" aria-labelledby="stats-subject">
        <h2 id="stats-subject">{lt('statistics.bySubjectHeading')}</h2>
        <Bars rows={s.bySubject} />
        <GroupTable
          rows={s.bySubject}
          caption={lt('statistics.captionSubject', period)}
          first={lt('statistics.col.subject')}
        />
      </section>
      <section className="stats-section" aria-labelledby="stats-age">
        <h2 id="stats-age">{t('statistics.byAgeBandHeading')}</h2>
        <Bars rows={s.byAgeBand} />
        <GroupTable
          rows={s.byAgeBand}
          caption={t('statistics.captionAgeBand', period)}
          first={t('statistics.col.ageBand')}
        />
      </section>
      <section className="stats-section" aria-labelledby="stats-top">
        <h2 id="stats-top">{t('statistics.topHeading')}</h2>
        {s.topTried.length === 0 ? (
          <p className="muted">{t('statistics.topNone', { min: s.minGroupSize })}</p>
        ) : (
          <TableWrap label={t('statistics.captionTop', period)}>
            <table>
              <caption>{t('statistics.captionTop', period)}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('statistics.col.video')}</th>
                  <th scope="col" className="num">
                    {t('statistics.col.tried')}
                  </th>
                  <th scope="col" className="num">
                    {t('statistics.col.worked')}
                  </th>
                  <th scope="col" className="num">
                    {t('statistics.col.workedShare')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {s.topTried.map((v) => (
                  <tr key={v.id}>
                    <th scope="row">
                      <Link to={`/videoer/${v.id}`}>{v.title}</Link>
                    </th>
                    <td className="num">{formatNumber(v.tried)}</td>
                    <td className="num">
                      <Count value={v.worked} hidden={v.worked === null} />
                    </td>
                    <td className="num">
                      <Rate value={v.workedShare} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
        )}
      </section>
    </>
  );
}

const queryOf = (p: URLSearchParams): StatisticsQuery => ({
  from: p.get('fra') || undefined,
  to: p.get('til') || undefined,
  subject: p.get('fag') || undefined,
  ageBand: (AGE_BANDS as readonly string[]).includes(p.get('alder') ?? '')
    ? (p.get('alder') as AgeBand)
    : undefined,
});

/** /statistik: views, completion, tried and worked — aggregated, with small groups hidden — and a CSV file. */
export function StatisticsPage() {
  const { t } = useTranslation();
  usePageTitle(t('statistics.title'));
  const { data: me } = useMe();
  const [params, setParams] = useSearchParams();
  const applied = queryOf(params);
  const allowed = canSeeStatistics(me);
  const stats = useStatistics(applied, allowed);
  const [form, setForm] = useState(applied);
  const s = stats.data;
  const { t: lt } = useStatisticsWords(s, applied.ageBand);
  // The date fields show the period in effect (whole months; by default the last 12) once it is known.
  const period = s?.period;
  useEffect(() => {
    if (period) setForm((f) => ({ ...f, from: f.from ?? period.from, to: f.to ?? period.to }));
  }, [period]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const next = new URLSearchParams();
    if (form.from) next.set('fra', form.from);
    if (form.to) next.set('til', form.to);
    if (form.subject) next.set('fag', form.subject);
    if (form.ageBand) next.set('alder', form.ageBand);
    setParams(next);
  };

  return (
    <div className="page">
      <h1>{t('statistics.title')}</h1>
      {!allowed ? (
        <p className="alert alert-info">{t('statistics.noAccess')}</p>
      ) : (
        <>
          <p className="lead">{t('statistics.lead')}</p>
          <p>
            {s &&
              (s.scope === 'all'
                ? t('statistics.scopeAll')
                : s.scope === 'institution'
                  ? t('statistics.scopeInstitution', {
                      institutions: s.institutions.map((i) => i.name).join(', '),
                    })
                  : t('statistics.scopeKommune'))}{' '}
            {t('statistics.privacy', { min: 3 })}
          </p>
          <form className="stats-filters" onSubmit={submit} aria-label={t('statistics.filters')}>
            <TextField
              type="date"
              label={t('statistics.from')}
              hint={t('statistics.fromHint')}
              optional
              value={form.from ?? ''}
              onChange={(e) => setForm({ ...form, from: e.target.value })}
            />
            <TextField
              type="date"
              label={t('statistics.to')}
              hint={t('statistics.toHint')}
              optional
              value={form.to ?? ''}
              onChange={(e) => setForm({ ...form, to: e.target.value })}
            />
            <SelectField
              label={lt('statistics.col.subject')}
              optional
              value={form.subject ?? ''}
              onChange={(e) => setForm({ ...form, subject: e.target.value || undefined })}
            >
              <option value="">{lt('statistics.allSubjects')}</option>
              {(s?.subjects ?? []).map((r) => (
                <option key={r.id} value={r.id}>
                  {r.label}
                </option>
              ))}
            </SelectField>
            <SelectField
              label={t('statistics.ageBand')}
              optional
              value={form.ageBand ?? ''}
              onChange={(e) =>
                setForm({ ...form, ageBand: (e.target.value || undefined) as AgeBand | undefined })
              }
            >
              <option value="">{t('statistics.allAgeBands')}</option>
              {(s?.ageBands ?? []).map((r) => (
                <option key={r.key} value={r.key}>
                  {r.label}
                </option>
              ))}
            </SelectField>
            <Button type="submit" busy={stats.isFetching}>
              {t('statistics.show')}
            </Button>
          </form>
          <p className="stats-period" role="status">
            {period &&
              t('statistics.periodUsed', {
                from: formatLongDate(period.from),
                to: formatLongDate(period.to),
              })}
          </p>
          <p>
            <a className="btn btn-secondary" href={statisticsCsvUrl(applied)} download>
              {t('statistics.download')}
            </a>{' '}
            <span className="hint">{t('statistics.downloadHint')}</span>
          </p>
          {stats.isPending ? (
            <Loading />
          ) : stats.isError ? (
            <RequestError error={stats.error} />
          ) : (
            s && <Report s={s} ageBand={applied.ageBand} />
          )}
        </>
      )}
    </div>
  );
}
