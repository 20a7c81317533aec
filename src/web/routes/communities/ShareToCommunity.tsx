import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { shareToCommunity, useCommunities, useCommunityRefresh } from '../../api/communities';
import type { VideoView } from '../../api/videos';
import { ErrorAlert, Notice } from '../../components/Alert';
import { Button } from '../../components/Button';
import { SelectField } from '../../components/Field';
import { useForm } from '../../components/useForm';
import './communities.css';

/** "Del i fællesskab" on the video page: share the video into one of my communities. */
export function ShareToCommunity({ video }: { video: Pick<VideoView, 'id' | 'title' | 'visibility'> }) {
  const { t } = useTranslation();
  const refresh = useCommunityRefresh();
  const mine = useCommunities({ membership: 'joined', videoId: video.id }, 100);
  const form = useForm(['communityId'] as const);
  const [notice, setNotice] = useState<string | null>(null);
  const share = useMutation({
    mutationFn: (communityId: string) => shareToCommunity(communityId, video.id),
    onError: (err) => form.failed(err),
  });
  const all = (mine.data?.pages ?? []).flatMap((p) => p.items);
  const shared = all.filter((c) => c.videoShared);
  const choices = all.filter((c) => !c.videoShared && c.can.post);

  function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    if (share.isPending) return;
    setNotice(null);
    const communityId = String(new FormData(e.currentTarget).get('communityId') ?? '');
    if (form.invalid({ communityId: communityId ? undefined : t('communities.chooseCommunity') })) return;
    const name = choices.find((c) => c.id === communityId)?.name ?? '';
    share.mutate(communityId, {
      onSuccess: async () => {
        form.reset();
        await refresh();
        setNotice(t('communities.sharedNotice', { name }));
      },
    });
  }

  if (mine.isPending || mine.isError) return null;
  return (
    <section className="card community-share" aria-labelledby="community-share">
      <h2 id="community-share">{t('communities.shareTitle')}</h2>
      <Notice message={notice} />
      {shared.length > 0 && (
        <p>
          {t('communities.sharedIn')}{' '}
          {shared.map((c, i) => (
            <span key={c.id}>
              {i > 0 && ', '}
              <Link to={`/faellesskaber/${c.id}`}>{c.name}</Link>
            </span>
          ))}
        </p>
      )}
      {video.visibility === 'private' ? (
        <p className="muted">{t('communities.privateCannotShare')}</p>
      ) : all.length === 0 ? (
        <p className="muted">
          {t('communities.shareNoCommunities')}{' '}
          <Link to="/faellesskaber">{t('communities.findCommunities')}</Link>
        </p>
      ) : choices.length === 0 ? null : (
        <form ref={form.formRef} noValidate onSubmit={submit}>
          <ErrorAlert message={form.summary} />
          <div className="form-row">
            <SelectField
              label={t('communities.chooseCommunityLabel')}
              name="communityId"
              defaultValue=""
              key={choices.map((c) => c.id).join()}
              error={form.errors.communityId}
            >
              <option value="" disabled>
                {t('common.choose')}
              </option>
              {choices.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                </option>
              ))}
            </SelectField>
            <Button type="submit" busy={share.isPending}>
              {t('communities.shareSubmit')}
            </Button>
          </div>
        </form>
      )}
    </section>
  );
}
