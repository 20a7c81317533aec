import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router';
import { INSTITUTION_ROLES, type Role, roleScope } from '../../../shared/constants';
import { api } from '../../api/client';
import { type Grant, type Me, type PersonDetail, peopleKeys, useMe, usePerson } from '../../api/people';
import { ErrorAlert, Loading, Notice, RequestError } from '../../components/Alert';
import { Breadcrumbs } from '../../components/Breadcrumbs';
import { Button } from '../../components/Button';
import { ConfirmDialog, FormDialog } from '../../components/Dialogs';
import { TextField } from '../../components/Field';
import { grantScope } from '../../components/labels';
import { TableWrap } from '../../components/TableWrap';
import { useForm } from '../../components/useForm';
import { usePageTitle } from '../../components/usePageTitle';
import { ErasureSection } from '../mydata/ErasureSection';
import { GrantFields, useGrantOptions, validateGrant } from './GrantFields';
import { StatusBadge } from './PeopleList';

function canRevoke(me: Me, g: Grant) {
  if (me.capabilities.administer) return true;
  return (
    (INSTITUTION_ROLES as readonly string[]).includes(g.role) &&
    !!g.institutionId &&
    me.capabilities.manageInstitutionIds.includes(g.institutionId)
  );
}

function usePersonRefresh(id: string) {
  const qc = useQueryClient();
  return async (updated?: PersonDetail) => {
    if (updated) qc.setQueryData(peopleKeys.person(id), updated);
    else await qc.invalidateQueries({ queryKey: peopleKeys.person(id) });
    void qc.invalidateQueries({ queryKey: peopleKeys.people });
    void qc.invalidateQueries({ queryKey: peopleKeys.team() });
  };
}

function AddGrant({ me, person }: { me: Me; person: PersonDetail }) {
  const { t } = useTranslation();
  const refresh = usePersonRefresh(person.id);
  const options = useGrantOptions(me);
  const form = useForm(['role', 'institutionId', 'kommuneId'] as const);
  const [role, setRole] = useState<Role | ''>('');
  const [institutionId, setInstitutionId] = useState(
    options.institutionOptions.length === 1 ? options.institutionOptions[0].id : '',
  );
  const [notice, setNotice] = useState<string | null>(null);
  const add = useMutation({
    mutationFn: (body: { role: Role; institutionId?: string; kommuneId?: string }) =>
      api<PersonDetail>(`/people/${person.id}/grants`, { method: 'POST', body }),
    onError: (err) => form.failed(err),
  });
  function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    if (add.isPending) return;
    setNotice(null);
    const kommuneId = String(new FormData(e.currentTarget).get('kommuneId') ?? '');
    if (form.invalid(validateGrant(t, { role, institutionId, kommuneId }))) return;
    const scope = roleScope(role as Role);
    add.mutate(
      {
        role: role as Role,
        ...(scope === 'institution' ? { institutionId } : {}),
        ...(scope === 'kommune' ? { kommuneId } : {}),
      },
      {
        onSuccess: async (updated) => {
          await refresh(updated);
          setNotice(t('people.roleAdded', { role: t(`roles.${role}`) }));
          setRole('');
        },
      },
    );
  }
  return (
    <form ref={form.formRef} noValidate onSubmit={submit} className="inline-form">
      <h3 id="add-grant">{t('people.addRole')}</h3>
      <ErrorAlert message={form.summary} />
      <Notice message={notice} />
      <div className="form-row">
        <GrantFields
          options={options}
          role={role}
          onRoleChange={setRole}
          institutionId={institutionId}
          onInstitutionChange={setInstitutionId}
          errors={form.errors}
        />
      </div>
      <Button type="submit" busy={add.isPending}>
        {t('people.addRoleSubmit')}
      </Button>
    </form>
  );
}

function StatusActions({ person, onNotice }: { person: PersonDetail; onNotice: (m: string) => void }) {
  const { t } = useTranslation();
  const refresh = usePersonRefresh(person.id);
  const setStatus = (status: 'active' | 'disabled') =>
    api<PersonDetail>(`/people/${person.id}`, { method: 'PATCH', body: { status } });
  const resend = useMutation({
    mutationFn: () => api(`/people/${person.id}/invitation`, { method: 'POST' }),
    onSuccess: () => onNotice(t('people.invitationResent', { email: person.email })),
  });
  const enable = useMutation({
    mutationFn: () => setStatus('active'),
    onSuccess: async (p) => {
      await refresh(p);
      onNotice(t('people.enabled', { name: person.name }));
    },
  });
  return (
    <div className="page-actions">
      {person.status === 'invited' && (
        <Button variant="secondary" busy={resend.isPending} onClick={() => resend.mutate()}>
          {t('people.resendInvitation')}
        </Button>
      )}
      {person.status === 'active' && (
        <ConfirmDialog
          triggerLabel={t('people.disable')}
          title={t('people.disableTitle', { name: person.name })}
          confirmLabel={t('people.disableConfirm')}
          onConfirm={async () => {
            await refresh(await setStatus('disabled'));
            onNotice(t('people.disabled', { name: person.name }));
          }}
        >
          <p>{t('people.disableText', { name: person.name })}</p>
        </ConfirmDialog>
      )}
      {person.status === 'disabled' && (
        <Button variant="secondary" busy={enable.isPending} onClick={() => enable.mutate()}>
          {t('people.enable')}
        </Button>
      )}
      <RequestError error={resend.error ?? enable.error} />
    </div>
  );
}

export function PersonPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const state = useLocation().state as { notice?: string } | null;
  const { data: me } = useMe();
  const person = usePerson(id);
  const refresh = usePersonRefresh(id);
  const [notice, setNotice] = useState<string | null>(state?.notice ?? null);
  usePageTitle(person.data?.name ?? t('people.person'));

  if (person.isPending || !me) return <Loading />;
  if (person.isError)
    return (
      <div className="page">
        <h1>{t('people.person')}</h1>
        <RequestError error={person.error} />
      </div>
    );
  const p = person.data;
  const admin = me.capabilities.administer;
  const leads = p.grants.some(
    (g) => g.institutionId && me.capabilities.manageInstitutionIds.includes(g.institutionId),
  );
  const canManage = (admin || leads) && p.id !== me.id;
  const canUpdate = admin || leads || p.id === me.id;

  return (
    <div className="page">
      <Breadcrumbs
        items={[
          { to: '/organisation', label: t('org.title') },
          { to: '/organisation/personer', label: t('people.title') },
          { label: p.name },
        ]}
      />
      <div className="page-head">
        <div>
          <h1>{p.name}</h1>
          <p className="muted break">
            {p.email} · <StatusBadge status={p.status} />
          </p>
        </div>
        <div className="page-actions">
          {canUpdate && (
            <FormDialog
              triggerLabel={t('common.edit')}
              title={t('people.editTitle', { name: p.name })}
              submitLabel={t('common.save')}
              fields={['name'] as const}
              validate={(d) => ({
                name: String(d.get('name') ?? '').trim() ? undefined : t('errors.field.name'),
              })}
              onSubmit={async (d) => {
                const body = { name: String(d.get('name')).trim() };
                await refresh(await api<PersonDetail>(`/people/${p.id}`, { method: 'PATCH', body }));
              }}
            >
              {(errors) => (
                <TextField label={t('common.name')} name="name" defaultValue={p.name} error={errors.name} />
              )}
            </FormDialog>
          )}
          {canManage && <StatusActions person={p} onNotice={setNotice} />}
        </div>
      </div>
      <Notice message={notice} />
      <div className="stack">
        <section className="card">
          <h2 id="person-roles">{t('people.roles')}</h2>
          {p.grants.length === 0 ? (
            <p className="muted">{t('people.noRoles')}</p>
          ) : (
            <TableWrap label={t('people.rolesOf', { name: p.name })}>
              <table>
                <caption className="sr-only">{t('people.rolesOf', { name: p.name })}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('people.role')}</th>
                    <th scope="col" className="col-secondary">
                      {t('people.scope')}
                    </th>
                    <th scope="col">
                      <span className="sr-only">{t('common.actions')}</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {p.grants.map((g) => (
                    <tr key={g.id}>
                      <th scope="row">
                        {t(`roles.${g.role}`)}
                        <span className="only-narrow muted"> · {grantScope(t, g)}</span>
                      </th>
                      <td className="col-secondary">{grantScope(t, g)}</td>
                      <td className="actions">
                        {canRevoke(me, g) && (
                          <ConfirmDialog
                            triggerLabel={t('people.removeRole')}
                            triggerContext={`${t(`roles.${g.role}`)} ${grantScope(t, g)}`}
                            title={t('people.removeRoleTitle')}
                            confirmLabel={t('people.removeRoleConfirm')}
                            onConfirm={async () =>
                              refresh(
                                await api<PersonDetail>(`/people/${p.id}/grants/${g.id}`, {
                                  method: 'DELETE',
                                }),
                              )
                            }
                          >
                            <p>
                              {t('people.removeRoleText', {
                                role: t(`roles.${g.role}`),
                                scope: grantScope(t, g),
                                name: p.name,
                              })}
                            </p>
                          </ConfirmDialog>
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableWrap>
          )}
          {(admin || me.capabilities.manageInstitutionIds.length > 0) && <AddGrant me={me} person={p} />}
        </section>
        <section className="card">
          <h2 id="person-teams">{t('org.teams')}</h2>
          {p.teams.length === 0 ? (
            <p className="muted">{t('people.noTeams')}</p>
          ) : (
            <ul className="plain-list">
              {p.teams.map((team) => (
                <li key={team.id}>
                  <Link to={`/organisation/teams/${team.id}`}>{team.name}</Link>
                  <span className="muted"> · {t(`teamTypes.${team.type}`)}</span>
                </li>
              ))}
            </ul>
          )}
          <p className="hint">{t('people.teamsHint')}</p>
        </section>
        {admin && p.id !== me.id && <ErasureSection person={p} />}
      </div>
    </div>
  );
}
