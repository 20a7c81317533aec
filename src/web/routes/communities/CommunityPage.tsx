import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import { ApiError } from '../../api/client';
import {
  type Community,
  deleteCommunity,
  joinCommunity,
  leaveCommunity,
  updateCommunity,
  useCommunity,
  useCommunityRefresh,
} from '../../api/communities';
import { useMe } from '../../api/people';
import { Loading, Notice, RequestError } from '../../components/Alert';
import { Breadcrumbs } from '../../components/Breadcrumbs';
import { Button } from '../../components/Button';
import { ConfirmDialog, FormDialog } from '../../components/Dialogs';
import { usePageTitle } from '../../components/usePageTitle';
import { CommunityFacts } from './CommunityCard';
import { CommunityFields, readCommunityFields } from './CommunityForm';
import { CommunityMembers } from './CommunityMembers';
import { FeedList } from './FeedList';
import { PostComposer } from './PostComposer';
import { UpcomingEvents } from './Posts';
import './communities.css';

/** Join / accept / decline / leave, as fits the person's membership. */
function MembershipActions({ community }: { community: Community }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const refresh = useCommunityRefresh();
  const join = useMutation({ mutationFn: () => joinCommunity(community.id), onSuccess: refresh });
  const leave = useMutation({
    mutationFn: () => leaveCommunity(community.id),
    onSuccess: async (res) => {
      await refresh();
      const notice = t(community.membership?.joined ? 'communities.left' : 'communities.declined', {
        name: community.name,
      });
      if (!res.community) navigate('/faellesskaber', { state: { notice } });
    },
  });
  const m = community.membership;
  const error = join.error ?? leave.error;
  if (m && !m.joined)
    return (
      <div className="card community-invitation">
        <p>
          <strong>{t('communities.invitedHere', { name: community.name })}</strong>
        </p>
        <div className="page-actions">
          <Button busy={join.isPending} onClick={() => join.mutate()}>
            {t('communities.accept')}
          </Button>
          <Button variant="secondary" busy={leave.isPending} onClick={() => leave.mutate()}>
            {t('communities.decline')}
          </Button>
        </div>
        <RequestError error={error} />
      </div>
    );
  if (!community.can.join && !m?.joined) return null;
  return (
    <div className="page-actions community-membership">
      {community.can.join && (
        <Button busy={join.isPending} onClick={() => join.mutate()}>
          {t('communities.join')}
        </Button>
      )}
      {m?.joined && (
        <Button variant="secondary" busy={leave.isPending} onClick={() => leave.mutate()}>
          {t('communities.leave')}
        </Button>
      )}
      <RequestError error={error} />
    </div>
  );
}

function ModeratorActions({ community }: { community: Community }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const refresh = useCommunityRefresh();
  return (
    <div className="page-actions">
      <FormDialog
        triggerLabel={t('communities.edit')}
        title={t('communities.editTitle')}
        fields={['name', 'description', 'access'] as const}
        submitLabel={t('common.save')}
        validate={(data) => readCommunityFields(data, t).errors}
        onSubmit={async (data) => {
          await updateCommunity(community.id, readCommunityFields(data, t).values);
          await refresh();
        }}
      >
        {(errors) => <CommunityFields errors={errors} initial={community} />}
      </FormDialog>
      <ConfirmDialog
        triggerLabel={t('communities.delete')}
        title={t('communities.deleteTitle', { name: community.name })}
        confirmLabel={t('communities.deleteConfirm')}
        onConfirm={async () => {
          await deleteCommunity(community.id);
          await refresh();
          navigate('/faellesskaber', {
            state: { notice: t('communities.deleted', { name: community.name }) },
          });
        }}
      >
        <p>{t('communities.deleteText')}</p>
      </ConfirmDialog>
    </div>
  );
}

function Missing({ error }: { error: unknown }) {
  const { t } = useTranslation();
  usePageTitle(t('communities.notFoundTitle'));
  const notFound = error instanceof ApiError && error.status === 404;
  return (
    <div className="page-narrow">
      <h1>{notFound ? t('communities.notFoundTitle') : t('communities.title')}</h1>
      {notFound ? <p>{t('communities.notFound')}</p> : <RequestError error={error} />}
      <p>
        <Link to="/faellesskaber">{t('communities.back')}</Link>
      </p>
    </div>
  );
}

/** /faellesskaber/:id: about, membership, the feed and the members (with moderator tools). */
export function CommunityPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const community = useCommunity(id);
  const { data: me } = useMe();
  const state = useLocation().state as { notice?: string } | null;
  const [posted, setPosted] = useState<string | null>(null);
  usePageTitle(community.data?.name ?? t('communities.title'));

  if (community.isPending) return <Loading />;
  if (community.isError) return <Missing error={community.error} />;
  const c = community.data;
  return (
    <div className="page">
      <Breadcrumbs items={[{ to: '/faellesskaber', label: t('communities.title') }, { label: c.name }]} />
      <Notice message={state?.notice} />
      <div className="page-head">
        <div>
          <h1 className="break">{c.name}</h1>
          <CommunityFacts community={c} />
        </div>
        {c.can.moderate && <ModeratorActions community={c} />}
      </div>
      {c.description && <p className="community-about">{c.description}</p>}
      <MembershipActions community={c} />
      <Notice message={posted} />
      <div className="community-layout">
        <div className="community-main">
          {/* On a phone the coming events come first; on a wide screen they sit beside the feed. */}
          {c.can.post && <UpcomingEvents communityId={c.id} className="only-narrow" />}
          {c.can.post && <PostComposer communityId={c.id} onPosted={setPosted} />}
          <section aria-labelledby="community-feed">
            <h2 id="community-feed">{t('communities.feed')}</h2>
            {c.can.post ? (
              <p className="hint">{t('communities.shareHint')}</p>
            ) : (
              <p className="hint">{t('communities.posts.membersOnly')}</p>
            )}
            <FeedList
              communityId={c.id}
              headingId="community-feed"
              empty={t('communities.feedEmpty')}
              meId={me?.id}
              moderate={c.can.moderate}
            />
          </section>
        </div>
        <div className="community-side">
          {c.can.post && <UpcomingEvents communityId={c.id} className="only-wide" />}
          <CommunityMembers community={c} meId={me?.id ?? ''} />
        </div>
      </div>
    </div>
  );
}
