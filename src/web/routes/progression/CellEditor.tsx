import { type FormEvent, useState } from 'react';
import { Dialog, Heading, Modal, ModalOverlay } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { PROGRESSION_LIMITS } from '../../../shared/progression';
import { Button } from '../../components/Button';
import { TextAreaField, TextField } from '../../components/Field';
import { type ProgressionStatus, STATUSES } from './counts';
import { StatusMark } from './status';
import type { CellValue } from './useCellWrites';

/**
 * One cell's editor (a tap on a tablet, Enter on a keyboard): a status button saves at once and closes; the score
 * and the short note are saved with the chosen status.
 */
export function CellEditor({
  title,
  value,
  onSave,
  onClose,
}: {
  title: string;
  value: CellValue;
  onSave: (value: CellValue) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [status, setStatus] = useState<ProgressionStatus | null>(value.status);
  const [score, setScore] = useState(value.score === null ? '' : String(value.score));
  const [note, setNote] = useState(value.note);
  const [error, setError] = useState<string | undefined>();

  const parsedScore = () => {
    const s = score.trim().replace(',', '.');
    if (!s) return null;
    const n = Number(s);
    const { min, max } = PROGRESSION_LIMITS.score;
    return Number.isFinite(n) && n >= min && n <= max ? n : undefined;
  };

  function submit(e: FormEvent) {
    e.preventDefault();
    const n = parsedScore();
    if (n === undefined) return setError(t('progression.editor.scoreInvalid'));
    if (!status) {
      onSave({ status: null, score: null, note: '' });
    } else onSave({ status, score: n, note: note.trim() });
    onClose();
  }

  return (
    <ModalOverlay className="modal-overlay" isDismissable isOpen onOpenChange={(open) => !open && onClose()}>
      <Modal className="modal">
        <Dialog className="dialog">
          <Heading slot="title" level={2}>
            {title}
          </Heading>
          <fieldset className="prog-picker">
            <legend>{t('progression.editor.quick')}</legend>
            {STATUSES.map((s) => (
              <button
                key={s}
                type="button"
                className={`btn btn-secondary prog-pick prog-pick-${s}`}
                aria-pressed={value.status === s}
                onClick={() => {
                  onSave({ ...value, status: s, score: parsedScore() ?? value.score, note: note.trim() });
                  onClose();
                }}
              >
                <StatusMark status={s} />
              </button>
            ))}
            {value.status && (
              <button
                type="button"
                className="btn btn-secondary prog-pick"
                onClick={() => {
                  onSave({ status: null, score: null, note: '' });
                  onClose();
                }}
              >
                {t('progression.editor.clear')}
              </button>
            )}
          </fieldset>
          <form onSubmit={submit} noValidate>
            <fieldset className="prog-editor-status">
              <legend>{t('progression.editor.status')}</legend>
              {STATUSES.map((s) => (
                <label key={s} className="radio">
                  <input type="radio" name="status" checked={status === s} onChange={() => setStatus(s)} />
                  <StatusMark status={s} />
                </label>
              ))}
            </fieldset>
            <TextField
              label={t('progression.editor.score')}
              hint={t('progression.editor.scoreHint')}
              optional
              inputMode="decimal"
              value={score}
              error={error}
              onChange={(e) => {
                setScore(e.target.value);
                setError(undefined);
              }}
            />
            <TextAreaField
              label={t('progression.editor.note')}
              hint={t('progression.editor.noteHint')}
              optional
              rows={3}
              maxLength={PROGRESSION_LIMITS.note}
              value={note}
              onChange={(e) => setNote(e.target.value)}
            />
            <div className="dialog-actions">
              <Button variant="secondary" onClick={onClose}>
                {t('common.cancel')}
              </Button>
              <Button type="submit" disabled={!status && !value.status}>
                {t('progression.editor.save')}
              </Button>
            </div>
          </form>
        </Dialog>
      </Modal>
    </ModalOverlay>
  );
}
