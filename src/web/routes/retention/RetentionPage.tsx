import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { RETENTION_MAX_DAYS, type RetentionKind } from '../../../shared/retention';
import { errorMessage } from '../../api/client';
import { type RetentionOverview, useRetention, useSetRetention } from '../../api/retention';
import { ErrorAlert, Notice } from '../../components/Alert';
import { Button } from '../../components/Button';
import { SelectField } from '../../components/Field';
import { QueryView } from '../../components/QueryView';
import { TableWrap } from '../../components/TableWrap';
import { usePageTitle } from '../../components/usePageTitle';
import { formatDateTime } from '../../i18n';

type KindView = RetentionOverview['kinds'][number];

/** The periods offered (days); the current value joins them when it is another. */
const PRESETS = [1, 7, 30, 90, 180, 365, 730, 1095, 1825, 3650];

function KindCard({ k, onSaved }: { k: KindView; onSaved: (kind: RetentionKind) => void }) {
  const { t } = useTranslation();
  const save = useSetRetention();
  const [value, setValue] = useState(k.days === null ? 'keep' : String(k.days));
  const days = (d: number | null) => (d === null ? t('retention.keep') : t('retention.days', { count: d }));
  const options = [...new Set([...PRESETS, ...(k.days ? [k.days] : [])])]
    .filter((d) => d <= RETENTION_MAX_DAYS)
    .sort((a, b) => a - b);
  const headingId = `retention-${k.kind}`;
  return (
    <section className="card" aria-labelledby={headingId}>
      <h2 id={headingId}>{t(`retention.kinds.${k.kind}.name`)}</h2>
      <p className="hint">{t(`retention.kinds.${k.kind}.from`)}</p>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate(
            { kind: k.kind, days: value === 'keep' ? null : Number(value) },
            { onSuccess: () => onSaved(k.kind) },
          );
        }}
      >
        <SelectField
          label={t('retention.period')}
          value={value}
          onChange={(e) => setValue(e.target.value)}
          hint={t('retention.default', { value: days(k.defaultDays) })}
        >
          <option value="keep">{t('retention.keep')}</option>
          {options.map((d) => (
            <option key={d} value={String(d)}>
              {days(d)}
            </option>
          ))}
        </SelectField>
        <div className="form-actions">
          <Button type="submit" variant="secondary" busy={save.isPending}>
            {t('retention.save')}
            <span className="sr-only">: {t(`retention.kinds.${k.kind}.name`)}</span>
          </Button>
        </div>
      </form>
      {save.error && <ErrorAlert message={errorMessage(save.error)} />}
      {k.blocked && <p className="muted">{k.blocked}</p>}
      <p>
        <strong>
          {k.days === null
            ? t('retention.dueKept')
            : k.due === 0
              ? t('retention.dueNone')
              : t('retention.due', { count: k.due })}
        </strong>
      </p>
      {k.oldest.length > 0 && (
        <>
          <p className="muted">{t('retention.oldest')}</p>
          <ul className="plain-list">
            {k.oldest.map((o) => (
              <li key={`${o.at}-${o.note}`}>
                {formatDateTime(o.at)}
                {o.note && <span className="muted"> · {o.note}</span>}
              </li>
            ))}
          </ul>
        </>
      )}
      {k.changedAt && <p className="hint">{t('retention.changed', { when: formatDateTime(k.changedAt) })}</p>}
    </section>
  );
}

function Runs({ runs }: { runs: RetentionOverview['runs'] }) {
  const { t } = useTranslation();
  if (runs.length === 0) return <p>{t('retention.runsEmpty')}</p>;
  return (
    <TableWrap label={t('retention.runsTitle')}>
      <table aria-labelledby="retention-runs">
        <thead>
          <tr>
            <th scope="col">{t('retention.runKind')}</th>
            <th scope="col">{t('retention.runStarted')}</th>
            <th scope="col" className="col-secondary">
              {t('retention.runFinished')}
            </th>
            <th scope="col">{t('retention.runRemoved')}</th>
            <th scope="col">{t('retention.runStatus')}</th>
          </tr>
        </thead>
        <tbody>
          {runs.map((r) => (
            <tr key={r.id}>
              <th scope="row">{t(`retention.kinds.${r.kind}.name`, { defaultValue: r.kind })}</th>
              <td>{formatDateTime(r.startedAt)}</td>
              <td className="col-secondary">{formatDateTime(r.finishedAt)}</td>
              <td>{r.removed.toLocaleString()}</td>
              <td>
                {t(`retention.status.${r.status}`)}
                {r.error && <span className="muted break"> — {r.error}</span>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}

/** /organisation/opbevaring (issue 20 part 4): periods per kind, the dry run, the runs. Administrators. */
export function RetentionPage() {
  const { t } = useTranslation();
  usePageTitle(t('retention.title'));
  const overview = useRetention();
  const [notice, setNotice] = useState<string | null>(null);
  return (
    <div className="page">
      <h1>{t('retention.title')}</h1>
      <p className="lead">{t('retention.intro')}</p>
      <Notice message={notice} />
      <QueryView query={overview}>
        {(o) => (
          <div className="stack">
            <div className="card-grid card-grid-2">
              {o.kinds.map((k) => (
                <KindCard
                  key={`${k.kind}-${k.days}`}
                  k={k}
                  onSaved={(kind) =>
                    setNotice(t('retention.saved', { kind: t(`retention.kinds.${kind}.name`) }))
                  }
                />
              ))}
            </div>
            <section className="card" aria-labelledby="retention-fixed">
              <h2 id="retention-fixed">{t('retention.fixedTitle')}</h2>
              <dl className="plain-list">
                {o.fixed.map((f) => (
                  <div key={f.kind}>
                    <dt>
                      <strong>{t(`retention.fixed.${f.kind}.name`)}</strong>
                    </dt>
                    <dd>
                      {t(`retention.fixed.${f.kind}.text`)}
                      {f.due !== null && f.due > 0 && (
                        <span className="muted"> ({t('retention.fixedDue', { count: f.due })})</span>
                      )}
                    </dd>
                  </div>
                ))}
              </dl>
            </section>
            <section className="card" aria-labelledby="retention-runs">
              <h2 id="retention-runs">{t('retention.runsTitle')}</h2>
              <Runs runs={o.runs} />
            </section>
          </div>
        )}
      </QueryView>
    </div>
  );
}
