import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { type Community, joinCommunity, leaveCommunity, useCommunityRefresh } from '../../api/communities';
import { RequestError } from '../../components/Alert';
import { Button } from '../../components/Button';
import './communities.css';

/** Access, member count and the person's own role, as a line of facts. */
export function CommunityFacts({ community }: { community: Community }) {
  const { t } = useTranslation();
  const m = community.membership;
  return (
    <p className="community-facts">
      <span className="badge">{t(`communities.access.${community.access}`)}</span>
      <span>{t('communities.memberCount', { count: community.memberCount })}</span>
      {m?.joined && m.role === 'moderator' && (
        <span className="badge badge-info">{t('communities.youModerate')}</span>
      )}
      {m && !m.joined && <span className="badge badge-invited">{t('communities.invited')}</span>}
    </p>
  );
}

/** Join (or accept), and decline: the buttons of a community in a list. */
function CardActions({ community }: { community: Community }) {
  const { t } = useTranslation();
  const refresh = useCommunityRefresh();
  const join = useMutation({ mutationFn: () => joinCommunity(community.id), onSuccess: refresh });
  const decline = useMutation({ mutationFn: () => leaveCommunity(community.id), onSuccess: refresh });
  const invited = community.membership && !community.membership.joined;
  if (!community.can.join) return null;
  return (
    <div className="community-actions">
      <Button variant={invited ? 'primary' : 'secondary'} busy={join.isPending} onClick={() => join.mutate()}>
        {invited ? t('communities.accept') : t('communities.join')}
        <span className="sr-only"> {community.name}</span>
      </Button>
      {invited && (
        <Button variant="secondary" busy={decline.isPending} onClick={() => decline.mutate()}>
          {t('communities.decline')}
          <span className="sr-only"> {community.name}</span>
        </Button>
      )}
      <RequestError error={join.error ?? decline.error} />
    </div>
  );
}

export function CommunityCard({ community }: { community: Community }) {
  return (
    <li className="community-card">
      <h3>
        <Link to={`/faellesskaber/${community.id}`}>{community.name}</Link>
      </h3>
      <CommunityFacts community={community} />
      {community.description && <p className="community-description">{community.description}</p>}
      <CardActions community={community} />
    </li>
  );
}
