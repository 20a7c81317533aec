import { useTranslation } from 'react-i18next';
import { Button } from '../../components/Button';
import { StatusMark } from './status';
import type { CellTarget, LastWrite, Pending } from './useCellWrites';

/** "Gemt: Elev 3A-07, Læsning, Efterår" — or what went wrong — after each write, read out politely. */
export function SaveState({
  last,
  describe,
}: {
  last: LastWrite | null;
  describe: (target: CellTarget) => string;
}) {
  const { t } = useTranslation();
  return (
    <p role="status" className={`prog-save-state${last && !last.ok ? ' is-error' : ''}`}>
      {last &&
        (last.ok
          ? t('progression.grid.saved', { cell: describe(last.target) })
          : t('progression.grid.failed', { cell: describe(last.target), message: last.message ?? '' }))}
    </p>
  );
}

/**
 * Writes that did not go through: someone else saved the cell first (their value beside mine, choose which stays),
 * or the server refused (try again or drop it).
 */
export function Conflicts({
  pending,
  describe,
  onResolve,
}: {
  pending: Record<string, Pending>;
  describe: (target: CellTarget) => string;
  onResolve: (target: CellTarget, keepMine: boolean) => void;
}) {
  const { t } = useTranslation();
  const open = Object.values(pending).filter((p) => p.state !== 'saving');
  if (open.length === 0) return null;
  const value = (status: Pending['status'] | undefined) =>
    status ? <StatusMark status={status} /> : t('progression.grid.empty');
  return (
    <section className="alert alert-error prog-conflicts" aria-labelledby="prog-conflicts">
      <h2 id="prog-conflicts">{t('progression.conflict.title')}</h2>
      <ul>
        {open.map((p) => (
          <li key={`${p.childId}|${p.areaId}|${p.periodId}`} className="prog-conflict">
            <p>
              <strong>{describe(p)}</strong>
            </p>
            {p.state === 'stale' ? (
              <p>
                {t('progression.conflict.theirs', {
                  who: p.theirs?.updatedBy?.name ?? t('progression.conflict.someone'),
                })}{' '}
                {value(p.theirs?.status)}
                {p.theirs?.note ? ` (${p.theirs.note})` : ''}. {t('progression.conflict.mine')}{' '}
                {value(p.status)}.
              </p>
            ) : (
              <p>
                {p.message} {t('progression.conflict.mine')} {value(p.status)}.
              </p>
            )}
            <div className="actions">
              <Button variant="secondary" onClick={() => onResolve(p, true)}>
                {t(p.state === 'stale' ? 'progression.conflict.keepMine' : 'progression.conflict.retry')}
              </Button>
              <Button variant="secondary" onClick={() => onResolve(p, false)}>
                {t(p.state === 'stale' ? 'progression.conflict.takeTheirs' : 'progression.conflict.drop')}
              </Button>
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
