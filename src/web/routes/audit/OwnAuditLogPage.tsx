import { useTranslation } from 'react-i18next';
import { useOwnAuditLog } from '../../api/audit-log';
import { useMe } from '../../api/people';
import { Button } from '../../components/Button';
import { QueryView } from '../../components/QueryView';
import { TableWrap } from '../../components/TableWrap';
import { usePageTitle } from '../../components/usePageTitle';
import { AuditRows } from './AuditLogPage';

/** /profil/log (issue 20 part 5): who viewed or changed something about me or my own recordings. */
export function OwnAuditLogPage() {
  const { t } = useTranslation();
  usePageTitle(t('auditlog.ownTitle'));
  const { data: me } = useMe();
  const log = useOwnAuditLog();
  const items = log.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <div className="page">
      <h1 id="audit-heading">{t('auditlog.ownTitle')}</h1>
      <p className="lead">{t('auditlog.ownIntro')}</p>
      <div className="card">
        <QueryView query={log} empty={items.length === 0 && t('auditlog.ownEmpty')}>
          {() => (
            <TableWrap label={t('auditlog.ownTitle')}>
              <AuditRows items={items} meId={me?.id} details={false} />
            </TableWrap>
          )}
        </QueryView>
        {log.hasNextPage && (
          <Button variant="secondary" busy={log.isFetchingNextPage} onClick={() => void log.fetchNextPage()}>
            {t('auditlog.showMore')}
          </Button>
        )}
      </div>
    </div>
  );
}
