import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { type Role, roleScope } from '../../../shared/constants';
import { api } from '../../api/client';
import { type Me, type PersonDetail, peopleKeys, useMe, useTeams } from '../../api/people';
import { ErrorAlert } from '../../components/Alert';
import { Breadcrumbs } from '../../components/Breadcrumbs';
import { Button } from '../../components/Button';
import { SelectField, TextField } from '../../components/Field';
import { isEmail, useForm } from '../../components/useForm';
import { usePageTitle } from '../../components/usePageTitle';
import { GrantFields, useGrantOptions, validateGrant } from './GrantFields';

type Body = {
  name: string;
  email: string;
  locale: 'da' | 'en';
  grant: { role: Role; institutionId?: string; kommuneId?: string };
  teamIds?: string[];
};

function TeamChoices({ institutionId }: { institutionId: string }) {
  const { t } = useTranslation();
  const teams = useTeams(institutionId);
  if (!teams.data?.items.length) return null;
  return (
    <fieldset className="field checkbox-group">
      <legend>
        {t('org.teams')} <span className="optional">{t('common.optional')}</span>
      </legend>
      {teams.data.items.map((team) => (
        <label key={team.id} className="checkbox">
          <input type="checkbox" name="teamIds" value={team.id} /> {team.name}
          <span className="muted"> · {t(`teamTypes.${team.type}`)}</span>
        </label>
      ))}
    </fieldset>
  );
}

function InviteForm({ me }: { me: Me }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const options = useGrantOptions(me);
  const form = useForm(['name', 'email', 'role', 'institutionId', 'kommuneId', 'grant.role'] as const);
  const [role, setRole] = useState<Role | ''>('medarbejder');
  const preset = params.get('institution') ?? '';
  const single = options.institutionOptions.length === 1 ? options.institutionOptions[0].id : '';
  const [institutionId, setInstitutionId] = useState(preset || single);
  const invite = useMutation({
    mutationFn: (body: Body) => api<PersonDetail>('/people', { method: 'POST', body }),
    onSuccess: (p) => {
      void qc.invalidateQueries({ queryKey: peopleKeys.people });
      void qc.invalidateQueries({ queryKey: peopleKeys.teams() });
      navigate(`/organisation/personer/${p.id}`, {
        state: { notice: t('people.invited', { email: p.email }) },
      });
    },
    onError: (err) => form.failed(err),
  });

  function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    if (invite.isPending) return;
    const data = new FormData(e.currentTarget);
    const v = {
      name: String(data.get('name') ?? '').trim(),
      email: String(data.get('email') ?? '').trim(),
      role,
      institutionId,
      kommuneId: String(data.get('kommuneId') ?? ''),
    };
    const grantErrors = validateGrant(t, v);
    if (
      form.invalid({
        name: v.name ? undefined : t('errors.field.name'),
        email: isEmail(v.email) ? undefined : t('errors.field.email'),
        ...grantErrors,
      })
    )
      return;
    const scope = roleScope(role as Role);
    invite.mutate({
      name: v.name,
      email: v.email,
      locale: data.get('locale') === 'en' ? 'en' : 'da',
      grant: {
        role: role as Role,
        ...(scope === 'institution' ? { institutionId: v.institutionId } : {}),
        ...(scope === 'kommune' ? { kommuneId: v.kommuneId } : {}),
      },
      teamIds: scope === 'institution' ? data.getAll('teamIds').map(String) : undefined,
    });
  }

  return (
    <form ref={form.formRef} noValidate onSubmit={submit} className="card form-card">
      <ErrorAlert message={form.summary} />
      <TextField label={t('common.name')} name="name" autoComplete="off" error={form.errors.name} />
      <TextField
        label={t('login.email')}
        name="email"
        type="email"
        inputMode="email"
        autoComplete="off"
        error={form.errors.email}
      />
      <SelectField label={t('people.language')} name="locale" defaultValue="da">
        <option value="da">Dansk</option>
        <option value="en">English</option>
      </SelectField>
      <GrantFields
        options={options}
        role={role}
        onRoleChange={setRole}
        institutionId={institutionId}
        onInstitutionChange={setInstitutionId}
        errors={{ ...form.errors, role: form.errors.role ?? form.errors['grant.role'] }}
      />
      {role && roleScope(role) === 'institution' && institutionId && (
        <TeamChoices key={institutionId} institutionId={institutionId} />
      )}
      <p className="hint">{t('people.inviteHint')}</p>
      <Button type="submit" busy={invite.isPending}>
        {t('people.sendInvitation')}
      </Button>
    </form>
  );
}

export function InvitePerson() {
  const { t } = useTranslation();
  usePageTitle(t('people.inviteTitle'));
  const { data: me } = useMe();
  if (!me) return null;
  return (
    <div className="page page-form">
      <Breadcrumbs
        items={[
          { to: '/organisation', label: t('org.title') },
          { to: '/organisation/personer', label: t('people.title') },
          { label: t('people.inviteTitle') },
        ]}
      />
      <h1>{t('people.inviteTitle')}</h1>
      <p className="lead">{t('people.inviteIntro')}</p>
      <InviteForm me={me} />
    </div>
  );
}
