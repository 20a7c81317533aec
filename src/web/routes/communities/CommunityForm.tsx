import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { CommunityAccess } from '../../../shared/catalogue';
import { type Community, createCommunity, useCommunityRefresh } from '../../api/communities';
import { ErrorAlert } from '../../components/Alert';
import { Breadcrumbs } from '../../components/Breadcrumbs';
import { Button } from '../../components/Button';
import { RadioGroupField, TextAreaField, TextField } from '../../components/Field';
import { type Errors, useForm } from '../../components/useForm';
import { usePageTitle } from '../../components/usePageTitle';

const FIELDS = ['name', 'description', 'access'] as const;
type Field = (typeof FIELDS)[number];

/** Name, description and access: the fields of a new community and of the edit dialog. */
export function CommunityFields({
  errors,
  initial,
}: {
  errors: Errors<Field>;
  initial?: Pick<Community, 'name' | 'description' | 'access'>;
}) {
  const { t } = useTranslation();
  const [access, setAccess] = useState<CommunityAccess>(initial?.access ?? 'open');
  return (
    <>
      <TextField
        label={t('communities.name')}
        name="name"
        maxLength={120}
        autoComplete="off"
        defaultValue={initial?.name}
        error={errors.name}
      />
      <TextAreaField
        label={t('communities.description')}
        name="description"
        optional
        maxLength={2000}
        rows={4}
        defaultValue={initial?.description}
        hint={t('communities.descriptionHint')}
        error={errors.description}
      />
      <RadioGroupField
        legend={t('communities.accessLegend')}
        name="access"
        value={access}
        onChange={setAccess}
        error={errors.access}
        choices={(['open', 'invite'] as const).map((a) => ({
          value: a,
          label: t(`communities.access.${a}`),
          hint: t(`communities.accessHint.${a}`),
        }))}
      />
    </>
  );
}

/** Reads and checks the fields; `errors` is empty when they are fine. */
export function readCommunityFields(data: FormData, t: (k: string) => string) {
  const values = {
    name: String(data.get('name') ?? '').trim(),
    description: String(data.get('description') ?? '').trim(),
    access: (data.get('access') === 'invite' ? 'invite' : 'open') as CommunityAccess,
  };
  const errors: Errors<Field> = { name: values.name ? undefined : t('communities.nameRequired') };
  return { values, errors };
}

/** /faellesskaber/ny */
export function NewCommunityPage() {
  const { t } = useTranslation();
  usePageTitle(t('communities.createTitle'));
  const navigate = useNavigate();
  const refresh = useCommunityRefresh();
  const form = useForm(FIELDS);
  const [busy, setBusy] = useState(false);

  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    if (busy) return;
    const { values, errors } = readCommunityFields(new FormData(e.currentTarget), t);
    if (form.invalid(errors)) return;
    setBusy(true);
    try {
      const c = await createCommunity(values);
      await refresh();
      navigate(`/faellesskaber/${c.id}`, { state: { notice: t('communities.created', { name: c.name }) } });
    } catch (err) {
      form.failed(err);
      setBusy(false);
    }
  }

  return (
    <div className="page page-form">
      <Breadcrumbs
        items={[
          { to: '/faellesskaber', label: t('communities.title') },
          { label: t('communities.createTitle') },
        ]}
      />
      <h1>{t('communities.createTitle')}</h1>
      <p className="lead">{t('communities.createIntro')}</p>
      <form ref={form.formRef} noValidate onSubmit={submit} className="card form-card">
        <ErrorAlert message={form.summary} />
        <CommunityFields errors={form.errors} />
        <Button type="submit" busy={busy}>
          {t('communities.createSubmit')}
        </Button>
      </form>
    </div>
  );
}
