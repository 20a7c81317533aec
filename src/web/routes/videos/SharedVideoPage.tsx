import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { ApiError, errorMessage } from '../../api/client';
import { fetchShared, videoKeys } from '../../api/videos';
import { Loading } from '../../components/Alert';
import { Player } from '../../components/player/Player';
import { usePageTitle } from '../../components/usePageTitle';

/** /del/:token: a video shared by link. No sign-in needed; a clear message once the link stopped working. */
export function SharedVideoPage() {
  const { t } = useTranslation();
  const { token = '' } = useParams();
  const shared = useQuery({
    queryKey: videoKeys.shared(token),
    queryFn: () => fetchShared(token),
    retry: false,
  });
  const gone = shared.error instanceof ApiError && shared.error.status === 404;
  usePageTitle(shared.data?.title ?? (shared.isError ? t('shared.goneTitle') : t('shared.title')));

  if (shared.isPending) return <Loading />;
  if (shared.isError)
    return (
      <div className="page-narrow">
        <h1>{gone ? t('shared.goneTitle') : t('shared.title')}</h1>
        <p className="alert alert-error">
          {gone ? errorMessage(shared.error) || t('shared.gone') : errorMessage(shared.error)}
        </p>
        {gone && <p>{t('shared.goneHelp')}</p>}
      </div>
    );

  const v = shared.data;
  return (
    <div className="page video-page">
      <p className="muted shared-kicker">{t('shared.kicker')}</p>
      <h1 className="break">{v.title}</h1>
      <div className="video-player-wrap">
        <Player video={v} onMediaExpired={() => void shared.refetch()} />
      </div>
      {v.description && <p className="video-description">{v.description}</p>}
    </div>
  );
}
