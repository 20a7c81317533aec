import { type FormEvent, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { INQUIRY_LIMITS as L } from '../../../../shared/inquiry';
import { errorMessage } from '../../../api/client';
import {
  addEvidence,
  addEvidenceFile,
  type CycleDetail,
  deleteEvidence,
  type Evidence,
  evidenceFileUrl,
  type NewEvidence,
  useInquiryRefresh,
  useTeamSpace,
} from '../../../api/inquiry';
import { useVisits } from '../../../api/observation';
import { formatBytes } from '../../../api/upload';
import { ErrorAlert, Notice } from '../../../components/Alert';
import { Button } from '../../../components/Button';
import { ConfirmDialog } from '../../../components/Dialogs';
import { FileField, SelectField, TextAreaField, TextField } from '../../../components/Field';
import { TableWrap } from '../../../components/TableWrap';
import { formatDateTime } from '../../../i18n';
import type { WordsT } from '../../../i18n/words';
import { formatDay } from '../common';

const KINDS = ['note', 'quote', 'table', 'file', 'video', 'visit'] as const;
type Kind = (typeof KINDS)[number];

/** "Klokken; Antal\n9.00; 4" → columns and rows (semicolons or tabs between cells, one row a line). */
export function parseTable(text: string) {
  const lines = text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean)
    .map((l) => l.split(/\t|;/).map((c) => c.trim()));
  const [columns = [], ...rows] = lines;
  return { columns, rows };
}

function EvidenceTableView({ data, title }: { data: NonNullable<Evidence['data']>; title: string }) {
  return (
    <TableWrap label={title}>
      <table className="inquiry-table">
        <caption className="sr-only">{title}</caption>
        <thead>
          <tr>
            {data.columns.map((c, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: columns may repeat
              <th key={i} scope="col">
                {c}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {data.rows.map((r, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity
            <tr key={i}>
              {data.columns.map((_, j) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: cells have no identity
                <td key={j}>{r[j] ?? ''}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}

function EvidenceItem({ e, canWrite }: { e: Evidence; canWrite: boolean }) {
  const { t } = useTranslation();
  const refresh = useInquiryRefresh();
  const name =
    e.title ||
    (e.kind === 'video' && e.video?.title) ||
    e.file?.name ||
    t(`inquiry.evidence.kinds.${e.kind}`);
  return (
    <li className="inquiry-evidence">
      <p className="inquiry-evidence-kind">
        <span className="badge">{t(`inquiry.evidence.kinds.${e.kind}`)}</span>
        {e.title && <strong className="break">{e.title}</strong>}
      </p>
      {!e.available ? (
        <p className="muted">{t('inquiry.evidence.unavailable')}</p>
      ) : (
        <>
          {e.kind === 'quote' && <blockquote className="inquiry-quote">{e.body}</blockquote>}
          {e.kind === 'note' && <p className="inquiry-text">{e.body}</p>}
          {e.kind === 'table' && e.data && <EvidenceTableView data={e.data} title={name} />}
          {e.kind === 'file' && e.file && (
            <p>
              <a href={evidenceFileUrl(e.id)} download={e.file.name}>
                {e.file.name}
              </a>{' '}
              <span className="muted">({formatBytes(e.file.size)})</span>
            </p>
          )}
          {e.kind === 'video' && e.video && (
            <p>
              <Link to={`/videoer/${e.video.id}`}>{e.video.title}</Link>
            </p>
          )}
          {e.kind === 'visit' && e.visit && (
            <p>
              <Link to={`/observation/besoeg/${e.visit.id}`}>
                {t('inquiry.evidence.visitLink', { date: formatDay(e.visit.date) })}
              </Link>
            </p>
          )}
        </>
      )}
      <p className="hint">
        {t('inquiry.evidence.added', {
          name: e.addedBy?.name ?? t('inquiry.someone'),
          when: formatDateTime(e.createdAt),
        })}
      </p>
      {canWrite && (
        <ConfirmDialog
          triggerLabel={t('inquiry.evidence.remove')}
          triggerContext={name}
          title={t('inquiry.evidence.removeTitle')}
          confirmLabel={t('inquiry.evidence.remove')}
          onConfirm={async () => {
            await deleteEvidence(e.id);
            await refresh();
          }}
        >
          <p>{t('inquiry.evidence.removeText', { name })}</p>
        </ConfirmDialog>
      )}
    </li>
  );
}

/** Picks a video shared with the team (the team space lists them). */
function VideoPicker({ teamId }: { teamId: string }) {
  const { t } = useTranslation();
  const space = useTeamSpace(teamId);
  const videos = space.data?.videos ?? [];
  return (
    <SelectField name="videoId" label={t('inquiry.evidence.video')} hint={t('inquiry.evidence.videoHint')}>
      <option value="">{space.isPending ? t('common.loading') : t('common.choose')}</option>
      {videos.map((v) => (
        <option key={v.id} value={v.id}>
          {v.title}
        </option>
      ))}
    </SelectField>
  );
}

/** Picks one of the person's own observation visits. */
function VisitPicker() {
  const { t } = useTranslation();
  const visits = useVisits({});
  const items = visits.data?.items ?? [];
  return (
    <SelectField name="visitId" label={t('inquiry.evidence.visit')} hint={t('inquiry.evidence.visitHint')}>
      <option value="">{visits.isPending ? t('common.loading') : t('common.choose')}</option>
      {items.map((v) => (
        <option key={v.id} value={v.id}>
          {t('inquiry.evidence.visitOption', {
            date: formatDay(v.plannedFor),
            teacher: v.teacher.name,
            observer: v.observer.name || '–',
          })}
        </option>
      ))}
    </SelectField>
  );
}

/** Adds evidence: a note, a quote, a small table, a file, or a link to a video or a visit. */
function AddEvidence({ cycle, wt }: { cycle: CycleDetail; wt: WordsT }) {
  const { t } = useTranslation();
  const refresh = useInquiryRefresh();
  const id = useId();
  const [kind, setKind] = useState<Kind>('note');
  const [error, setError] = useState<string | null>(null);
  const [added, setAdded] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [key, setKey] = useState(0);
  const wrap = useRef<HTMLDivElement>(null);

  async function submit(ev: FormEvent<HTMLFormElement>) {
    ev.preventDefault();
    if (busy) return;
    const data = new FormData(ev.currentTarget);
    const s = (k: string) => String(data.get(k) ?? '').trim();
    setError(null);
    setAdded(null);
    let body: NewEvidence | null = null;
    let file: File | null = null;
    if (kind === 'note') {
      if (!s('body')) return setError(t('inquiry.evidence.noteMissing'));
      body = { kind, title: s('title'), body: s('body') };
    } else if (kind === 'quote') {
      if (!s('body')) return setError(t('inquiry.evidence.quoteMissing'));
      body = { kind, body: s('body') };
    } else if (kind === 'table') {
      const table = parseTable(String(data.get('table') ?? ''));
      if (!s('title')) return setError(t('inquiry.evidence.tableTitleMissing'));
      if (table.columns.length === 0) return setError(t('inquiry.evidence.tableMissing'));
      if (
        table.columns.length > L.tableColumns ||
        table.rows.length > L.tableRows ||
        table.rows.some((r) => r.length > L.tableColumns) ||
        [table.columns, ...table.rows].some((r) => r.some((c) => c.length > L.cell))
      )
        return setError(t('inquiry.evidence.tableTooBig', { rows: L.tableRows, columns: L.tableColumns }));
      body = { kind, title: s('title'), data: table };
    } else if (kind === 'video') {
      if (!s('videoId')) return setError(t('inquiry.evidence.videoMissing'));
      body = { kind, videoId: s('videoId') };
    } else if (kind === 'visit') {
      if (!s('visitId')) return setError(t('inquiry.evidence.visitMissing'));
      body = { kind, visitId: s('visitId') };
    } else {
      const f = data.get('file');
      file = f instanceof File && f.size > 0 ? f : null;
      if (!file) return setError(t('inquiry.evidence.fileMissing'));
      if (file.size > L.fileBytes) return setError(t('inquiry.evidence.fileTooLarge'));
    }
    setBusy(true);
    try {
      if (file) await addEvidenceFile(cycle.id, file, s('title'));
      else if (body) await addEvidence(cycle.id, body);
      await refresh();
      setAdded(t('inquiry.evidence.addedNotice'));
      setKey((k) => k + 1);
      requestAnimationFrame(() =>
        wrap.current?.querySelector<HTMLElement>('form input:not([type=hidden]), form textarea')?.focus(),
      );
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div ref={wrap} className="inline-form inquiry-add-evidence">
      <h3 id={`${id}-h`}>{t('inquiry.evidence.add')}</h3>
      <SelectField
        label={t('inquiry.evidence.kind')}
        value={kind}
        onChange={(e) => {
          setKind(e.target.value as Kind);
          setError(null);
        }}
      >
        {KINDS.map((k) => (
          <option key={k} value={k}>
            {t(`inquiry.evidence.kinds.${k}`)}
          </option>
        ))}
      </SelectField>
      <form key={`${kind}-${key}`} noValidate onSubmit={submit} aria-labelledby={`${id}-h`}>
        <ErrorAlert message={error} />
        <Notice message={added} />
        {kind === 'note' && (
          <>
            <TextField name="title" label={t('inquiry.evidence.title')} maxLength={L.title} optional />
            <TextAreaField
              name="body"
              label={t('inquiry.evidence.note')}
              hint={wt('inquiry.evidence.noNames')}
              maxLength={L.note}
            />
          </>
        )}
        {kind === 'quote' && (
          <TextAreaField
            name="body"
            rows={3}
            label={t('inquiry.evidence.quote')}
            hint={wt('inquiry.evidence.quoteHint')}
            maxLength={L.quote}
          />
        )}
        {kind === 'table' && (
          <>
            <TextField name="title" label={t('inquiry.evidence.tableTitle')} maxLength={L.title} />
            <TextAreaField
              name="table"
              rows={5}
              label={t('inquiry.evidence.table')}
              hint={wt('inquiry.evidence.tableHint')}
              className="inquiry-mono"
            />
          </>
        )}
        {kind === 'file' && (
          <>
            <FileField
              name="file"
              label={t('inquiry.evidence.file')}
              hint={wt('inquiry.evidence.fileHint')}
              accept=".pdf,.png,.jpg,.jpeg,.gif,.webp,.doc,.docx,.xls,.xlsx,.ppt,.pptx,.txt,.csv"
            />
            <TextField name="title" label={t('inquiry.evidence.title')} maxLength={L.title} optional />
          </>
        )}
        {kind === 'video' && <VideoPicker teamId={cycle.teamId} />}
        {kind === 'visit' && <VisitPicker />}
        <div className="form-actions">
          <Button type="submit" busy={busy}>
            {t('inquiry.evidence.addButton')}
          </Button>
        </div>
      </form>
    </div>
  );
}

/** The cycle's evidence: what the team collected, and a form for members to add more. */
export function EvidenceSection({ cycle, wt }: { cycle: CycleDetail; wt: WordsT }) {
  const { t } = useTranslation();
  const canWrite = cycle.canWrite && cycle.state !== 'afsluttet';
  return (
    <section className="card inquiry-section" aria-labelledby="evidence-heading">
      <h2 id="evidence-heading">{t('inquiry.evidence.heading')}</h2>
      <p className="hint">{wt('inquiry.evidence.intro')}</p>
      {cycle.evidence.length === 0 ? (
        <p className="muted">{t('inquiry.evidence.none')}</p>
      ) : (
        <ul className="inquiry-evidence-list" aria-labelledby="evidence-heading">
          {cycle.evidence.map((e) => (
            <EvidenceItem key={e.id} e={e} canWrite={canWrite} />
          ))}
        </ul>
      )}
      {canWrite && <AddEvidence cycle={cycle} wt={wt} />}
    </section>
  );
}
