import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { AUDIT_GROUP_LABELS, AUDIT_GROUPS } from '../../../shared/audit-actions';
import { type AuditEntry, type AuditFilters, auditCsvUrl, useAuditLog } from '../../api/audit-log';
import { Button } from '../../components/Button';
import { SelectField, TextField } from '../../components/Field';
import { QueryView } from '../../components/QueryView';
import { TableWrap } from '../../components/TableWrap';
import { usePageTitle } from '../../components/usePageTitle';
import { currentLocale, formatDateTime } from '../../i18n';

const SUBJECTS = ['person', 'user', 'video', 'institution', 'kommune', 'progression_group', 'instance'];
const KEYS = ['person', 'group', 'subjectType', 'from', 'to'] as const;

/** Who and what, in the table of the whole log and in a person's own log. */
export function AuditRows({
  items,
  meId,
  details,
}: {
  items: AuditEntry[];
  meId?: string;
  details: boolean;
}) {
  const { t } = useTranslation();
  const subject = (e: AuditEntry) =>
    e.subjectName ?? t(`auditlog.subjects.${e.subjectType}`, { defaultValue: e.subjectType });
  return (
    <table aria-labelledby="audit-heading">
      <thead>
        <tr>
          <th scope="col">{t('auditlog.when')}</th>
          <th scope="col">{t('auditlog.who')}</th>
          <th scope="col">{t('auditlog.what')}</th>
          <th scope="col" className="col-secondary">
            {t('auditlog.about')}
          </th>
          {details && (
            <th scope="col" className="col-secondary">
              {t('auditlog.details')}
            </th>
          )}
        </tr>
      </thead>
      <tbody>
        {items.map((e) => (
          <tr key={e.id}>
            <td>{formatDateTime(e.at)}</td>
            <th scope="row">
              {!e.actor ? t('auditlog.system') : e.actor.id === meId ? t('auditlog.you') : e.actor.name}
            </th>
            <td>{e.label}</td>
            <td className="col-secondary break">{subject(e)}</td>
            {details && (
              <td className="col-secondary break">
                <code>{e.details ?? ''}</code>
              </td>
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** /organisation/log (issue 20 part 5): the whole audit log, filtered, paged, as CSV. Administrators. */
export function AuditLogPage() {
  const { t } = useTranslation();
  usePageTitle(t('auditlog.title'));
  const [params, setParams] = useSearchParams();
  const filters: AuditFilters = Object.fromEntries(
    KEYS.flatMap((k) => (params.get(k) ? [[k, params.get(k) as string]] : [])),
  );
  const [draft, setDraft] = useState<AuditFilters>(filters);
  const log = useAuditLog(filters);
  const items = log.data?.pages.flatMap((p) => p.items) ?? [];
  const locale = currentLocale();
  const set = (k: keyof AuditFilters) => (e: { target: { value: string } }) =>
    setDraft((d) => ({ ...d, [k]: e.target.value }));
  return (
    <div className="page">
      <div className="page-head">
        <h1 id="audit-heading">{t('auditlog.title')}</h1>
        <div className="page-actions">
          <a className="btn btn-secondary" href={auditCsvUrl(filters)} download>
            {t('auditlog.csv')}
          </a>
        </div>
      </div>
      <p className="lead">{t('auditlog.intro')}</p>
      <div className="stack">
        <form
          className="card"
          aria-label={t('auditlog.filters')}
          onSubmit={(e) => {
            e.preventDefault();
            setParams(
              Object.fromEntries(Object.entries(draft).filter(([, v]) => v)) as Record<string, string>,
            );
          }}
        >
          <div className="form-row">
            <TextField
              label={t('auditlog.person')}
              hint={t('auditlog.personHint')}
              optional
              value={draft.person ?? ''}
              onChange={set('person')}
              maxLength={200}
            />
            <SelectField
              label={t('auditlog.group')}
              optional
              value={draft.group ?? ''}
              onChange={set('group')}
            >
              <option value="">{t('auditlog.allGroups')}</option>
              {AUDIT_GROUPS.map((g) => (
                <option key={g} value={g}>
                  {AUDIT_GROUP_LABELS[g][locale]}
                </option>
              ))}
            </SelectField>
            <SelectField
              label={t('auditlog.subjectType')}
              optional
              value={draft.subjectType ?? ''}
              onChange={set('subjectType')}
            >
              <option value="">{t('auditlog.allSubjects')}</option>
              {SUBJECTS.map((s) => (
                <option key={s} value={s}>
                  {t(`auditlog.subjects.${s}`)}
                </option>
              ))}
            </SelectField>
            <TextField
              type="date"
              label={t('auditlog.from')}
              optional
              className="field-narrow"
              value={draft.from ?? ''}
              onChange={set('from')}
            />
            <TextField
              type="date"
              label={t('auditlog.to')}
              optional
              className="field-narrow"
              value={draft.to ?? ''}
              onChange={set('to')}
            />
          </div>
          <div className="form-actions">
            <Button type="submit">{t('auditlog.apply')}</Button>
            <Button
              variant="secondary"
              onClick={() => {
                setDraft({});
                setParams({});
              }}
            >
              {t('auditlog.reset')}
            </Button>
          </div>
        </form>
        <div className="card">
          <QueryView query={log} empty={items.length === 0 && t('auditlog.empty')}>
            {() => (
              <TableWrap label={t('auditlog.title')}>
                <AuditRows items={items} details />
              </TableWrap>
            )}
          </QueryView>
          {log.hasNextPage && (
            <Button
              variant="secondary"
              busy={log.isFetchingNextPage}
              onClick={() => void log.fetchNextPage()}
            >
              {t('auditlog.showMore')}
            </Button>
          )}
        </div>
      </div>
    </div>
  );
}
