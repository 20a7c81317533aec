import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { PACKAGE_DESCRIPTION_MAX, PACKAGE_GUIDE_MAX, PACKAGE_TITLE_MAX } from '../../../shared/packages';
import { createPackage, usePackageMutation } from '../../api/packages';
import { ErrorAlert } from '../../components/Alert';
import { Breadcrumbs } from '../../components/Breadcrumbs';
import { Button } from '../../components/Button';
import { TextAreaField, TextField } from '../../components/Field';
import { useForm } from '../../components/useForm';
import { usePageTitle } from '../../components/usePageTitle';
import './packages.css';

/** /pakker/ny: title, description and facilitation guide; the items are added on the edit page next. */
export function PackageNewPage() {
  const { t } = useTranslation();
  usePageTitle(t('packages.new.title'));
  const navigate = useNavigate();
  const form = useForm(['title', 'description', 'facilitationGuide'] as const);
  const create = usePackageMutation(createPackage);
  const [busy, setBusy] = useState(false);

  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    if (busy) return;
    const d = new FormData(e.currentTarget);
    const title = String(d.get('title') ?? '').trim();
    if (form.invalid({ title: title ? undefined : t('packages.form.titleMissing') })) return;
    setBusy(true);
    try {
      const p = await create.mutateAsync({
        title,
        description: String(d.get('description') ?? '').trim(),
        facilitationGuide: String(d.get('facilitationGuide') ?? '').trim(),
      });
      navigate(`/pakker/${p.id}/rediger`, { state: { notice: t('packages.new.created') } });
    } catch (err) {
      form.failed(err);
      setBusy(false);
    }
  }

  return (
    <div className="page-narrow page-form">
      <Breadcrumbs
        items={[{ to: '/pakker', label: t('packages.title') }, { label: t('packages.new.title') }]}
      />
      <h1>{t('packages.new.title')}</h1>
      <p className="lead">{t('packages.new.intro')}</p>
      <form ref={form.formRef} noValidate onSubmit={submit} className="card form-card">
        <ErrorAlert message={form.summary} />
        <TextField
          label={t('packages.form.title')}
          name="title"
          maxLength={PACKAGE_TITLE_MAX}
          error={form.errors.title}
        />
        <TextAreaField
          label={t('packages.form.description')}
          hint={t('packages.form.descriptionHint')}
          name="description"
          optional
          maxLength={PACKAGE_DESCRIPTION_MAX}
          rows={3}
          error={form.errors.description}
        />
        <TextAreaField
          label={t('packages.form.guide')}
          hint={t('packages.form.guideHint')}
          name="facilitationGuide"
          optional
          maxLength={PACKAGE_GUIDE_MAX}
          rows={8}
          error={form.errors.facilitationGuide}
        />
        <div className="form-actions">
          <Button type="submit" busy={busy}>
            {t('packages.new.submit')}
          </Button>
          <Link to="/pakker" className="btn btn-secondary">
            {t('common.cancel')}
          </Link>
        </div>
      </form>
    </div>
  );
}
