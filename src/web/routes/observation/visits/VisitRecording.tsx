import type { Indicator, PupilItem } from '../../../../shared/observation';
import type { Answer, VisitDetail } from '../../../api/observation';
import { currentLocale } from '../../../i18n';
import { useWords } from '../../../i18n/words';
import { listOfNumbers, minutes, pupilQuestions, visitAreas } from '../conduct/steps';
import { formatDay } from './VisitBits';

/** Everything recorded about the lesson: answers per focus area, the pupil interview by pupil, notes, time. */

function AnswerText({ item, answer }: { item: Indicator | PupilItem; answer: Answer | undefined }) {
  const { t } = useWords();
  const v = answer?.value;
  if (v === undefined || v === null || v === '')
    return <span className="muted">{t('observation.answer.none')}</span>;
  if (item.type === 'yesno') return <>{v ? t('observation.answer.yes') : t('observation.answer.no')}</>;
  if (item.type === 'scale' && item.scale && typeof v === 'number') {
    const end = v === item.scale.min ? item.scale.minLabel : v === item.scale.max ? item.scale.maxLabel : '';
    return (
      <>
        {t('observation.answer.scale', { value: v, min: item.scale.min, max: item.scale.max })}
        {end && <span className="muted"> ({end})</span>}
      </>
    );
  }
  return <span className="obs-prewrap">{String(v)}</span>;
}

export function VisitRecording({ visit }: { visit: VisitDetail }) {
  const { t, i18n } = useWords(visit.institution.id);
  const byKey = new Map(visit.answers.map((a) => [`${a.itemKey}:${a.pupil}`, a]));
  const areas = visitAreas(visit);
  const questions = pupilQuestions(areas);
  return (
    <section className="card obs-recording" aria-labelledby="obs-recording-title">
      <h2 id="obs-recording-title">{t('observation.visit.recording')}</h2>
      <dl className="meta-list">
        {visit.startedAt && (
          <div>
            <dt>{t('observation.visit.started')}</dt>
            <dd>{formatDay(visit.startedAt)}</dd>
          </div>
        )}
        <div>
          <dt>{t('observation.summary.duration')}</dt>
          <dd>
            {visit.durationSeconds !== null
              ? minutes(visit.durationSeconds * 1000, currentLocale())
              : t('observation.summary.noTimer')}
          </dd>
        </div>
        <div>
          <dt>{t('observation.visit.schemaVersion')}</dt>
          <dd>{visit.schema.version}</dd>
        </div>
      </dl>
      {areas.map((area) => (
        <section key={area.key} className="obs-rec-area" aria-labelledby={`obs-rec-${area.key}`}>
          <h3 id={`obs-rec-${area.key}`}>{area.title}</h3>
          <dl className="obs-answers">
            {area.indicators.map((item) => (
              <div key={item.key}>
                <dt>{item.text}</dt>
                <dd>
                  <AnswerText item={item} answer={byKey.get(`${item.key}:0`)} />
                </dd>
              </div>
            ))}
          </dl>
        </section>
      ))}
      {questions.length > 0 && (
        <section className="obs-rec-area" aria-labelledby="obs-rec-pupils">
          <h3 id="obs-rec-pupils">{t('observation.pupils.title')}</h3>
          {visit.pupilNumbers.length === 0 ? (
            <p className="muted">{t('observation.summary.noPupils')}</p>
          ) : (
            <>
              <p className="muted">
                {visit.classSize === null
                  ? t('observation.pupils.picked', { list: listOfNumbers(visit.pupilNumbers, i18n.language) })
                  : t('observation.pupils.pickedFrom', {
                      list: listOfNumbers(visit.pupilNumbers, i18n.language),
                      size: visit.classSize,
                    })}
              </p>
              {visit.pupilNumbers.map((number, i) => (
                <div key={number} className="obs-rec-pupil">
                  <h4>{t('observation.pupils.pupilTitle', { number })}</h4>
                  <dl className="obs-answers">
                    {questions.map(({ item }) => (
                      <div key={item.key}>
                        <dt>{item.text}</dt>
                        <dd>
                          <AnswerText item={item} answer={byKey.get(`${item.key}:${i + 1}`)} />
                        </dd>
                      </div>
                    ))}
                  </dl>
                </div>
              ))}
            </>
          )}
        </section>
      )}
      <section className="obs-rec-area" aria-labelledby="obs-rec-notes">
        <h3 id="obs-rec-notes">{t('observation.conduct.notes')}</h3>
        {visit.notes ? (
          <p className="obs-prewrap">{visit.notes}</p>
        ) : (
          <p className="muted">{t('observation.visit.noNotes')}</p>
        )}
      </section>
    </section>
  );
}
