import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useMe } from '../../api/people';
import { DEFAULT_MAX_BYTES, fetchMaxUploadBytes, formatBytes, useTusUpload } from '../../api/upload';
import { videoKeys } from '../../api/videos';
import { ErrorAlert } from '../../components/Alert';
import { Breadcrumbs } from '../../components/Breadcrumbs';
import { Button } from '../../components/Button';
import { FileField, TextField } from '../../components/Field';
import { useForm } from '../../components/useForm';
import { usePageTitle } from '../../components/usePageTitle';
import { UploadProgress } from './UploadProgress';

const VIDEO_NAME = /\.(mp4|m4v|mov|qt|mkv|webm|avi|wmv|3gp|3g2|mts|m2ts|mpe?g|ogv|flv|dv)$/i;

/**
 * /videoer/ny: choose a video (on a phone: record or pick one), upload it resumably. A title is optional here:
 * the video page's walk-through "Gør videoen klar" asks for one (not the file's name) and the rest.
 */
export function UploadPage() {
  const { t } = useTranslation();
  usePageTitle(t('upload.title'));
  const navigate = useNavigate();
  const { data: me } = useMe();
  const max = useQuery({
    queryKey: videoKeys.uploadMax,
    queryFn: fetchMaxUploadBytes,
    staleTime: Number.POSITIVE_INFINITY,
  });
  const maxBytes = max.data ?? DEFAULT_MAX_BYTES;
  const upload = useTusUpload(me?.id ?? '', maxBytes);
  const form = useForm(['file', 'title'] as const);
  const [file, setFile] = useState<File | null>(null);
  const [title, setTitle] = useState('');
  const { phase, videoId } = upload.state;
  const active = phase === 'starting' || phase === 'uploading' || phase === 'paused' || phase === 'offline';

  useEffect(() => {
    if (phase === 'done' && videoId) navigate(`/videoer/${videoId}`, { state: { notice: t('upload.done') } });
  }, [phase, videoId, navigate, t]);

  // Closing the tab in the middle of an upload: the browser asks first.
  useEffect(() => {
    if (!active) return;
    const warn = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [active]);

  function fileProblem(f: File | null): string | undefined {
    if (!f) return t('upload.chooseFile');
    if (f.size === 0) return t('upload.empty');
    if (f.size > maxBytes)
      return t('upload.tooLarge', { size: formatBytes(f.size), max: formatBytes(maxBytes) });
    if (f.type && !f.type.startsWith('video/') && !VIDEO_NAME.test(f.name)) return t('upload.notVideo');
    return undefined;
  }

  function pick(f: File | null) {
    setFile(f);
    form.reset();
    const problem = f ? fileProblem(f) : undefined;
    if (problem) form.invalid({ file: problem });
  }

  function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    if (active) return;
    const errors = { file: fileProblem(file) };
    if (form.invalid(errors) || !file) return;
    void upload.start(file, title.trim());
  }

  const noInstitution = !!me && !me.grants.some((g) => g.institutionId);

  return (
    <div className="page page-form">
      <Breadcrumbs items={[{ to: '/videoer', label: t('videos.title') }, { label: t('upload.title') }]} />
      <h1>{t('upload.title')}</h1>
      <p className="lead">{t('upload.intro')}</p>
      {noInstitution && <p className="alert alert-info">{t('upload.noInstitution')}</p>}
      <ErrorAlert message={upload.state.error?.message}>
        {upload.state.error?.signIn && (
          <>
            {' '}
            <Link to="/log-ind" state={{ from: '/videoer/ny' }}>
              {t('upload.signIn')}
            </Link>
          </>
        )}
      </ErrorAlert>
      <form ref={form.formRef} noValidate onSubmit={submit} className="card">
        <ErrorAlert message={form.summary} />
        <FileField
          label={t('upload.file')}
          hint={t('upload.fileHint', { max: formatBytes(maxBytes) })}
          name="file"
          accept="video/*"
          disabled={active}
          error={form.errors.file}
          onChange={(e) => pick(e.target.files?.[0] ?? null)}
        />
        <TextField
          label={t('upload.titleLabel')}
          hint={t('upload.titleHint')}
          name="title"
          optional
          maxLength={200}
          value={title}
          disabled={active}
          error={form.errors.title}
          onChange={(e) => setTitle(e.target.value)}
        />
        {!active && (
          <div className="form-actions">
            <Button type="submit" disabled={noInstitution}>
              {t('upload.submit')}
            </Button>
            <Link to="/videoer">{t('common.cancel')}</Link>
          </div>
        )}
      </form>
      {active && (
        <UploadProgress
          state={upload.state}
          fileName={file?.name ?? ''}
          onPause={upload.pause}
          onResume={upload.resume}
          onCancel={() => void upload.cancel()}
        />
      )}
    </div>
  );
}
