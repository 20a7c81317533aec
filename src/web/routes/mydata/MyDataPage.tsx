import { useTranslation } from 'react-i18next';
import { type DataExport, useMyExports, useRequestExport } from '../../api/mydata';
import { Loading, RequestError } from '../../components/Alert';
import { Breadcrumbs } from '../../components/Breadcrumbs';
import { Button } from '../../components/Button';
import { TableWrap } from '../../components/TableWrap';
import { usePageTitle } from '../../components/usePageTitle';
import { formatDateTime } from '../../i18n';

const size = (n: number | null) =>
  n === null ? '' : `${Math.max(1, Math.round(n / 1024)).toLocaleString('da-DK')} kB`;

function Progress({ e }: { e: DataExport }) {
  const { t } = useTranslation();
  return (
    <div>
      <label htmlFor={`export-${e.id}`}>{t(`mydata.status.${e.status}`)}</label>{' '}
      <progress id={`export-${e.id}`} max={100} value={e.progress}>
        {e.progress} %
      </progress>{' '}
      <span aria-hidden="true">{e.progress} %</span>
    </div>
  );
}

/** "Mine data" (issue 20 part 3): ask for a ZIP of everything Amongi holds about you, follow it, download it. */
export function MyDataPage() {
  const { t } = useTranslation();
  usePageTitle(t('mydata.title'));
  const exports = useMyExports();
  const request = useRequestExport();
  const items = exports.data?.items ?? [];
  const running = items.find((e) => e.status === 'queued' || e.status === 'running');
  const latestReady = items.find((e) => e.downloadUrl);
  return (
    <div className="page">
      <Breadcrumbs items={[{ to: '/profil', label: t('profile.title') }, { label: t('mydata.title') }]} />
      <h1>{t('mydata.title')}</h1>
      <div className="stack">
        <section className="card" aria-labelledby="mydata-ask">
          <h2 id="mydata-ask">{t('mydata.askTitle')}</h2>
          <p>{t('mydata.intro')}</p>
          <p className="muted">{t('mydata.surveys')}</p>
          <RequestError error={request.error} />
          {running ? (
            <div role="status" aria-live="polite">
              <Progress e={running} />
              <p className="muted">{t('mydata.wait')}</p>
            </div>
          ) : (
            <>
              {latestReady?.downloadUrl && (
                <p>
                  <a href={latestReady.downloadUrl} download>
                    {t('mydata.downloadLatest', { size: size(latestReady.sizeBytes) })}
                  </a>
                </p>
              )}
              <Button onClick={() => request.mutate()} busy={request.isPending}>
                {t('mydata.request')}
              </Button>
            </>
          )}
        </section>
        <section className="card" aria-labelledby="mydata-list">
          <h2 id="mydata-list">{t('mydata.listTitle')}</h2>
          {exports.isPending ? (
            <Loading />
          ) : exports.isError ? (
            <RequestError error={exports.error} />
          ) : items.length === 0 ? (
            <p className="muted">{t('mydata.none')}</p>
          ) : (
            <TableWrap label={t('mydata.listTitle')}>
              <table>
                <thead>
                  <tr>
                    <th scope="col">{t('mydata.requested')}</th>
                    <th scope="col">{t('mydata.state')}</th>
                    <th scope="col">{t('mydata.expires')}</th>
                    <th scope="col">{t('mydata.file')}</th>
                  </tr>
                </thead>
                <tbody>
                  {items.map((e) => (
                    <tr key={e.id}>
                      <td>{formatDateTime(e.createdAt)}</td>
                      <td>{t(`mydata.status.${e.status}`)}</td>
                      <td>{e.expiresAt ? formatDateTime(e.expiresAt) : ''}</td>
                      <td>
                        {e.downloadUrl ? (
                          <a href={e.downloadUrl} download>
                            {t('mydata.download', { size: size(e.sizeBytes) })}
                          </a>
                        ) : e.status === 'ready' ? (
                          t('mydata.expired')
                        ) : (
                          ''
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableWrap>
          )}
        </section>
      </div>
    </div>
  );
}
