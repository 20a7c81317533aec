import { useId } from 'react';
import type { Conference } from '../../../api/progression';
import { TableWrap } from '../../../components/TableWrap';
import { formatDateTime } from '../../../i18n';
import type { WordsT } from '../../../i18n/words';
import { CountsLine, StackedBar, StatusMark } from '../status';

/** The overview as it was at the conference (read-only): the counts, and each child's statuses until retention. */
export function Snapshot({ snapshot, t }: { snapshot: Conference['snapshot']; t: WordsT }) {
  const id = useId();
  return (
    <section className="card prog-snapshot" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{t('progression.conferences.snapshot')}</h2>
      <p className="hint">
        {t('progression.conferences.snapshotIntro', { at: formatDateTime(snapshot.takenAt) })}
      </p>
      {snapshot.areas.map((area) => (
        <div key={area.id} className="prog-snapshot-area">
          <h3>{area.name}</h3>
          <dl className="prog-summary">
            {snapshot.periods.map((p) => {
              const counts = snapshot.summary.find(
                (s) => s.areaId === area.id && s.periodId === p.id,
              )?.counts;
              return (
                <div key={p.id}>
                  <dt>{p.name}</dt>
                  <dd>
                    {counts ? (
                      <>
                        <StackedBar counts={counts} />
                        <span className="prog-summary-text">
                          <CountsLine counts={counts} />
                        </span>
                      </>
                    ) : (
                      t('progression.grid.noneYet')
                    )}
                  </dd>
                </div>
              );
            })}
          </dl>
          {snapshot.children.some((c) => c.cells.some((x) => x.areaId === area.id)) && (
            <details className="prog-snapshot-children">
              <summary>
                {t('progression.conferences.snapshotChildren', { count: snapshot.children.length })}
              </summary>
              <TableWrap label={area.name}>
                <table className="prog-snapshot-table">
                  <caption className="sr-only">{area.name}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('progression.grid.childColumn')}</th>
                      {snapshot.periods.map((p) => (
                        <th key={p.id} scope="col">
                          {p.name}
                        </th>
                      ))}
                    </tr>
                  </thead>
                  <tbody>
                    {snapshot.children.map((child) => (
                      <tr key={child.code}>
                        <th scope="row">{child.code}</th>
                        {snapshot.periods.map((p) => {
                          const cell = child.cells.find((c) => c.areaId === area.id && c.periodId === p.id);
                          return (
                            <td key={p.id}>
                              {cell ? <StatusMark status={cell.status} /> : <span className="muted">–</span>}
                            </td>
                          );
                        })}
                      </tr>
                    ))}
                  </tbody>
                </table>
              </TableWrap>
            </details>
          )}
        </div>
      ))}
      {snapshot.children.length === 0 && (
        <p className="muted">{t('progression.conferences.snapshotPurged')}</p>
      )}
    </section>
  );
}
