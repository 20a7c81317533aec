import { useMutation } from '@tanstack/react-query';
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { Link, useParams } from 'react-router';
import { ApiError, errorMessage } from '../../../api/client';
import {
  commitImport,
  type Grid,
  type ImportPreview,
  type ImportRequest,
  previewImport,
  useGrid,
  useMyProgression,
  useProgressionRefresh,
} from '../../../api/progression';
import { ErrorAlert, Loading, Notice } from '../../../components/Alert';
import { Breadcrumbs } from '../../../components/Breadcrumbs';
import { Button } from '../../../components/Button';
import { SelectField } from '../../../components/Field';
import { QueryView } from '../../../components/QueryView';
import { usePageTitle } from '../../../components/usePageTitle';
import { byStart } from '../counts';
import { useProgressionWords } from '../status';
import { type BandDraft, bandsOf, draftOf, toBase64 } from './bands';
import { BandsEditor, ColumnChoices, type Columns, FilePicker } from './ImportOptions';
import { ImportRows } from './ImportRows';
import '../progression.css';
import './import.css';

/** The server refuses larger files; they are refused here without uploading. */
const MAX_BYTES = 2 * 1024 * 1024;

/** /progression/grupper/:id/import — test results from a spreadsheet: preview every row, then save. */
export function ImportPage() {
  const { id } = useParams();
  const grid = useGrid(id);
  return (
    <div className="page">
      <QueryView query={grid}>{(data) => <ImportView grid={data} />}</QueryView>
    </div>
  );
}

type FileState = { name: string; base64: string };

/** The period a teacher most likely imports into: the latest that has started, else the first. */
function likelyPeriod(periods: Grid['periods']) {
  const today = new Date().toISOString().slice(0, 10);
  const started = periods.filter((p) => p.startsOn <= today);
  return (started.at(-1) ?? periods[0])?.id ?? '';
}

function ImportView({ grid }: { grid: Grid }) {
  const { t } = useProgressionWords(grid.institution);
  usePageTitle(`${t('progressionImport.title')} · ${grid.group.name}`);
  const ids = useId();
  const refresh = useProgressionRefresh();
  const areas = grid.areas.filter((a) => !a.archived);
  const periods = useMemo(() => [...grid.periods].sort(byStart), [grid.periods]);
  const [file, setFile] = useState<FileState | null>(null);
  const [fileError, setFileError] = useState<string>();
  const [inputKey, setInputKey] = useState(0);
  const [areaId, setAreaId] = useState(areas[0]?.id ?? '');
  const [periodId, setPeriodId] = useState(() => likelyPeriod(periods));
  const [createMissing, setCreateMissing] = useState(false);
  const [columns, setColumns] = useState<Columns>();
  const [draft, setDraft] = useState<BandDraft>();
  const [bands, setBands] = useState<ImportRequest['bands']>();
  const [saveBands, setSaveBands] = useState(false);
  // Saving the limits for the whole institution is the leaders' (those who set progression up).
  const mine = useMyProgression();
  const canSaveBands = !!mine.data?.institutions.find((i) => i.id === grid.institution.id)?.canSetUp;
  const [skip, setSkip] = useState(false);
  const [onlyErrors, setOnlyErrors] = useState(false);
  const area = areas.find((a) => a.id === areaId);
  const period = periods.find((p) => p.id === periodId);

  const request = useMemo<ImportRequest | null>(
    () =>
      file && areaId && periodId
        ? { file: file.base64, fileName: file.name, areaId, periodId, columns, bands, createMissing }
        : null,
    [file, areaId, periodId, columns, bands, createMissing],
  );
  /** The last preview answered: kept while the next one runs, so the form does not jump (or lose focus). */
  const [data, setData] = useState<ImportPreview>();
  const preview = useMutation({
    mutationFn: (r: ImportRequest) => previewImport(grid.group.id, r),
    onSuccess: setData,
    onError: () => setData(undefined),
  });
  /** The request the shown preview answers: only that one may be confirmed. */
  const previewedFor = useRef<ImportRequest | null>(null);
  const commit = useMutation({
    mutationFn: (r: ImportRequest & { fingerprint: string }) =>
      commitImport(grid.group.id, { ...r, skipErrors: skip, saveBands: canSaveBands && saveBands }),
    onSuccess: () => void refresh(),
    onError: (err) => {
      // The cells changed since the preview: show what changed, and preview again.
      if (err instanceof ApiError && err.code === 'progression.import_stale' && request) {
        previewedFor.current = request;
        preview.mutate(request);
      }
    },
  });
  const { mutate: runPreview, reset: resetPreview } = preview;
  const { reset: resetCommit } = commit;
  useEffect(() => {
    resetCommit();
    if (!request) {
      resetPreview();
      setData(undefined);
      return;
    }
    const timer = setTimeout(() => {
      previewedFor.current = request;
      runPreview(request);
    }, 200);
    return () => clearTimeout(timer);
  }, [request, runPreview, resetPreview, resetCommit]);

  async function chooseFile(f: File | null) {
    setFileError(undefined);
    setColumns(undefined);
    setSkip(false);
    if (!f) return setFile(null);
    if (f.size > MAX_BYTES) {
      setFile(null);
      setFileError(t('progressionImport.tooLarge'));
      return;
    }
    setFile({ name: f.name, base64: toBase64(new Uint8Array(await f.arrayBuffer())) });
  }
  function chooseArea(id: string) {
    setAreaId(id);
    // Another area has its own saved bands.
    setBands(undefined);
    setDraft(undefined);
  }
  function startOver() {
    setFile(null);
    setColumns(undefined);
    setSkip(false);
    setInputKey((k) => k + 1);
  }

  const current = !!data && !preview.isPending && previewedFor.current === request;
  const shownColumns = columns ?? data?.columns;
  const shownDraft = draft ?? (data ? draftOf(data.bands) : undefined);
  const toSave = data ? data.counts.new + data.counts.changed : 0;
  const blocked = !current || toSave === 0 || (data.counts.errors > 0 && !skip) || commit.isPending;
  const previewError = preview.isError ? errorMessage(preview.error) : undefined;
  const previewDetails = preview.error instanceof ApiError ? preview.error.details : [];
  const commitDetails = commit.error instanceof ApiError ? commit.error.details : [];
  const back = `/progression/grupper/${grid.group.id}`;

  if (!grid.can.write)
    return (
      <>
        <h1>{t('progressionImport.title')}</h1>
        <p className="muted">{t('progressionImport.noAccess')}</p>
      </>
    );

  return (
    <>
      <Breadcrumbs
        items={[
          { to: '/progression', label: t('progression.title') },
          { to: back, label: grid.group.name },
          { label: t('progressionImport.title') },
        ]}
      />
      <h1>
        {t('progressionImport.title')} · {grid.group.name}
      </h1>
      <p className="lead">{t('progressionImport.intro')}</p>

      <section className="card" aria-labelledby={`${ids}-file`}>
        <h2 id={`${ids}-file`}>{t('progressionImport.stepFile')}</h2>
        {commit.isSuccess ? (
          <Button variant="secondary" onClick={startOver}>
            {t('progressionImport.another')}
          </Button>
        ) : (
          <FilePicker
            t={t}
            fileName={file?.name ?? null}
            error={fileError}
            inputKey={inputKey}
            onFile={chooseFile}
          />
        )}
        <div className="imp-columns imp-picks">
          <SelectField
            label={t('progressionImport.area')}
            value={areaId}
            onChange={(e) => chooseArea(e.target.value)}
          >
            {areas.map((a) => (
              <option key={a.id} value={a.id}>
                {a.name}
              </option>
            ))}
          </SelectField>
          <SelectField
            label={t('progressionImport.period')}
            value={periodId}
            onChange={(e) => setPeriodId(e.target.value)}
          >
            {periods.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </SelectField>
        </div>
        <div className="checkbox">
          <input
            id={`${ids}-create`}
            type="checkbox"
            checked={createMissing}
            aria-describedby={`${ids}-create-hint`}
            onChange={(e) => setCreateMissing(e.target.checked)}
          />
          <label htmlFor={`${ids}-create`}>{t('progressionImport.createMissing')}</label>
        </div>
        <p id={`${ids}-create-hint`} className="hint">
          {t('progressionImport.createMissingHint')}
        </p>
      </section>

      <div aria-live="polite">
        {preview.isPending && <Loading label={t('progressionImport.checking')} />}
        {commit.isPending && <Loading label={t('progressionImport.saving')} />}
      </div>
      <ErrorAlert message={previewError}>
        {previewDetails.length > 0 && (
          <ul>
            {previewDetails.map((d) => (
              <li key={`${d.path}-${d.message}`}>
                {d.path}: {d.message}
              </li>
            ))}
          </ul>
        )}
      </ErrorAlert>

      {data && shownColumns && shownDraft && (
        <>
          <section className="card" aria-labelledby={`${ids}-columns`}>
            <h2 id={`${ids}-columns`}>{t('progressionImport.stepColumns')}</h2>
            <p className="hint">{t('progressionImport.columnsHint')}</p>
            <ColumnChoices t={t} headers={data.headers} columns={shownColumns} onChange={setColumns} />
          </section>
          <section className="card" aria-labelledby={`${ids}-bands`}>
            <h2 id={`${ids}-bands`}>{t('progressionImport.stepBands')}</h2>
            <p className="hint">{t('progressionImport.bandsHint')}</p>
            {data.bandsSource === 'saved' && !bands && (
              <p>{t('progressionImport.bandsSaved', { area: area?.name ?? '' })}</p>
            )}
            <BandsEditor
              t={t}
              draft={shownDraft}
              onChange={setDraft}
              onApply={() => {
                const parsed = bandsOf(shownDraft);
                if (!parsed.invalid.length) setBands(parsed.bands);
              }}
            />
            {canSaveBands && (
              <div className="checkbox">
                <input
                  id={`${ids}-save-bands`}
                  type="checkbox"
                  checked={saveBands}
                  onChange={(e) => setSaveBands(e.target.checked)}
                />
                <label htmlFor={`${ids}-save-bands`}>
                  {t('progressionImport.saveBands', { area: area?.name ?? '' })}
                </label>
              </div>
            )}
          </section>
        </>
      )}

      {commit.isSuccess ? (
        <section className="card" aria-labelledby={`${ids}-done`}>
          <h2 id={`${ids}-done`} className="sr-only">
            {t('progressionImport.stepPreview')}
          </h2>
          <Notice
            message={t('progressionImport.done', {
              count: commit.data.counts.new + commit.data.counts.changed,
              area: area?.name ?? '',
              period: period?.name ?? '',
            })}
          />
          <Link className="btn btn-primary" to={back}>
            {t('progressionImport.back', { group: grid.group.name })}
          </Link>
        </section>
      ) : (
        data && (
          <section className="card" aria-labelledby={`${ids}-preview`}>
            <h2 id={`${ids}-preview`}>{t('progressionImport.stepPreview')}</h2>
            <p className="hint">
              {t('progressionImport.read', {
                encoding: data.encoding,
                delimiter: data.delimiter === '\t' ? 'tab' : data.delimiter,
              })}
            </p>
            <p className="imp-counts">{t('progressionImport.counts', data.counts)}</p>
            {data.counts.createsChildren > 0 && (
              <p>{t('progressionImport.createsChildren', { count: data.counts.createsChildren })}</p>
            )}
            {data.warnings.map((w) => (
              <p key={w} className="alert alert-info">
                {w}
              </p>
            ))}
            {data.counts.errors > 0 && (
              <>
                <p className="alert alert-error">
                  {t('progressionImport.hasErrors', { count: data.counts.errors })}
                </p>
                <div className="checkbox">
                  <input
                    id={`${ids}-only`}
                    type="checkbox"
                    checked={onlyErrors}
                    onChange={(e) => setOnlyErrors(e.target.checked)}
                  />
                  <label htmlFor={`${ids}-only`}>{t('progressionImport.onlyErrors')}</label>
                </div>
              </>
            )}
            <ImportRows t={t} preview={data} onlyErrors={onlyErrors && data.counts.errors > 0} />
            <ErrorAlert message={commit.isError ? errorMessage(commit.error) : null}>
              {commitDetails.length > 0 && (
                <ul>
                  {commitDetails.map((d) => (
                    <li key={`${d.path}-${d.message}`}>
                      {d.path ? `${d.path}: ` : ''}
                      {d.message}
                    </li>
                  ))}
                </ul>
              )}
            </ErrorAlert>
            {toSave === 0 ? (
              <p className="alert alert-info">{t('progressionImport.nothing')}</p>
            ) : (
              <div className="imp-actions">
                {data.counts.errors > 0 && (
                  <div className="checkbox">
                    <input
                      id={`${ids}-skip`}
                      type="checkbox"
                      checked={skip}
                      onChange={(e) => setSkip(e.target.checked)}
                    />
                    <label htmlFor={`${ids}-skip`}>{t('progressionImport.skip')}</label>
                  </div>
                )}
                <Button
                  disabled={blocked}
                  busy={commit.isPending}
                  onClick={() => request && commit.mutate({ ...request, fingerprint: data.fingerprint })}
                >
                  {t('progressionImport.submit', { count: toSave })}
                </Button>
              </div>
            )}
          </section>
        )
      )}
    </>
  );
}
