import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  PRESET_SETTINGS,
  SSO_CREATE_ROLES,
  SSO_MAPPED_KINDS,
  SSO_PRESETS,
  type SsoMappedKind,
  type SsoPreset,
} from '../../../../shared/sso';
import { useInstitutions } from '../../../api/people';
import {
  type IdentityProvider,
  type IdentityProviderInput,
  useIdentityProviderMutations,
} from '../../../api/sso';
import { ErrorAlert } from '../../../components/Alert';
import { Button } from '../../../components/Button';
import { SelectField, TextAreaField, TextField } from '../../../components/Field';
import { useForm } from '../../../components/useForm';

const FIELDS = [
  'name',
  'issuer',
  'clientId',
  'clientSecret',
  'scopes',
  'claimSubject',
  'claimEmail',
  'claimEmailVerified',
  'claimName',
  'claimRole',
  'roleMap',
  'createInstitutionId',
] as const;

/** "Lærer = medarbejder" lines ⇄ the role map ('elev' is accepted for pupil). */
const mapToText = (m: Record<string, string>) =>
  Object.entries(m)
    .map(([k, v]) => `${k} = ${v === 'pupil' ? 'elev' : v}`)
    .join('\n');
function textToMap(text: string): Record<string, SsoMappedKind> | null {
  const out: Record<string, SsoMappedKind> = {};
  for (const line of text.split('\n').map((l) => l.trim())) {
    if (!line) continue;
    const [k, v] = line.split('=').map((s) => s.trim());
    const kind = v === 'elev' ? 'pupil' : v;
    if (!k || !(SSO_MAPPED_KINDS as readonly string[]).includes(kind ?? '')) return null;
    out[k] = kind as SsoMappedKind;
  }
  return out;
}

type Values = Omit<IdentityProviderInput, 'roleMap' | 'clientSecret'> & {
  roleMap: string;
  clientSecret: string;
};

function fromPreset(preset: SsoPreset, keep?: Partial<Values>): Values {
  const p = PRESET_SETTINGS[preset];
  return {
    preset,
    name: p.name,
    issuer: p.issuer,
    clientId: keep?.clientId ?? '',
    clientSecret: keep?.clientSecret ?? '',
    scopes: p.scopes,
    claimSubject: p.claimSubject,
    claimEmail: p.claimEmail,
    claimEmailVerified: p.claimEmailVerified,
    claimName: p.claimName,
    claimRole: p.claimRole,
    roleMap: mapToText(p.roleMap),
    useUserinfo: p.useUserinfo,
    createUsers: keep?.createUsers ?? false,
    createInstitutionId: keep?.createInstitutionId ?? null,
    createRole: 'medarbejder',
    enabled: keep?.enabled ?? true,
  };
}

function initial(provider?: IdentityProvider): Values {
  if (!provider) return fromPreset('uni_login');
  const { id: _id, clientSecretSet: _set, linkedPeople: _n, updatedAt: _u, ...rest } = provider;
  return { ...rest, clientSecret: '', roleMap: mapToText(provider.roleMap) };
}

/** Adds or changes a sign-in service. A preset fills the form; the ids from the service are typed in. */
export function ProviderForm({ provider, onDone }: { provider?: IdentityProvider; onDone: () => void }) {
  const { t } = useTranslation();
  const m = useIdentityProviderMutations();
  const institutions = useInstitutions();
  const form = useForm(FIELDS);
  const [v, setV] = useState<Values>(() => initial(provider));
  const set = (patch: Partial<Values>) => setV((old) => ({ ...old, ...patch }));
  const busy = m.create.isPending || m.update.isPending;
  const text = (
    name: Exclude<(typeof FIELDS)[number], 'roleMap' | 'createInstitutionId'>,
    optional = false,
  ) => ({
    label: t(`sso.form.${name}`),
    name,
    optional,
    value: v[name] ?? '',
    error: form.errors[name],
    onChange: (e: { target: { value: string } }) =>
      set({
        [name]: optional && name !== 'clientSecret' && !e.target.value.trim() ? null : e.target.value,
      } as Partial<Values>),
  });

  async function submit(e: FormEvent) {
    e.preventDefault();
    const roleMap = textToMap(v.roleMap);
    if (
      form.invalid({
        name: v.name.trim() ? undefined : t('sso.form.required'),
        issuer: /^https?:\/\/[^<>\s]+$/.test(v.issuer) ? undefined : t('sso.form.issuerInvalid'),
        clientId: v.clientId.trim() ? undefined : t('sso.form.required'),
        roleMap: roleMap ? undefined : t('sso.form.roleMapInvalid'),
        createInstitutionId:
          v.createUsers && !v.createInstitutionId ? t('sso.form.institutionMissing') : undefined,
      })
    )
      return;
    const { clientSecret, ...rest } = v;
    const body: IdentityProviderInput = {
      ...rest,
      roleMap: roleMap ?? {},
      // Left empty on a change: the stored secret is kept.
      ...(clientSecret ? { clientSecret } : provider ? {} : { clientSecret: null }),
    };
    try {
      if (provider) await m.update.mutateAsync({ id: provider.id, body });
      else await m.create.mutateAsync(body);
      onDone();
    } catch (err) {
      form.failed(err);
    }
  }

  const checkbox = (name: 'useUserinfo' | 'createUsers' | 'enabled') => (
    <div className="checkbox">
      <input
        id={`sso-${name}`}
        type="checkbox"
        checked={v[name]}
        onChange={(e) => set({ [name]: e.target.checked } as Partial<Values>)}
      />
      <label htmlFor={`sso-${name}`}>{t(`sso.form.${name}`)}</label>
    </div>
  );

  return (
    <form ref={form.formRef} noValidate onSubmit={submit} className="card sso-form">
      <h2>{provider ? t('sso.form.editTitle', { name: provider.name }) : t('sso.form.addTitle')}</h2>
      <ErrorAlert message={form.summary} />
      {!provider && (
        <SelectField
          label={t('sso.form.preset')}
          hint={t('sso.form.presetHint')}
          value={v.preset}
          onChange={(e) => setV((old) => fromPreset(e.target.value as SsoPreset, old))}
        >
          {SSO_PRESETS.map((p) => (
            <option key={p} value={p}>
              {t(`sso.preset.${p}`)}
            </option>
          ))}
        </SelectField>
      )}
      <TextField {...text('name')} hint={t('sso.form.nameHint')} />
      <TextField {...text('issuer')} hint={t(`sso.form.issuerHint_${v.preset}`)} inputMode="url" />
      <TextField {...text('clientId')} autoComplete="off" />
      <TextField
        {...text('clientSecret', true)}
        type="password"
        autoComplete="new-password"
        hint={provider?.clientSecretSet ? t('sso.form.secretKept') : t('sso.form.secretHint')}
      />
      <TextField {...text('scopes')} hint={t('sso.form.scopesHint')} />
      <fieldset className="field sso-claims">
        <legend>{t('sso.form.claims')}</legend>
        <TextField {...text('claimSubject')} />
        <TextField {...text('claimEmail')} />
        <TextField {...text('claimEmailVerified', true)} hint={t('sso.form.claimEmailVerifiedHint')} />
        <TextField {...text('claimName')} />
        <TextField {...text('claimRole', true)} hint={t('sso.form.claimRoleHint')} />
        <TextAreaField
          label={t('sso.form.roleMap')}
          name="roleMap"
          optional
          rows={5}
          hint={t('sso.form.roleMapHint')}
          value={v.roleMap}
          error={form.errors.roleMap}
          onChange={(e) => set({ roleMap: e.target.value })}
        />
      </fieldset>
      {checkbox('useUserinfo')}
      {checkbox('createUsers')}
      {v.createUsers && (
        <>
          <SelectField
            label={t('sso.form.createInstitutionId')}
            value={v.createInstitutionId ?? ''}
            error={form.errors.createInstitutionId}
            onChange={(e) => set({ createInstitutionId: e.target.value || null })}
          >
            <option value="">{t('sso.form.chooseInstitution')}</option>
            {institutions.data?.items.map((i) => (
              <option key={i.id} value={i.id}>
                {i.name}
              </option>
            ))}
          </SelectField>
          <SelectField
            label={t('sso.form.createRole')}
            hint={t('sso.form.createRoleHint')}
            value={v.createRole}
            onChange={(e) => set({ createRole: e.target.value as Values['createRole'] })}
          >
            {SSO_CREATE_ROLES.map((r) => (
              <option key={r} value={r}>
                {t(`roles.${r}`)}
              </option>
            ))}
          </SelectField>
        </>
      )}
      {checkbox('enabled')}
      <div className="actions">
        <Button type="submit" busy={busy}>
          {provider ? t('sso.form.save') : t('sso.form.add')}
        </Button>
        <Button variant="secondary" onClick={onDone}>
          {t('common.cancel')}
        </Button>
      </div>
    </form>
  );
}
