import type { ImportPreview } from '../../../api/progression';
import { TableWrap } from '../../../components/TableWrap';
import type { WordsT } from '../../../i18n/words';
import { StatusMark } from '../status';

/** The preview's rows: line, code, (class), the outcome or the row's errors, the cell now and what it becomes. */

type Row = ImportPreview['rows'][number];
type Value = Row['before'];
/** Rendering thousands of rows at once makes a phone slow: the first ones, and every row with an error. */
const MAX_SHOWN = 300;

function CellValue({ t, value }: { t: WordsT; value: Value }) {
  if (!value) return <span className="muted">{t('progressionImport.notAssessed')}</span>;
  return (
    <span className="imp-value">
      <StatusMark status={value.status} />
      {value.score !== null && (
        <span className="imp-score">
          {t('progressionImport.score', { score: String(value.score).replace('.', ',') })}
        </span>
      )}
      {value.note && <span className="imp-note">{value.note}</span>}
    </span>
  );
}

export function ImportRows({
  t,
  preview,
  onlyErrors,
}: {
  t: WordsT;
  preview: ImportPreview;
  onlyErrors: boolean;
}) {
  const all = onlyErrors ? preview.rows.filter((r) => r.outcome === 'error') : preview.rows;
  const rows = all.length > MAX_SHOWN ? all.slice(0, MAX_SHOWN) : all;
  const withGroup = preview.columns.group !== null;
  return (
    <>
      {rows.length < all.length && (
        <p className="hint">{t('progressionImport.shown', { shown: rows.length, total: all.length })}</p>
      )}
      <TableWrap label={t('progressionImport.tableLabel')}>
        <table className="table imp-table">
          <caption className="sr-only">{t('progressionImport.tableLabel')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('progressionImport.th.line')}</th>
              <th scope="col">{t('progressionImport.th.code')}</th>
              {withGroup && <th scope="col">{t('progressionImport.th.group')}</th>}
              <th scope="col">{t('progressionImport.th.result')}</th>
              <th scope="col">{t('progressionImport.th.before')}</th>
              <th scope="col">{t('progressionImport.th.after')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.line} className={`imp-${r.outcome}`}>
                <td>{r.line}</td>
                <th scope="row">{r.code || '–'}</th>
                {withGroup && <td>{r.group ?? '–'}</td>}
                <td>
                  <span className={`imp-outcome imp-outcome-${r.outcome}`}>
                    {t(`progressionImport.outcome.${r.outcome}`)}
                  </span>
                  {r.createsChild && r.outcome !== 'error' && (
                    <span className="imp-new-code"> ({t('progressionImport.newCode')})</span>
                  )}
                  {r.errors.length > 0 && (
                    <ul className="imp-errors">
                      {r.errors.map((e) => (
                        <li key={`${e.column}-${e.code}`}>{e.message}</li>
                      ))}
                    </ul>
                  )}
                </td>
                <td>{r.outcome === 'error' && !r.before ? '' : <CellValue t={t} value={r.before} />}</td>
                <td>{r.after ? <CellValue t={t} value={r.after} /> : ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
    </>
  );
}
