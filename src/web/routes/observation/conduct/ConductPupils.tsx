import { useState } from 'react';
import { CLASS_SIZE_MAX, pickPupils } from '../../../../shared/observation';
import { useWords } from '../../../i18n/words';
import { answerKey, type Draft } from '../../../offline/db';
import { ItemInput } from './ConductItems';
import { listOfNumbers, type PupilQuestion } from './steps';

/** The pupil interview: the class size, then the app draws the pupils by number (the observer does not choose). */
export function PupilSetup({
  draft,
  pupilCount,
  onPick,
}: {
  draft: Draft;
  pupilCount: number;
  onPick: (classSize: number, numbers: number[]) => void;
}) {
  const { t, i18n } = useWords();
  const [size, setSize] = useState(draft.classSize ? String(draft.classSize) : '');
  const [error, setError] = useState('');
  const hasPupilAnswers = Object.values(draft.answers).some((a) => a.pupil > 0 && a.value !== null);
  const picked = draft.pupilNumbers.length > 0;
  const draw = () => {
    const n = Number(size);
    if (!Number.isInteger(n) || n < 1 || n > CLASS_SIZE_MAX) {
      setError(t('observation.pupils.sizeError', { max: CLASS_SIZE_MAX }));
      return;
    }
    setError('');
    onPick(n, pickPupils(n, pupilCount));
  };
  return (
    <div className="obs-pupils">
      <p>{t('observation.pupils.intro', { count: pupilCount })}</p>
      {!(picked && hasPupilAnswers) && (
        <div className={`field${error ? ' has-error' : ''}`}>
          <label htmlFor="obs-class-size">{t('observation.pupils.classSize')}</label>
          {error && (
            <p id="obs-class-size-error" className="field-error">
              {error}
            </p>
          )}
          <div className="obs-inline">
            <input
              id="obs-class-size"
              type="number"
              inputMode="numeric"
              min={1}
              max={CLASS_SIZE_MAX}
              value={size}
              aria-invalid={error ? true : undefined}
              aria-describedby={error ? 'obs-class-size-error' : undefined}
              onChange={(e) => setSize(e.target.value)}
            />
            <button type="button" className="btn btn-primary" onClick={draw}>
              {picked ? t('observation.pupils.redraw') : t('observation.pupils.draw')}
            </button>
          </div>
        </div>
      )}
      <div role="status" className="obs-picked">
        {picked && (
          <>
            <p className="obs-picked-numbers">
              {t('observation.pupils.picked', { list: listOfNumbers(draft.pupilNumbers, i18n.language) })}
            </p>
            <p className="muted">{t('observation.pupils.pickedHelp', { size: draft.classSize })}</p>
          </>
        )}
      </div>
    </div>
  );
}

/** The pupil-interview items for one picked pupil, grouped by focus area. */
export function PupilStep({
  slot,
  draft,
  questions,
  onAnswer,
}: {
  slot: number;
  draft: Draft;
  questions: PupilQuestion[];
  onAnswer: (itemKey: string, pupil: number, value: string | number | boolean | null) => void;
}) {
  const { t } = useWords();
  if (!draft.pupilNumbers.length)
    return <p className="alert alert-info">{t('observation.pupils.drawFirst')}</p>;
  const areas = [...new Set(questions.map((q) => q.area))];
  return (
    <>
      {areas.map((area) => (
        <section key={area.key} className="obs-area-group" aria-label={area.title}>
          {areas.length > 1 && <h3>{area.title}</h3>}
          {questions
            .filter((q) => q.area === area)
            .map(({ item }) => (
              <ItemInput
                key={item.key}
                item={item}
                idSuffix={`p${slot}`}
                value={draft.answers[answerKey(item.key, slot)]?.value}
                onChange={(v) => onAnswer(item.key, slot, v)}
              />
            ))}
        </section>
      ))}
    </>
  );
}
