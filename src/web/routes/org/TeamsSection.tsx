import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { TEAM_TYPES, type TeamType } from '../../../shared/constants';
import { api } from '../../api/client';
import { type Institution, peopleKeys, type Team, useTeams } from '../../api/people';
import { ErrorAlert, Notice } from '../../components/Alert';
import { Button } from '../../components/Button';
import { ConfirmDialog, FormDialog } from '../../components/Dialogs';
import { SelectField, TextField } from '../../components/Field';
import { QueryView } from '../../components/QueryView';
import { TableWrap } from '../../components/TableWrap';
import { useForm } from '../../components/useForm';

export function TeamTypeOptions() {
  const { t } = useTranslation();
  return (
    <>
      {TEAM_TYPES.map((type) => (
        <option key={type} value={type}>
          {t(`teamTypes.${type}`)}
        </option>
      ))}
    </>
  );
}

/** Rename (name and type) in a dialog. Used in the team list and on the team page. */
export function EditTeamDialog({ team, onSaved }: { team: Team; onSaved?: () => unknown }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  return (
    <FormDialog
      triggerLabel={t('org.renameTeam')}
      triggerContext={team.name}
      title={t('org.renameTeamTitle', { name: team.name })}
      submitLabel={t('common.save')}
      fields={['name', 'type'] as const}
      validate={(d) => ({ name: String(d.get('name') ?? '').trim() ? undefined : t('errors.field.name') })}
      onSubmit={async (d) => {
        await api(`/teams/${team.id}`, {
          method: 'PATCH',
          body: { name: String(d.get('name')).trim(), type: String(d.get('type')) as TeamType },
        });
        await Promise.all([
          qc.invalidateQueries({ queryKey: peopleKeys.teams(team.institutionId) }),
          qc.invalidateQueries({ queryKey: peopleKeys.team(team.id) }),
          qc.invalidateQueries({ queryKey: peopleKeys.me }),
        ]);
        await onSaved?.();
      }}
    >
      {(errors) => (
        <>
          <TextField label={t('common.name')} name="name" defaultValue={team.name} error={errors.name} />
          <SelectField
            label={t('org.teamTypeLabel')}
            name="type"
            defaultValue={team.type}
            error={errors.type}
          >
            <TeamTypeOptions />
          </SelectField>
        </>
      )}
    </FormDialog>
  );
}

export function DeleteTeamDialog({ team, onDeleted }: { team: Team; onDeleted?: () => unknown }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  return (
    <ConfirmDialog
      triggerLabel={t('common.delete')}
      triggerContext={team.name}
      title={t('org.deleteTeamTitle', { name: team.name })}
      confirmLabel={t('org.deleteTeamConfirm')}
      onConfirm={async () => {
        await api(`/teams/${team.id}`, { method: 'DELETE' });
        await onDeleted?.();
        await qc.invalidateQueries({ queryKey: peopleKeys.teams(team.institutionId) });
        void qc.invalidateQueries({ queryKey: peopleKeys.me });
      }}
    >
      <p>{t('org.deleteTeamText', { name: team.name })}</p>
    </ConfirmDialog>
  );
}

function CreateTeam({ institution }: { institution: Institution }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const form = useForm(['name', 'type'] as const);
  const [notice, setNotice] = useState<string | null>(null);
  const create = useMutation({
    mutationFn: (body: { name: string; type: TeamType }) =>
      api<Team>(`/institutions/${institution.id}/teams`, { method: 'POST', body }),
    onError: (err) => form.failed(err),
  });
  function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    if (create.isPending) return;
    setNotice(null);
    const el = e.currentTarget;
    const data = new FormData(el);
    const name = String(data.get('name') ?? '').trim();
    const type = String(data.get('type') ?? '') as TeamType;
    if (
      form.invalid({
        name: name ? undefined : t('errors.field.teamName'),
        type: type ? undefined : t('errors.field.type'),
      })
    )
      return;
    create.mutate(
      { name, type },
      {
        onSuccess: (team) => {
          el.reset();
          form.reset();
          setNotice(t('org.teamCreated', { name: team.name }));
          void qc.invalidateQueries({ queryKey: peopleKeys.teams(institution.id) });
          void qc.invalidateQueries({ queryKey: peopleKeys.institutions });
        },
      },
    );
  }
  return (
    <form ref={form.formRef} noValidate onSubmit={submit} className="inline-form">
      <h3 id="create-team">{t('org.createTeam')}</h3>
      <ErrorAlert message={form.summary} />
      <Notice message={notice} />
      <div className="form-row">
        <TextField label={t('org.teamName')} name="name" error={form.errors.name} />
        <SelectField label={t('org.type')} name="type" defaultValue="" error={form.errors.type}>
          <option value="" disabled>
            {t('common.choose')}
          </option>
          <TeamTypeOptions />
        </SelectField>
      </div>
      <Button type="submit" busy={create.isPending}>
        {t('org.createTeamSubmit')}
      </Button>
    </form>
  );
}

export function TeamsSection({ institution }: { institution: Institution }) {
  const { t } = useTranslation();
  const teams = useTeams(institution.id);
  return (
    <section className="card">
      <h2 id="teams-heading">{t('org.teams')}</h2>
      <QueryView query={teams} empty={teams.data?.items.length === 0 && t('org.noTeams')}>
        {(data) => (
          <TableWrap label={t('org.teamsIn', { name: institution.name })}>
            <table>
              <caption className="sr-only">{t('org.teamsIn', { name: institution.name })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('common.name')}</th>
                  <th scope="col" className="col-secondary">
                    {t('org.type')}
                  </th>
                  <th scope="col" className="col-secondary">
                    {t('org.memberCount')}
                  </th>
                  <th scope="col">
                    <span className="sr-only">{t('common.actions')}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {data.items.map((team) => (
                  <tr key={team.id}>
                    <th scope="row">
                      <Link to={`/organisation/teams/${team.id}`}>{team.name}</Link>
                    </th>
                    <td className="col-secondary">{t(`teamTypes.${team.type}`)}</td>
                    <td className="col-secondary">{team.memberCount ?? 0}</td>
                    <td className="actions">
                      <EditTeamDialog team={team} />
                      <DeleteTeamDialog team={team} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
        )}
      </QueryView>
      <CreateTeam institution={institution} />
    </section>
  );
}
