import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type StaffSyncRun,
  type StaffSyncSource,
  useStaffSyncMutations,
  useStaffSyncRuns,
} from '../../api/staff-sync';
import { RequestError } from '../../components/Alert';
import { Button } from '../../components/Button';
import { TableWrap } from '../../components/TableWrap';
import { formatDateTime } from '../../i18n';
import { SourceForm } from './SourceForm';

/** The counts of one run in words: "3 oprettet, 1 deaktiveret". */
export function RunSummary({ run }: { run: StaffSyncRun }) {
  const { t } = useTranslation();
  const parts = (['created', 'updated', 'deactivated', 'reactivated', 'unchanged'] as const)
    .filter((k) => run[k] > 0)
    .map((k) => t(`staffSync.counts.${k}`, { count: run[k] }));
  if (run.errorCount) parts.push(t('staffSync.counts.errors', { count: run.errorCount }));
  return (
    <>
      <strong>{t(`staffSync.status.${run.status}`)}</strong>
      {parts.length > 0 && <span> · {parts.join(', ')}</span>}
      {run.message && <span className="muted break"> — {run.message}</span>}
    </>
  );
}

function Runs({ id }: { id: string }) {
  const { t } = useTranslation();
  const runs = useStaffSyncRuns(id, true).data?.items ?? [];
  if (!runs.length) return <p>{t('staffSync.noRuns')}</p>;
  return (
    <TableWrap label={t('staffSync.history')}>
      <table>
        <caption className="sr-only">{t('staffSync.history')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('staffSync.started')}</th>
            <th scope="col">{t('staffSync.result')}</th>
            <th scope="col" className="col-secondary">
              {t('staffSync.errors')}
            </th>
          </tr>
        </thead>
        <tbody>
          {runs.map((r) => (
            <tr key={r.id}>
              <th scope="row">{formatDateTime(r.startedAt)}</th>
              <td>
                <RunSummary run={r} />
              </td>
              <td className="col-secondary">
                {r.errors.length > 0 && (
                  <ul className="plain-list">
                    {r.errors.slice(0, 10).map((e) => (
                      <li key={`${e.line}-${e.message}`}>
                        {e.line !== null && `${t('staffSync.line', { line: e.line })}: `}
                        {e.message}
                      </li>
                    ))}
                  </ul>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}

export function SourceCard({
  source,
  pathsAllowed,
  pathRoot,
  onToken,
}: {
  source: StaffSyncSource;
  pathsAllowed: boolean;
  pathRoot: string | null;
  onToken: (token: string, name: string) => void;
}) {
  const { t } = useTranslation();
  const m = useStaffSyncMutations();
  const [editing, setEditing] = useState(false);
  const [showRuns, setShowRuns] = useState(false);
  const headingId = `source-${source.id}`;
  const last = source.lastRun;
  return (
    <section className="card" aria-labelledby={headingId}>
      <h2 id={headingId}>{source.name}</h2>
      <p className="muted">
        {t(`staffSync.kinds.${source.kind}`)}
        {source.location && <span className="break"> · {source.location}</span>}
        {source.kind !== 'scim' &&
          ` · ${source.intervalMinutes ? t(`staffSync.intervals.${source.intervalMinutes}`, { defaultValue: t('staffSync.every', { count: source.intervalMinutes }) }) : t('staffSync.manualOnly')}`}
      </p>
      <p>
        {t('staffSync.managed', { count: source.managed })}
        {!source.enabled && <strong> · {t('staffSync.disabled')}</strong>}
      </p>
      <p aria-live="polite">
        {last ? (
          <>
            {t('staffSync.lastRun', { when: formatDateTime(last.startedAt) })} <RunSummary run={last} />
          </>
        ) : (
          t('staffSync.neverRun')
        )}
      </p>
      {source.kind === 'scim' && (
        <p>
          {source.hasToken
            ? t('staffSync.tokenSince', { when: formatDateTime(source.tokenCreatedAt) })
            : t('staffSync.noToken')}
        </p>
      )}
      <div className="form-actions">
        {source.kind !== 'scim' && (
          <Button
            busy={m.run.isPending && !m.run.variables?.confirm}
            onClick={() => m.run.mutate({ id: source.id })}
          >
            {t('staffSync.runNow')}
            <span className="sr-only">: {source.name}</span>
          </Button>
        )}
        {last?.status === 'needs_confirmation' && (
          <Button
            variant="danger"
            busy={m.run.isPending && m.run.variables?.confirm}
            onClick={() => m.run.mutate({ id: source.id, confirm: true })}
          >
            {t('staffSync.confirm', { count: last.deactivated })}
          </Button>
        )}
        {source.kind === 'scim' && (
          <Button
            variant="secondary"
            busy={m.rotate.isPending}
            onClick={() => m.rotate.mutate(source.id, { onSuccess: (r) => onToken(r.token, source.name) })}
          >
            {t('staffSync.newToken')}
          </Button>
        )}
        {source.kind === 'scim' && source.hasToken && (
          <Button variant="secondary" busy={m.revoke.isPending} onClick={() => m.revoke.mutate(source.id)}>
            {t('staffSync.revokeToken')}
          </Button>
        )}
        <Button variant="secondary" aria-expanded={editing} onClick={() => setEditing(!editing)}>
          {t('staffSync.edit')}
          <span className="sr-only">: {source.name}</span>
        </Button>
        <Button variant="secondary" aria-expanded={showRuns} onClick={() => setShowRuns(!showRuns)}>
          {t('staffSync.showHistory')}
          <span className="sr-only">: {source.name}</span>
        </Button>
      </div>
      <RequestError error={m.run.error ?? m.rotate.error ?? m.revoke.error} />
      {editing && (
        <SourceForm
          source={source}
          pathsAllowed={pathsAllowed}
          pathRoot={pathRoot}
          busy={m.update.isPending}
          error={m.update.error}
          onCancel={() => setEditing(false)}
          onSubmit={({ kind: _kind, ...body }) =>
            m.update.mutate({ id: source.id, body }, { onSuccess: () => setEditing(false) })
          }
        />
      )}
      {showRuns && <Runs id={source.id} />}
    </section>
  );
}
