import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, api, errorMessage } from '../../api/client';
import type { ImportResult } from '../../api/import';
import { peopleKeys } from '../../api/people';
import { ErrorAlert, Loading, Notice } from '../../components/Alert';
import { Button } from '../../components/Button';
import { TextField } from '../../components/Field';
import { usePageTitle } from '../../components/usePageTitle';
import { ImportSummary, ImportTable } from './ImportPreview';

/** Danish headers, semicolon-separated (what Excel uses in Denmark), UTF-8 with BOM so Excel reads æøå. */
const TEMPLATE = '\uFEFFnavn;e-mail;institution;team;rolle\r\n';
const TEMPLATE_NAME = 'amongi-medarbejdere-skabelon.csv';
/** The server accepts files up to 2 MB; larger ones are refused here without uploading. */
const MAX_BYTES = 2 * 1024 * 1024;

const runImport = (file: File, dryRun: boolean) =>
  api<ImportResult>('/imports/staff', {
    method: 'POST',
    query: { dryRun: String(dryRun) },
    body: file,
    contentType: 'text/csv',
  });

function useTemplateUrl() {
  const url = useMemo(
    () => URL.createObjectURL(new Blob([TEMPLATE], { type: 'text/csv;charset=utf-8' })),
    [],
  );
  useEffect(() => () => URL.revokeObjectURL(url), [url]);
  return url;
}

export function ImportStaff() {
  const { t } = useTranslation();
  usePageTitle(t('import.title'));
  const qc = useQueryClient();
  const templateUrl = useTemplateUrl();
  const [file, setFile] = useState<File | null>(null);
  const [inputKey, setInputKey] = useState(0);
  const [tooLarge, setTooLarge] = useState(false);
  const preview = useMutation({ mutationFn: (f: File) => runImport(f, true) });
  const commit = useMutation({
    mutationFn: (f: File) => runImport(f, false),
    onSuccess: () => void qc.invalidateQueries({ queryKey: peopleKeys.people }),
  });

  function choose(f: File | null) {
    setFile(f);
    commit.reset();
    preview.reset();
    setTooLarge(!!f && f.size > MAX_BYTES);
    if (f && f.size <= MAX_BYTES) preview.mutate(f);
  }

  function startOver() {
    setFile(null);
    setTooLarge(false);
    preview.reset();
    commit.reset();
    setInputKey((k) => k + 1);
  }

  const dry = preview.data;
  const count = dry ? dry.summary.create + dry.summary.update : 0;
  const blocked = !dry || dry.summary.invalid > 0 || count === 0;
  const fileError = tooLarge
    ? t('import.tooLarge')
    : preview.isError
      ? errorMessage(preview.error)
      : undefined;
  const commitDetails = commit.error instanceof ApiError ? commit.error.details : [];
  const fileDetails = preview.error instanceof ApiError ? preview.error.details : [];

  return (
    <div className="page">
      <h1>{t('import.title')}</h1>
      <p className="lead">{t('import.intro')}</p>
      <div className="card-grid card-grid-2">
        <section className="card">
          <h2 id="import-template">{t('import.templateHeading')}</h2>
          <p>{t('import.templateText')}</p>
          <ul className="columns-help">
            <li>
              <code>navn</code> – {t('import.help.name')}
            </li>
            <li>
              <code>e-mail</code> – {t('import.help.email')}
            </li>
            <li>
              <code>institution</code> – {t('import.help.institution')}
            </li>
            <li>
              <code>team</code> – {t('import.help.team')}
            </li>
            <li>
              <code>rolle</code> – {t('import.help.role')}
            </li>
          </ul>
          <a className="btn btn-secondary" href={templateUrl} download={TEMPLATE_NAME}>
            {t('import.downloadTemplate')}
          </a>
        </section>
        <section className="card">
          <h2 id="import-file">{t('import.fileHeading')}</h2>
          {commit.isSuccess ? (
            <Button variant="secondary" onClick={startOver}>
              {t('import.another')}
            </Button>
          ) : (
            <TextField
              key={inputKey}
              label={t('import.fileLabel')}
              name="file"
              type="file"
              accept=".csv,text/csv"
              hint={t('import.fileHint')}
              error={fileError}
              onChange={(e) => choose(e.target.files?.[0] ?? null)}
            />
          )}
        </section>
      </div>

      <div aria-live="polite" className="import-status">
        {preview.isPending && <Loading label={t('import.checking')} />}
        {commit.isPending && <Loading label={t('import.saving')} />}
      </div>
      <ErrorAlert message={fileError}>
        {fileDetails.length > 0 && (
          <ul>
            {fileDetails.map((d) => (
              <li key={`${d.path}-${d.message}`}>{d.message}</li>
            ))}
          </ul>
        )}
      </ErrorAlert>

      {commit.isSuccess && file ? (
        <section className="card">
          <h2 id="import-result">{t('import.resultHeading')}</h2>
          <Notice
            message={t('import.done', {
              count: commit.data.summary.create + commit.data.summary.update,
              create: commit.data.summary.create,
              update: commit.data.summary.update,
            })}
          />
          <ImportSummary result={commit.data} />
          <ImportTable result={commit.data} fileName={file.name} />
        </section>
      ) : (
        dry &&
        file && (
          <section className="card">
            <h2 id="import-preview">{t('import.previewHeading')}</h2>
            <ImportSummary result={dry} />
            {dry.summary.invalid > 0 ? (
              <ErrorAlert message={t('import.hasErrors', { count: dry.summary.invalid })} />
            ) : count === 0 ? (
              <p className="alert alert-info">{t('import.nothingToDo')}</p>
            ) : (
              <p>{t('import.ready', { count })}</p>
            )}
            <ErrorAlert message={commit.isError ? errorMessage(commit.error) : null}>
              {commitDetails.length > 0 && (
                <ul>
                  {commitDetails.map((d) => (
                    <li key={`${d.path}-${d.message}`}>{d.message}</li>
                  ))}
                </ul>
              )}
            </ErrorAlert>
            <ImportTable result={dry} fileName={file.name} />
            <div className="form-actions">
              <Button disabled={blocked} busy={commit.isPending} onClick={() => commit.mutate(file)}>
                {t('import.submit', { count })}
              </Button>
            </div>
          </section>
        )
      )}
    </div>
  );
}
