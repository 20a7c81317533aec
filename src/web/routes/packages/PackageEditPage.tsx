import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router';
import type { PackageVisibility } from '../../../shared/catalogue';
import { PACKAGE_DESCRIPTION_MAX, PACKAGE_GUIDE_MAX, PACKAGE_TITLE_MAX } from '../../../shared/packages';
import { type PackageDetail, updatePackage, usePackage, usePackageMutation } from '../../api/packages';
import { ErrorAlert, Loading, Notice } from '../../components/Alert';
import { Breadcrumbs } from '../../components/Breadcrumbs';
import { Button } from '../../components/Button';
import { RadioGroupField, TextAreaField, TextField } from '../../components/Field';
import { Forbidden } from '../../components/RequireAuth';
import { useForm } from '../../components/useForm';
import { usePageTitle } from '../../components/usePageTitle';
import { ItemsEditor } from './ItemsEditor';
import { PackageError } from './PackagePage';
import './packages.css';

function DetailsForm({ pkg }: { pkg: PackageDetail }) {
  const { t } = useTranslation();
  const form = useForm(['title', 'description', 'facilitationGuide', 'visibility'] as const);
  const save = usePackageMutation((b: Parameters<typeof updatePackage>[1]) => updatePackage(pkg.id, b));
  const [visibility, setVisibility] = useState<PackageVisibility>(pkg.visibility);
  const [saved, setSaved] = useState<string | null>(null);

  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    if (save.isPending) return;
    setSaved(null);
    const d = new FormData(e.currentTarget);
    const title = String(d.get('title') ?? '').trim();
    if (form.invalid({ title: title ? undefined : t('packages.form.titleMissing') })) return;
    try {
      await save.mutateAsync({
        title,
        description: String(d.get('description') ?? '').trim(),
        facilitationGuide: String(d.get('facilitationGuide') ?? '').trim(),
        visibility,
      });
      form.reset();
      setSaved(t('packages.editor.detailsSaved'));
    } catch (err) {
      form.failed(err);
    }
  }

  return (
    <form ref={form.formRef} noValidate onSubmit={submit} className="card form-card">
      <h2 id="pkg-details">{t('packages.editor.details')}</h2>
      <ErrorAlert message={form.summary} />
      <Notice message={saved} />
      <TextField
        label={t('packages.form.title')}
        name="title"
        maxLength={PACKAGE_TITLE_MAX}
        defaultValue={pkg.title}
        error={form.errors.title}
      />
      <TextAreaField
        label={t('packages.form.description')}
        hint={t('packages.form.descriptionHint')}
        name="description"
        optional
        rows={3}
        maxLength={PACKAGE_DESCRIPTION_MAX}
        defaultValue={pkg.description}
        error={form.errors.description}
      />
      <TextAreaField
        label={t('packages.form.guide')}
        hint={t('packages.form.guideHint')}
        name="facilitationGuide"
        optional
        rows={8}
        maxLength={PACKAGE_GUIDE_MAX}
        defaultValue={pkg.facilitationGuide}
        error={form.errors.facilitationGuide}
      />
      <RadioGroupField
        legend={t('packages.form.visibility')}
        name="visibility"
        value={visibility}
        onChange={setVisibility}
        error={form.errors.visibility}
        choices={(pkg.visibilities ?? [pkg.visibility]).map((v) => ({
          value: v,
          label: t(`packages.visibility.${v}`),
          hint: t(`packages.visibility.hint.${v}`),
        }))}
      />
      <div className="form-actions">
        <Button type="submit" busy={save.isPending}>
          {t('packages.editor.saveDetails')}
        </Button>
      </div>
    </form>
  );
}

/** /pakker/:id/rediger: the owner changes the package's details and its items. */
export function PackageEditPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const query = usePackage(id);
  const state = useLocation().state as { notice?: string } | null;
  const title = query.data ? t('packages.editor.title', { title: query.data.title }) : t('packages.title');
  usePageTitle(title);
  if (query.isPending) return <Loading />;
  if (query.isError) return <PackageError error={query.error} />;
  const pkg = query.data;
  if (!pkg.canEdit) return <Forbidden />;
  return (
    <div className="page pkg-edit">
      <Breadcrumbs
        items={[
          { to: '/pakker', label: t('packages.title') },
          { to: `/pakker/${pkg.id}`, label: pkg.title },
          { label: t('packages.editButton') },
        ]}
      />
      <Notice message={state?.notice} />
      <div className="page-head">
        <h1 className="break">{title}</h1>
        <div className="page-actions">
          <Link to={`/pakker/${pkg.id}`} className="btn btn-secondary">
            {t('packages.editor.done')}
          </Link>
        </div>
      </div>
      <div className="pkg-edit-columns">
        <DetailsForm key={pkg.id} pkg={pkg} />
        <ItemsEditor key={`${pkg.id}-items`} pkg={pkg} />
      </div>
    </div>
  );
}
