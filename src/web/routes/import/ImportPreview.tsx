import { useTranslation } from 'react-i18next';
import type { ImportResult, ImportRow } from '../../api/import';
import { TableWrap } from '../../components/TableWrap';

const COLUMNS = ['name', 'email', 'institution', 'team', 'role'] as const;
/** Error columns may use the Danish or the English header. */
const COLUMN_ALIASES: Record<string, (typeof COLUMNS)[number]> = {
  navn: 'name',
  name: 'name',
  'e-mail': 'email',
  email: 'email',
  institution: 'institution',
  team: 'team',
  rolle: 'role',
  role: 'role',
};

function cellHasError(row: ImportRow, col: (typeof COLUMNS)[number]) {
  return row.errors.some((e) => COLUMN_ALIASES[e.column?.toLowerCase()] === col);
}

/** The rows of an import (dry run or result): one line per CSV row, errors next to the row and on the cell. */
export function ImportTable({ result, fileName }: { result: ImportResult; fileName: string }) {
  const { t } = useTranslation();
  const s = result.summary;
  return (
    <TableWrap label={result.dryRun ? t('import.previewHeading') : t('import.resultHeading')}>
      <table className="import-table">
        <caption>
          {result.dryRun
            ? t('import.previewCaption', { file: fileName, count: s.total, invalid: s.invalid })
            : t('import.resultCaption', { file: fileName, count: s.total })}
        </caption>
        <thead>
          <tr>
            <th scope="col">{t('import.line')}</th>
            {COLUMNS.map((c) => (
              <th key={c} scope="col">
                {t(`import.col.${c}`)}
              </th>
            ))}
            <th scope="col">{t('import.action')}</th>
            <th scope="col">{t('import.errors')}</th>
          </tr>
        </thead>
        <tbody>
          {result.rows.map((row) => {
            const bad = row.errors.length > 0;
            return (
              <tr key={row.line} className={bad ? 'row-error' : undefined}>
                <th scope="row">{row.line}</th>
                {COLUMNS.map((c) => (
                  <td key={c} className={cellHasError(row, c) ? 'cell-error' : undefined}>
                    {row[c] || <span className="muted">–</span>}
                  </td>
                ))}
                <td>
                  {bad ? (
                    <span className="badge badge-error">{t('import.rowInvalid')}</span>
                  ) : (
                    <span className={`badge badge-${row.action}`}>
                      {t(`import.${result.dryRun ? 'actions' : 'actionsDone'}.${row.action}`)}
                    </span>
                  )}
                </td>
                <td>
                  {bad ? (
                    <ul className="error-list">
                      {row.errors.map((e) => (
                        <li key={`${e.column}-${e.code}-${e.message}`}>
                          {e.column && <strong>{e.column}: </strong>}
                          {e.message}
                        </li>
                      ))}
                    </ul>
                  ) : (
                    <span className="muted">–</span>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </TableWrap>
  );
}

export function ImportSummary({ result }: { result: ImportResult }) {
  const { t } = useTranslation();
  const s = result.summary;
  return (
    <dl className="summary">
      <div>
        <dt>{t('import.sum.total')}</dt>
        <dd>{s.total}</dd>
      </div>
      <div>
        <dt>{t('import.sum.create')}</dt>
        <dd>{s.create}</dd>
      </div>
      <div>
        <dt>{t('import.sum.update')}</dt>
        <dd>{s.update}</dd>
      </div>
      <div>
        <dt>{t('import.sum.unchanged')}</dt>
        <dd>{s.unchanged}</dd>
      </div>
      <div className={s.invalid ? 'summary-error' : undefined}>
        <dt>{t('import.sum.invalid')}</dt>
        <dd>{s.invalid}</dd>
      </div>
    </dl>
  );
}
