import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type Community,
  type CommunityMember,
  inviteToCommunity,
  removeCommunityMember,
  setCommunityRole,
  useCommunityMembers,
  useCommunityRefresh,
} from '../../api/communities';
import { usePeople } from '../../api/people';
import { ErrorAlert, Notice, RequestError } from '../../components/Alert';
import { Button } from '../../components/Button';
import { ConfirmDialog } from '../../components/Dialogs';
import { PersonPicker } from '../../components/PersonPicker';
import { QueryView } from '../../components/QueryView';
import { useForm } from '../../components/useForm';
import { formatDateTime } from '../../i18n';

/** Moderator tools for one member: make or unmake moderator, remove (or withdraw the invitation). */
function MemberActions({
  community,
  member,
  meId,
}: {
  community: Community;
  member: CommunityMember;
  meId: string;
}) {
  const { t } = useTranslation();
  const refresh = useCommunityRefresh();
  const role = useMutation({
    mutationFn: () =>
      setCommunityRole(community.id, member.id, member.role === 'moderator' ? 'member' : 'moderator'),
    onSuccess: refresh,
  });
  const invited = !member.joinedAt;
  return (
    <div className="member-actions">
      {!invited && (
        <Button variant="secondary" busy={role.isPending} onClick={() => role.mutate()}>
          {member.role === 'moderator' ? t('communities.demote') : t('communities.promote')}
          <span className="sr-only"> {member.name}</span>
        </Button>
      )}
      {member.id !== meId && (
        <ConfirmDialog
          triggerLabel={invited ? t('communities.withdraw') : t('communities.remove')}
          triggerContext={member.name}
          triggerVariant="secondary"
          title={
            invited
              ? t('communities.withdrawTitle', { name: member.name })
              : t('communities.removeTitle', { name: member.name })
          }
          confirmLabel={invited ? t('communities.withdraw') : t('communities.remove')}
          onConfirm={async () => {
            await removeCommunityMember(community.id, member.id);
            await refresh();
          }}
        >
          <p>
            {invited
              ? t('communities.withdrawText', { name: member.name, community: community.name })
              : t('communities.removeText', { name: member.name, community: community.name })}
          </p>
        </ConfirmDialog>
      )}
      {role.isError && <RequestError error={role.error} />}
    </div>
  );
}

function MemberList({
  community,
  invited,
  headingId,
  meId,
}: {
  community: Community;
  invited: boolean;
  headingId: string;
  meId: string;
}) {
  const { t } = useTranslation();
  const query = useCommunityMembers(community.id, invited);
  const items = (query.data?.pages ?? []).flatMap((p) => p.items);
  return (
    <QueryView
      query={query}
      empty={
        query.isSuccess &&
        items.length === 0 &&
        (invited ? t('communities.noInvitations') : t('communities.noMembers'))
      }
    >
      {() => (
        <>
          <ul className="member-list" aria-labelledby={headingId}>
            {items.map((m) => (
              <li key={m.id}>
                <span className="member-name">
                  {m.name}
                  {m.role === 'moderator' && (
                    <span className="badge badge-info">{t('communities.moderator')}</span>
                  )}
                  {invited && m.invitedAt && (
                    <span className="muted">
                      {' '}
                      · {t('communities.invitedAt', { when: formatDateTime(m.invitedAt) })}
                    </span>
                  )}
                </span>
                {community.can.moderate && <MemberActions community={community} member={m} meId={meId} />}
              </li>
            ))}
          </ul>
          {query.hasNextPage && (
            <Button variant="secondary" busy={query.isFetchingNextPage} onClick={() => query.fetchNextPage()}>
              {t('communities.showMoreMembers')}
            </Button>
          )}
        </>
      )}
    </QueryView>
  );
}

/** A moderator invites a person: filter by name, choose, send. */
function InvitePerson({ community }: { community: Community }) {
  const { t } = useTranslation();
  const refresh = useCommunityRefresh();
  const [q, setQ] = useState('');
  const form = useForm(['personId'] as const);
  const [notice, setNotice] = useState<string | null>(null);
  const people = usePeople({ q: q.trim() || undefined, limit: 50 });
  const candidates = people.data?.pages[0]?.items ?? [];
  const invite = useMutation({
    mutationFn: (personId: string) => inviteToCommunity(community.id, personId),
    onError: (err) => form.failed(err),
  });
  function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    if (invite.isPending) return;
    setNotice(null);
    const personId = String(new FormData(e.currentTarget).get('personId') ?? '');
    if (form.invalid({ personId: personId ? undefined : t('communities.choosePerson') })) return;
    const name = candidates.find((c) => c.id === personId)?.name ?? '';
    invite.mutate(personId, {
      onSuccess: async () => {
        form.reset();
        await refresh();
        setNotice(t('communities.invitationSent', { name }));
      },
    });
  }
  return (
    <form ref={form.formRef} noValidate onSubmit={submit} className="inline-form">
      <h3 id="community-invite">{t('communities.invite')}</h3>
      <p className="hint">{t('communities.inviteHint')}</p>
      <ErrorAlert message={form.summary} />
      <Notice message={notice} />
      <PersonPicker
        q={q}
        onQ={setQ}
        candidates={candidates}
        busy={people.isFetching}
        error={form.errors.personId}
        labels={{
          filter: t('communities.filterPeople'),
          person: t('communities.person'),
          none: t('communities.noCandidates'),
        }}
      />
      <Button type="submit" busy={invite.isPending}>
        {t('communities.inviteSubmit')}
      </Button>
    </form>
  );
}

/** The members of a community, moderators marked; moderators also see invitations and their tools. */
export function CommunityMembers({ community, meId }: { community: Community; meId: string }) {
  const { t } = useTranslation();
  return (
    <section className="card" aria-labelledby="community-members">
      <h2 id="community-members">{t('communities.members')}</h2>
      <MemberList community={community} invited={false} headingId="community-members" meId={meId} />
      {community.can.moderate && (
        <>
          <h3 id="community-pending">{t('communities.pending')}</h3>
          <MemberList community={community} invited headingId="community-pending" meId={meId} />
          <InvitePerson community={community} />
        </>
      )}
    </section>
  );
}
