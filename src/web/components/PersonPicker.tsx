import { useTranslation } from 'react-i18next';
import { SelectField, TextField } from './Field';

type Candidate = { id: string; name: string; email?: string };

/**
 * Choose a person: a search field that narrows the list, and a select of the candidates (submitted as
 * `personId`). The caller fetches the candidates for `q`; the select starts over whenever they change.
 */
export function PersonPicker({
  q,
  onQ,
  candidates,
  busy,
  error,
  labels,
  showEmail = false,
}: {
  q: string;
  onQ: (q: string) => void;
  candidates: Candidate[];
  busy: boolean;
  error?: string;
  labels: { filter: string; person: string; none: string };
  showEmail?: boolean;
}) {
  const { t } = useTranslation();
  return (
    <>
      <TextField
        label={labels.filter}
        type="search"
        name="q"
        optional
        value={q}
        onChange={(e) => onQ(e.target.value)}
        autoComplete="off"
      />
      <SelectField
        label={labels.person}
        name="personId"
        defaultValue=""
        key={candidates.map((c) => c.id).join()}
        error={error}
        aria-busy={busy || undefined}
      >
        <option value="" disabled>
          {candidates.length ? t('common.choose') : labels.none}
        </option>
        {candidates.map((p) => (
          <option key={p.id} value={p.id}>
            {showEmail && p.email ? `${p.name} (${p.email})` : p.name}
          </option>
        ))}
      </SelectField>
    </>
  );
}
