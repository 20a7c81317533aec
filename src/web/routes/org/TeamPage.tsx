import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { api } from '../../api/client';
import {
  peopleKeys,
  type Team,
  type TeamMember,
  useInstitution,
  usePeople,
  useTeam,
  useTeamMembers,
} from '../../api/people';
import { ErrorAlert, Loading, Notice, RequestError } from '../../components/Alert';
import { Breadcrumbs } from '../../components/Breadcrumbs';
import { Button } from '../../components/Button';
import { PersonPicker } from '../../components/PersonPicker';
import { QueryView } from '../../components/QueryView';
import { TableWrap } from '../../components/TableWrap';
import { useForm } from '../../components/useForm';
import { usePageTitle } from '../../components/usePageTitle';
import { StatusBadge } from './PeopleList';
import { DeleteTeamDialog, EditTeamDialog } from './TeamsSection';

function useMembershipRefresh(team: Team) {
  const qc = useQueryClient();
  return () =>
    Promise.all([
      qc.invalidateQueries({ queryKey: peopleKeys.teamMembers(team.id) }),
      qc.invalidateQueries({ queryKey: peopleKeys.teams(team.institutionId) }),
      qc.invalidateQueries({ queryKey: peopleKeys.me }),
    ]);
}

function AddMember({ team, members }: { team: Team; members: TeamMember[] }) {
  const { t } = useTranslation();
  const refresh = useMembershipRefresh(team);
  const [q, setQ] = useState('');
  const form = useForm(['personId'] as const);
  const [notice, setNotice] = useState<string | null>(null);
  const people = usePeople({ institutionId: team.institutionId, q: q.trim() || undefined, limit: 100 });
  const memberIds = new Set(members.map((m) => m.id));
  const candidates = (people.data?.pages[0]?.items ?? []).filter((p) => !memberIds.has(p.id));
  const add = useMutation({
    mutationFn: (personId: string) => api(`/teams/${team.id}/members/${personId}`, { method: 'PUT' }),
    onError: (err) => form.failed(err),
  });
  function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    if (add.isPending) return;
    setNotice(null);
    const personId = String(new FormData(e.currentTarget).get('personId') ?? '');
    if (form.invalid({ personId: personId ? undefined : t('org.choosePerson') })) return;
    const name = candidates.find((c) => c.id === personId)?.name ?? '';
    add.mutate(personId, {
      onSuccess: async () => {
        await refresh();
        setNotice(t('org.memberAdded', { name, team: team.name }));
      },
    });
  }
  return (
    <form ref={form.formRef} noValidate onSubmit={submit} className="inline-form">
      <h3 id="add-member">{t('org.addMember')}</h3>
      <ErrorAlert message={form.summary} />
      <Notice message={notice} />
      <div className="form-row">
        <PersonPicker
          q={q}
          onQ={setQ}
          candidates={candidates}
          busy={people.isFetching}
          error={form.errors.personId}
          labels={{ filter: t('org.filterPeople'), person: t('org.person'), none: t('org.noCandidates') }}
          showEmail
        />
      </div>
      <Button type="submit" busy={add.isPending}>
        {t('org.addMemberSubmit')}
      </Button>
    </form>
  );
}

function RemoveMember({ team, member }: { team: Team; member: TeamMember }) {
  const { t } = useTranslation();
  const refresh = useMembershipRefresh(team);
  const remove = useMutation({
    mutationFn: () => api(`/teams/${team.id}/members/${member.id}`, { method: 'DELETE' }),
    onSuccess: refresh,
  });
  return (
    <>
      <Button variant="secondary" busy={remove.isPending} onClick={() => remove.mutate()}>
        {t('org.removeMember')}
        <span className="sr-only"> {member.name}</span>
      </Button>
      {remove.isError && <RequestError error={remove.error} />}
    </>
  );
}

export function TeamPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const navigate = useNavigate();
  const team = useTeam(id);
  const institution = useInstitution(team.data?.institutionId);
  const members = useTeamMembers(id);
  usePageTitle(team.data?.name ?? t('org.team'));

  if (team.isPending) return <Loading />;
  if (team.isError)
    return (
      <div className="page">
        <h1>{t('org.team')}</h1>
        <RequestError error={team.error} />
      </div>
    );
  const tm = team.data;
  const instName = institution.data?.name ?? '';

  return (
    <div className="page">
      <Breadcrumbs
        items={[
          { to: '/organisation', label: t('org.title') },
          { to: `/organisation/institutioner/${tm.institutionId}`, label: instName || t('org.institution') },
          { label: tm.name },
        ]}
      />
      <div className="page-head">
        <div>
          <h1>{tm.name}</h1>
          <p className="muted">
            {t(`teamTypes.${tm.type}`)}
            {instName && (
              <>
                {' · '}
                <Link to={`/organisation/institutioner/${tm.institutionId}`}>{instName}</Link>
              </>
            )}
          </p>
        </div>
        <div className="page-actions">
          <EditTeamDialog team={tm} />
          <DeleteTeamDialog
            team={tm}
            onDeleted={() =>
              navigate(`/organisation/institutioner/${tm.institutionId}`, {
                state: { notice: t('org.teamDeleted', { name: tm.name }) },
              })
            }
          />
        </div>
      </div>
      <section className="card">
        <h2 id="members-heading">{t('org.members')}</h2>
        <QueryView query={members} empty={members.data?.items.length === 0 && t('org.noMembers')}>
          {(data) => (
            <TableWrap label={t('org.membersOf', { name: tm.name })}>
              <table>
                <caption className="sr-only">{t('org.membersOf', { name: tm.name })}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('common.name')}</th>
                    <th scope="col" className="col-secondary">
                      {t('login.email')}
                    </th>
                    <th scope="col" className="col-secondary">
                      {t('people.status')}
                    </th>
                    <th scope="col">
                      <span className="sr-only">{t('common.actions')}</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {data.items.map((m) => (
                    <tr key={m.id}>
                      <th scope="row">
                        <Link to={`/organisation/personer/${m.id}`}>{m.name}</Link>
                      </th>
                      <td className="break col-secondary">{m.email}</td>
                      <td className="col-secondary">
                        <StatusBadge status={m.status} />
                      </td>
                      <td className="actions">
                        <RemoveMember team={tm} member={m} />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableWrap>
          )}
        </QueryView>
        {members.isSuccess && <AddMember team={tm} members={members.data.items} />}
      </section>
    </div>
  );
}
