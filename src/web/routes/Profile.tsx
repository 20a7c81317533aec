import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Locale } from '../../shared/constants';
import { useChangeLocale } from '../api/auth';
import { api } from '../api/client';
import { type Me, peopleKeys, useMe, useSessions } from '../api/people';
import { useMyPillars } from '../api/pillars';
import { ErrorAlert, Notice, RequestError } from '../components/Alert';
import { Button } from '../components/Button';
import { SelectField, TextField } from '../components/Field';
import { deviceName } from '../components/labels';
import { QueryView } from '../components/QueryView';
import { NewPasswordFields, newPasswordErrors } from '../components/SetPasswordForm';
import { TableWrap } from '../components/TableWrap';
import { useForm } from '../components/useForm';
import { usePageTitle } from '../components/usePageTitle';
import { formatDateTime } from '../i18n';
import { InterestsForm } from './InterestsForm';
import { PillarsEditor } from './org/PillarsEditor';

function DetailsForm({ me }: { me: Me }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const form = useForm(['name'] as const);
  const [notice, setNotice] = useState<string | null>(null);
  const save = useMutation({
    mutationFn: (name: string) => api<Me>('/me', { method: 'PATCH', body: { name } }),
    onSuccess: (updated) => {
      qc.setQueryData(peopleKeys.me, updated);
      setNotice(t('profile.saved'));
    },
    onError: (err) => form.failed(err),
  });
  function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    if (save.isPending) return;
    setNotice(null);
    const name = String(new FormData(e.currentTarget).get('name') ?? '').trim();
    if (form.invalid({ name: name ? undefined : t('errors.field.name') })) return;
    save.mutate(name);
  }
  return (
    <form ref={form.formRef} noValidate onSubmit={submit}>
      <h2 id="profile-details">{t('profile.details')}</h2>
      <ErrorAlert message={form.summary} />
      <Notice message={notice} />
      <TextField
        label={t('profile.name')}
        name="name"
        defaultValue={me.name}
        autoComplete="name"
        error={form.errors.name}
      />
      <p>
        <span className="label-like">{t('login.email')}</span> {me.email}
      </p>
      <Button type="submit" busy={save.isPending}>
        {t('profile.saveName')}
      </Button>
    </form>
  );
}

function LanguageForm({ me }: { me: Me }) {
  const { t } = useTranslation();
  const change = useChangeLocale();
  const [notice, setNotice] = useState<string | null>(null);
  function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    if (change.isPending) return;
    const locale = String(new FormData(e.currentTarget).get('locale')) as Locale;
    change.mutate(locale, { onSuccess: () => setNotice(t('profile.languageSaved')) });
  }
  return (
    <form noValidate onSubmit={submit}>
      <h2 id="profile-language">{t('profile.language')}</h2>
      <RequestError error={change.error} />
      <Notice message={notice} />
      <SelectField label={t('profile.languageLabel')} name="locale" defaultValue={me.locale} key={me.locale}>
        <option value="da" lang="da">
          Dansk
        </option>
        <option value="en" lang="en">
          English
        </option>
      </SelectField>
      <Button type="submit" busy={change.isPending}>
        {t('profile.saveLanguage')}
      </Button>
    </form>
  );
}

function PasswordForm() {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const form = useForm(['currentPassword', 'newPassword', 'repeat'] as const);
  const [notice, setNotice] = useState<string | null>(null);
  const change = useMutation({
    mutationFn: (body: { currentPassword: string; newPassword: string }) =>
      api('/me/password', { method: 'POST', body }),
    onError: (err) => form.failed(err),
  });
  function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    if (change.isPending) return;
    setNotice(null);
    const el = e.currentTarget;
    const data = new FormData(el);
    const currentPassword = String(data.get('currentPassword') ?? '');
    const newPassword = String(data.get('newPassword') ?? '');
    const repeat = String(data.get('repeat') ?? '');
    const fresh = newPasswordErrors(t, newPassword, repeat);
    if (
      form.invalid({
        currentPassword: currentPassword ? undefined : t('profile.currentMissing'),
        newPassword: fresh.password,
        repeat: fresh.repeat,
      })
    )
      return;
    change.mutate(
      { currentPassword, newPassword },
      {
        onSuccess: () => {
          el.reset();
          setNotice(t('profile.passwordChanged'));
          void qc.invalidateQueries({ queryKey: peopleKeys.sessions });
        },
      },
    );
  }
  return (
    <form ref={form.formRef} noValidate onSubmit={submit}>
      <h2 id="profile-password">{t('profile.changePassword')}</h2>
      <ErrorAlert message={form.summary} />
      <Notice message={notice} />
      <TextField
        label={t('profile.currentPassword')}
        name="currentPassword"
        type="password"
        autoComplete="current-password"
        error={form.errors.currentPassword}
      />
      <NewPasswordFields
        name="newPassword"
        errors={{ password: form.errors.newPassword, repeat: form.errors.repeat }}
      />
      <Button type="submit" busy={change.isPending}>
        {t('profile.changePasswordSubmit')}
      </Button>
    </form>
  );
}

function Sessions() {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const sessions = useSessions();
  const [notice, setNotice] = useState<string | null>(null);
  const signOutOthers = useMutation({
    mutationFn: () => api('/me/sessions', { method: 'DELETE' }),
    onSuccess: () => {
      setNotice(t('profile.othersSignedOut'));
      void qc.invalidateQueries({ queryKey: peopleKeys.sessions });
    },
  });
  return (
    <section>
      <h2 id="profile-sessions">{t('profile.sessions')}</h2>
      <p>{t('profile.sessionsIntro')}</p>
      <QueryView query={sessions}>
        {(data) => (
          <TableWrap label={t('profile.sessions')}>
            <table>
              <caption className="sr-only">{t('profile.sessions')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('profile.device')}</th>
                  <th scope="col" className="col-secondary">
                    {t('profile.signedIn')}
                  </th>
                  <th scope="col">{t('profile.lastSeen')}</th>
                </tr>
              </thead>
              <tbody>
                {data.items.map((s) => (
                  <tr key={s.id}>
                    <td>
                      {deviceName(t, s.userAgent)}
                      {s.current && <span className="badge badge-info">{t('profile.thisDevice')}</span>}
                    </td>
                    <td className="col-secondary">{formatDateTime(s.createdAt)}</td>
                    <td>{formatDateTime(s.lastSeenAt)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
        )}
      </QueryView>
      <RequestError error={signOutOthers.error} />
      <Notice message={notice} />
      <Button variant="secondary" busy={signOutOthers.isPending} onClick={() => signOutOthers.mutate()}>
        {t('profile.signOutOthers')}
      </Button>
    </section>
  );
}

/** Forvaltning: the PLF pillars' names in its kommune (administrators have them under Organisation). */
function KommunePillars() {
  const { data } = useMyPillars();
  if (!data?.mayEdit || !data.kommune) return null;
  return (
    <div className="card">
      <PillarsEditor kommuneId={data.kommune.id} />
    </div>
  );
}

export function Profile() {
  const { t } = useTranslation();
  usePageTitle(t('profile.title'));
  const { data: me } = useMe();
  if (!me) return null;
  return (
    <div className="page">
      <h1>{t('profile.title')}</h1>
      <p>
        <Link to="/profil/mine-data">{t('mydata.link')}</Link>
      </p>
      <p>
        <Link to="/profil/log">{t('auditlog.ownLink')}</Link>
      </p>
      <div className="card profile-interests">
        <InterestsForm />
      </div>
      <div className="card-grid card-grid-2">
        <div className="card">
          <DetailsForm me={me} />
        </div>
        <div className="card">
          <LanguageForm me={me} />
        </div>
        <div className="card">
          <PasswordForm />
        </div>
        <div className="card">
          <Sessions />
        </div>
      </div>
      <KommunePillars />
    </div>
  );
}
