import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { deleteCaption, putCaption, useVideoMutation, type VideoView, videoKeys } from '../../api/videos';
import { ErrorAlert, Notice } from '../../components/Alert';
import { Button } from '../../components/Button';
import { ConfirmDialog } from '../../components/Dialogs';
import { FileField, SelectField, TextField } from '../../components/Field';
import { useForm } from '../../components/useForm';
import { currentLocale } from '../../i18n';

const LANGUAGES = ['da', 'en', 'de', 'sv', 'nb', 'uk', 'ar', 'tr', 'pl', 'so', 'fa', 'ur'];
const MAX_BYTES = 1024 * 1024;

const capital = (s: string) => s.charAt(0).toLocaleUpperCase() + s.slice(1);
/** The language's name in the interface language ("engelsk"), and in itself ("English") for the player. */
const nameIn = (code: string, inLocale: string) =>
  capital(new Intl.DisplayNames([inLocale], { type: 'language' }).of(code) ?? code);

/** Captions (V9): WebVTT files per language, shown as tracks in the player. */
export function CaptionsSection({ video }: { video: VideoView }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const captions = video.captions ?? [];
  const form = useForm(['file', 'language', 'label'] as const);
  const [language, setLanguage] = useState('da');
  const [label, setLabel] = useState(nameIn('da', 'da'));
  const [notice, setNotice] = useState<string | null>(null);
  const upload = useVideoMutation(video.id, (a: { language: string; label: string; file: File }) =>
    putCaption(video.id, a.language, a.label, a.file),
  );

  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    if (upload.isPending) return;
    setNotice(null);
    const file = new FormData(e.currentTarget).get('file');
    const f = file instanceof File && file.size > 0 ? file : null;
    let fileError: string | undefined = f ? undefined : t('captions.chooseFile');
    if (f && f.size > MAX_BYTES) fileError = t('captions.tooLarge');
    else if (f && !/^\uFEFF?WEBVTT(\s|$)/.test(await f.slice(0, 20).text())) fileError = t('captions.notVtt');
    if (form.invalid({ file: fileError, label: label.trim() ? undefined : t('captions.labelMissing') }) || !f)
      return;
    upload.mutate(
      { language, label: label.trim(), file: f },
      {
        onSuccess: () => {
          setNotice(t('captions.saved', { label: label.trim() }));
          form.formRef.current?.reset();
        },
        onError: (err) => form.failed(err),
      },
    );
  }

  return (
    <section className="card" aria-labelledby="captions-heading">
      <h2 id="captions-heading">{t('captions.title')}</h2>
      <p className="hint">{t('captions.intro')}</p>
      {captions.length ? (
        <ul className="plain-list">
          {captions.map((c) => (
            <li key={c.language} className="caption-row">
              <span>
                <strong>{c.label}</strong>
                {c.label !== nameIn(c.language, currentLocale()) && (
                  <span className="muted"> ({nameIn(c.language, currentLocale())})</span>
                )}
              </span>
              <ConfirmDialog
                triggerLabel={t('common.delete')}
                triggerContext={c.label}
                title={t('captions.deleteTitle', { label: c.label })}
                confirmLabel={t('captions.deleteConfirm')}
                onConfirm={async () => {
                  await deleteCaption(video.id, c.language);
                  await qc.invalidateQueries({ queryKey: videoKeys.one(video.id), exact: true });
                  setNotice(t('captions.deleted', { label: c.label }));
                }}
              >
                <p>{t('captions.deleteText')}</p>
              </ConfirmDialog>
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">{t('captions.none')}</p>
      )}
      <form ref={form.formRef} noValidate onSubmit={submit} className="inline-form">
        <h3>{t('captions.add')}</h3>
        <ErrorAlert message={form.summary} />
        <Notice message={notice} />
        <FileField
          label={t('captions.file')}
          hint={t('captions.fileHint')}
          name="file"
          accept=".vtt,text/vtt"
          error={form.errors.file}
        />
        <div className="form-row">
          <SelectField
            label={t('captions.language')}
            name="language"
            value={language}
            error={form.errors.language}
            onChange={(e) => {
              const code = e.target.value;
              if (!label.trim() || label === nameIn(language, language)) setLabel(nameIn(code, code));
              setLanguage(code);
            }}
          >
            {LANGUAGES.map((code) => (
              <option key={code} value={code}>
                {nameIn(code, currentLocale())}
              </option>
            ))}
          </SelectField>
          <TextField
            label={t('captions.label')}
            hint={t('captions.labelHint')}
            name="label"
            maxLength={60}
            value={label}
            error={form.errors.label}
            onChange={(e) => setLabel(e.target.value)}
          />
        </div>
        <Button type="submit" busy={upload.isPending}>
          {t('captions.upload')}
        </Button>
      </form>
    </section>
  );
}
