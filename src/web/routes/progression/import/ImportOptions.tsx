import { type DragEvent, useState } from 'react';
import type { ImportPreview } from '../../../api/progression';
import { Button } from '../../../components/Button';
import { FileField, SelectField, TextField } from '../../../components/Field';
import type { WordsT } from '../../../i18n/words';
import { StatusMark } from '../status';
import { BAND_STATUSES, type BandDraft, parseLimit } from './bands';

/** The file picker with a drop zone, the column choices and the score-band editor of the import page. */

export type Columns = ImportPreview['columns'];
export const COLUMN_KEYS = ['code', 'group', 'score', 'status', 'note', 'date', 'name'] as const;

export function FilePicker({
  t,
  fileName,
  error,
  inputKey,
  onFile,
}: {
  t: WordsT;
  fileName: string | null;
  error?: string;
  inputKey: number;
  onFile: (file: File | null) => void;
}) {
  const [over, setOver] = useState(false);
  const drop = (e: DragEvent) => {
    e.preventDefault();
    setOver(false);
    const file = e.dataTransfer.files?.[0];
    if (file) onFile(file);
  };
  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: dropping a file is a mouse shortcut; the file input inside is the keyboard way
    <div
      className={`imp-drop${over ? ' is-over' : ''}`}
      onDragOver={(e) => {
        e.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={drop}
    >
      <FileField
        key={inputKey}
        label={t('progressionImport.fileLabel')}
        name="file"
        accept=".csv,.txt,text/csv,text/plain"
        hint={t('progressionImport.fileHint')}
        error={error}
        onChange={(e) => onFile(e.target.files?.[0] ?? null)}
      />
      <p className="imp-drop-text" aria-hidden="true">
        {t(over ? 'progressionImport.dropActive' : 'progressionImport.drop')}
      </p>
      {fileName && <p className="imp-chosen">{t('progressionImport.chosen', { name: fileName })}</p>}
    </div>
  );
}

export function ColumnChoices({
  t,
  headers,
  columns,
  onChange,
}: {
  t: WordsT;
  headers: string[];
  columns: Columns;
  onChange: (columns: Columns) => void;
}) {
  return (
    <div className="imp-columns">
      {COLUMN_KEYS.map((key) => (
        <SelectField
          key={key}
          label={t(`progressionImport.column.${key}`)}
          optional={key !== 'code'}
          value={columns[key] === null ? '' : String(columns[key])}
          onChange={(e) =>
            onChange({ ...columns, [key]: e.target.value === '' ? null : Number(e.target.value) })
          }
        >
          <option value="">{t('progressionImport.noColumn')}</option>
          {headers.map((h, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: a header's place is what identifies it
            <option key={i} value={i}>
              {h || `#${i + 1}`}
            </option>
          ))}
        </SelectField>
      ))}
    </div>
  );
}

export function BandsEditor({
  t,
  draft,
  onChange,
  onApply,
}: {
  t: WordsT;
  draft: BandDraft;
  onChange: (draft: BandDraft) => void;
  onApply: () => void;
}) {
  const notNumber = (text: string) =>
    parseLimit(text) === undefined ? t('progressionImport.notNumber') : undefined;
  return (
    <div className="imp-bands">
      {BAND_STATUSES.map((status) => {
        return (
          <fieldset key={status} className="imp-band">
            <legend>
              <StatusMark status={status} />
            </legend>
            {(['min', 'max'] as const).map((edge) => (
              <TextField
                key={edge}
                label={t(edge === 'min' ? 'progressionImport.from' : 'progressionImport.to')}
                required={false}
                inputMode="decimal"
                autoComplete="off"
                value={draft[status][edge]}
                error={notNumber(draft[status][edge])}
                onChange={(e) =>
                  onChange({ ...draft, [status]: { ...draft[status], [edge]: e.target.value } })
                }
                onKeyDown={(e) => {
                  if (e.key === 'Enter') onApply();
                }}
              />
            ))}
          </fieldset>
        );
      })}
      <Button variant="secondary" onClick={onApply}>
        {t('progressionImport.applyBands')}
      </Button>
    </div>
  );
}
