import type { VisitDetail } from '../../../api/observation';
import { Button } from '../../../components/Button';
import { currentLocale } from '../../../i18n';
import { useWords } from '../../../i18n/words';
import type { Draft } from '../../../offline/db';
import { elapsedMs } from '../../../offline/sync';
import { minutes, progressOf, type Step } from './steps';

/** The last screen: what has an answer, what is missing (with a way back), and "Afslut besøget". */
export function ConductSummary({
  visit,
  draft,
  steps,
  onGoTo,
  onFinish,
}: {
  visit: VisitDetail;
  draft: Draft;
  steps: Step[];
  onGoTo: (step: number) => void;
  onFinish: () => void;
}) {
  const { t } = useWords();
  const p = progressOf(visit, draft);
  const stepOfArea = (key: string) => steps.findIndex((s) => s.kind === 'area' && s.area.key === key);
  const pupilsStep = steps.findIndex((s) => s.kind === 'pupils');
  return (
    <div className="obs-summary">
      <p className="lead">{t('observation.summary.answered', { done: p.done, total: p.total })}</p>
      <ul className="obs-summary-list">
        {p.perArea.map((a) => (
          <li key={a.area.key}>
            <span>{a.area.title}</span>
            <span className={a.done === a.total ? 'obs-done' : 'obs-missing'}>
              {t('observation.summary.count', { done: a.done, total: a.total })}
            </span>
            {a.done < a.total && (
              <button type="button" className="btn btn-link" onClick={() => onGoTo(stepOfArea(a.area.key))}>
                {t('observation.summary.goTo')}
                <span className="sr-only">: {a.area.title}</span>
              </button>
            )}
          </li>
        ))}
        {p.pupils.asked && (
          <li>
            <span>{t('observation.pupils.title')}</span>
            <span className={p.pupils.total && p.pupils.done === p.pupils.total ? 'obs-done' : 'obs-missing'}>
              {draft.pupilNumbers.length
                ? t('observation.summary.count', { done: p.pupils.done, total: p.pupils.total })
                : t('observation.summary.noPupils')}
            </span>
            {(!p.pupils.total || p.pupils.done < p.pupils.total) && (
              <button type="button" className="btn btn-link" onClick={() => onGoTo(pupilsStep)}>
                {t('observation.summary.goTo')}
                <span className="sr-only">: {t('observation.pupils.title')}</span>
              </button>
            )}
          </li>
        )}
      </ul>
      <dl className="meta-list">
        <div>
          <dt>{t('observation.summary.duration')}</dt>
          <dd>
            {draft.startedAt ? minutes(elapsedMs(draft), currentLocale()) : t('observation.summary.noTimer')}
          </dd>
        </div>
      </dl>
      {draft.complete ? (
        <p className="alert alert-success">{t('observation.summary.finishing')}</p>
      ) : (
        <>
          {p.done < p.total && <p className="muted">{t('observation.summary.missingOk')}</p>}
          <Button className="btn-block obs-finish" onClick={onFinish}>
            {t('observation.summary.finish')}
          </Button>
        </>
      )}
    </div>
  );
}
