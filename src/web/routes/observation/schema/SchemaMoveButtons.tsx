import { Button } from '../../../components/Button';
import { useWords } from '../../../i18n/words';

/**
 * "Flyt op", "Flyt ned" and "Fjern" for one entry of a list. Ids are stable per entry so focus can follow the
 * entry after it moved (see `focusAfterMove`).
 */
export function SchemaMoveButtons({
  id,
  index,
  count,
  name,
  onMove,
  onRemove,
  removeLabel,
  canRemove = true,
}: {
  id: string;
  index: number;
  count: number;
  /** What the entry is called, for screen readers ("Indikator 2"). */
  name: string;
  onMove: (delta: -1 | 1) => void;
  onRemove: () => void;
  removeLabel: string;
  canRemove?: boolean;
}) {
  const { t } = useWords();
  return (
    <div className="obsl-move">
      <Button id={`${id}-up`} variant="secondary" disabled={index === 0} onClick={() => onMove(-1)}>
        {t('observationLead.schema.moveUp')}
        <span className="sr-only"> {name}</span>
      </Button>
      <Button id={`${id}-down`} variant="secondary" disabled={index === count - 1} onClick={() => onMove(1)}>
        {t('observationLead.schema.moveDown')}
        <span className="sr-only"> {name}</span>
      </Button>
      {canRemove && (
        <Button variant="link" className="obsl-remove" onClick={onRemove}>
          {removeLabel}
          <span className="sr-only"> {name}</span>
        </Button>
      )}
    </div>
  );
}

/** After a move the entry's DOM node was moved too (and lost focus): focus its button again, or the other one. */
export function focusAfterMove(id: string, delta: -1 | 1) {
  requestAnimationFrame(() => {
    const same = document.getElementById(`${id}-${delta < 0 ? 'up' : 'down'}`) as HTMLButtonElement | null;
    const other = document.getElementById(`${id}-${delta < 0 ? 'down' : 'up'}`) as HTMLButtonElement | null;
    (same && !same.disabled ? same : other)?.focus();
  });
}
