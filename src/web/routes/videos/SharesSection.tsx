import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SHARE_DURATIONS, type ShareDuration } from '../../../shared/constants';
import {
  createShare,
  type NewShare,
  revokeShare,
  type Share,
  useShares,
  type VideoView,
  videoKeys,
} from '../../api/videos';
import { RequestError } from '../../components/Alert';
import { Button } from '../../components/Button';
import { ConfirmDialog } from '../../components/Dialogs';
import { SelectField } from '../../components/Field';
import { QueryView } from '../../components/QueryView';
import { TableWrap } from '../../components/TableWrap';
import { formatDateTime } from '../../i18n';
import { NewShareLink } from './NewShareLink';

const shareState = (s: Share) =>
  s.revokedAt ? 'revoked' : s.expiresAt && new Date(s.expiresAt) <= new Date() ? 'expired' : 'active';

function ShareRows({ video, items }: { video: VideoView; items: Share[] }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  return (
    <TableWrap label={t('shares.list')}>
      <table>
        <caption className="sr-only">{t('shares.list')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('shares.created')}</th>
            <th scope="col">{t('shares.expires')}</th>
            <th scope="col">
              <span className="sr-only">{t('common.actions')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {items.map((s) => {
            const state = shareState(s);
            return (
              <tr key={s.id}>
                <th scope="row">{formatDateTime(s.createdAt)}</th>
                <td>
                  {state === 'active' ? (
                    s.expiresAt ? (
                      formatDateTime(s.expiresAt)
                    ) : (
                      t('shares.never')
                    )
                  ) : (
                    <span className={`badge badge-share-${state}`}>{t(`shares.state.${state}`)}</span>
                  )}
                </td>
                <td className="actions">
                  {state === 'active' && (
                    <ConfirmDialog
                      triggerLabel={t('shares.revoke')}
                      triggerContext={t('shares.revokeContext', { date: formatDateTime(s.createdAt) })}
                      title={t('shares.revokeTitle')}
                      confirmLabel={t('shares.revokeConfirm')}
                      onConfirm={async () => {
                        await revokeShare(video.id, s.id);
                        // Revoking renews the video's media addresses: fetch the video again too.
                        await Promise.all([
                          qc.invalidateQueries({ queryKey: videoKeys.shares(video.id) }),
                          qc.invalidateQueries({ queryKey: videoKeys.one(video.id), exact: true }),
                        ]);
                      }}
                    >
                      <p>{t('shares.revokeText')}</p>
                    </ConfirmDialog>
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

/** Share links (V5): anyone with the link can watch, until it expires or is revoked. */
export function SharesSection({ video }: { video: VideoView }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const allowed = video.widestVisibility === 'public';
  const shares = useShares(video.id, allowed);
  const [duration, setDuration] = useState<ShareDuration>('7d');
  const [made, setMade] = useState<NewShare | null>(null);
  const create = useMutation({
    mutationFn: (d: ShareDuration) => createShare(video.id, d),
    onSuccess: (s) => {
      setMade(s);
      void qc.invalidateQueries({ queryKey: videoKeys.shares(video.id) });
    },
  });

  function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    if (!create.isPending) create.mutate(duration);
  }

  // Newest first.
  const items = [...(shares.data?.items ?? [])].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  return (
    <section className="card" aria-labelledby="shares-heading">
      <h2 id="shares-heading">{t('shares.title')}</h2>
      <p className="hint">{t('shares.intro')}</p>
      {!allowed ? (
        <p className="alert alert-info">{t('shares.needsConsent')}</p>
      ) : (
        <>
          {video.visibility === 'private' ? (
            <p className="alert alert-info">{t('shares.privateVideo')}</p>
          ) : (
            <form noValidate onSubmit={submit}>
              <SelectField
                label={t('shares.duration')}
                name="duration"
                value={duration}
                onChange={(e) => setDuration(e.target.value as ShareDuration)}
                hint={video.visibility === 'public' ? undefined : t('shares.neverNeedsPublic')}
              >
                {SHARE_DURATIONS.map((d) => (
                  <option key={d} value={d} disabled={d === 'never' && video.visibility !== 'public'}>
                    {t(`shares.durations.${d}`)}
                  </option>
                ))}
              </SelectField>
              <RequestError error={create.error} />
              <Button type="submit" busy={create.isPending}>
                {t('shares.create')}
              </Button>
            </form>
          )}
          {made && <NewShareLink share={made} title={video.title} />}
          <h3 id="shares-list-heading">{t('shares.list')}</h3>
          <QueryView query={shares} empty={shares.isSuccess && items.length === 0 && t('shares.none')}>
            {() => <ShareRows video={video} items={items} />}
          </QueryView>
        </>
      )}
    </section>
  );
}
