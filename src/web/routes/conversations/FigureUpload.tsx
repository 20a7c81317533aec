import { useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CONVERSATION_LIMITS } from '../../../shared/conversations';
import { ApiError, errorMessage } from '../../api/client';
import {
  type ConversationDetail,
  conversationKeys,
  type FiguresPreview,
  uploadFigures,
  useConversationRefresh,
} from '../../api/conversations';
import { ErrorAlert, Notice } from '../../components/Alert';
import { Button } from '../../components/Button';
import { FileField, TextField } from '../../components/Field';
import { TableWrap } from '../../components/TableWrap';
import { formatFigure } from './format';

/**
 * An uploaded figure table (absence, test levels …): read first and shown with every row error in Danish;
 * added to the package only when forvaltning confirms a file without errors.
 */
export function FigureUpload({ detail, blocked }: { detail: ConversationDetail; blocked: boolean }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const refresh = useConversationRefresh();
  const [file, setFile] = useState<File | null>(null);
  const [title, setTitle] = useState('');
  const [unit, setUnit] = useState('');
  const [preview, setPreview] = useState<FiguresPreview | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [titleError, setTitleError] = useState<string | undefined>();
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const resultRef = useRef<HTMLDivElement>(null);

  async function read() {
    setError(null);
    setNotice(null);
    if (!title.trim()) {
      setTitleError(t('conversations.upload.titleMissing'));
      return;
    }
    setTitleError(undefined);
    if (!file) {
      setError(t('conversations.upload.fileMissing'));
      return;
    }
    setBusy(true);
    try {
      setPreview(
        await uploadFigures(detail.id, file, { title: title.trim(), unit: unit.trim(), dryRun: true }),
      );
      requestAnimationFrame(() => resultRef.current?.focus());
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  }

  async function confirm() {
    if (!file) return;
    setBusy(true);
    setError(null);
    try {
      await uploadFigures(detail.id, file, {
        title: title.trim(),
        unit: unit.trim(),
        dryRun: false,
        version: detail.version,
      });
      await qc.invalidateQueries({ queryKey: conversationKeys.detail(detail.id) });
      await refresh();
      setNotice(t('conversations.upload.added', { title: title.trim() }));
      setPreview(null);
      setFile(null);
      setTitle('');
      setUnit('');
    } catch (err) {
      setError(
        err instanceof ApiError && err.code === 'conversation.stale'
          ? t('conversations.upload.stale')
          : errorMessage(err),
      );
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="conv-upload stack">
      <h3>{t('conversations.upload.heading')}</h3>
      <p className="hint">{t('conversations.upload.intro')}</p>
      <Notice message={notice} />
      <ErrorAlert message={error} />
      <TextField
        label={t('conversations.upload.title')}
        hint={t('conversations.upload.titleHint')}
        value={title}
        maxLength={CONVERSATION_LIMITS.title}
        error={titleError}
        onChange={(e) => setTitle(e.target.value)}
      />
      <TextField
        label={t('conversations.upload.unit')}
        hint={t('conversations.upload.unitHint')}
        value={unit}
        optional
        maxLength={CONVERSATION_LIMITS.unitLabel}
        onChange={(e) => setUnit(e.target.value)}
      />
      <FileField
        label={t('conversations.upload.file')}
        hint={t('conversations.upload.fileHint')}
        accept=".csv,text/csv,text/plain"
        onChange={(e) => {
          setFile(e.target.files?.[0] ?? null);
          setPreview(null);
        }}
      />
      <div className="form-actions">
        <Button variant="secondary" busy={busy && !preview} onClick={read}>
          {t('conversations.upload.read')}
        </Button>
      </div>
      {preview && (
        <div ref={resultRef} tabIndex={-1} className="conv-preview stack">
          {preview.errors.length > 0 ? (
            <ErrorAlert message={t('conversations.upload.errors', { count: preview.errors.length })}>
              <ul className="conv-row-errors">
                {preview.errors.map((e) => (
                  <li key={`${e.line}-${e.message}`}>
                    {t('conversations.upload.line', { line: e.line })}: {e.message}
                  </li>
                ))}
              </ul>
            </ErrorAlert>
          ) : (
            <p role="status">{t('conversations.upload.ok', { count: preview.figures.length })}</p>
          )}
          {preview.figures.length > 0 && (
            <TableWrap label={t('conversations.upload.previewLabel')}>
              <table className="conv-table">
                <caption className="sr-only">{t('conversations.upload.previewLabel')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('conversations.upload.label')}</th>
                    <th scope="col" className="num">
                      {t('conversations.figures.value')}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {preview.figures.map((f) => (
                    <tr key={f.label}>
                      <th scope="row">{f.label}</th>
                      <td className="num">{formatFigure(f.value, 'number', unit.trim())}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableWrap>
          )}
          {preview.errors.length === 0 && (
            <div className="form-actions">
              <Button busy={busy} disabled={blocked} onClick={confirm}>
                {t('conversations.upload.confirm')}
              </Button>
              {blocked && <span className="muted">{t('conversations.upload.saveFirst')}</span>}
            </div>
          )}
        </div>
      )}
    </div>
  );
}
