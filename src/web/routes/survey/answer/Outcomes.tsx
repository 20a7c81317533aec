import type { Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { currentLocale } from '../../../i18n';
import { useWords } from '../../../i18n/words';
import { formatDay } from '../results/format';
import type { AnswerForm } from './api';
import type { AnswerProblem } from './errors';

/** What a problem means for the person, while opening the form or while sending it (then: the draft's fate). */
export function ProblemMessage({ problem, sending }: { problem: AnswerProblem; sending?: boolean }) {
  const { t } = useTranslation();
  return (
    <>
      <strong>{t(`survey.answer.error.${problem}.title`)}</strong>{' '}
      {t(`survey.answer.error.${problem}.${sending ? 'whileSending' : 'text'}`)}
    </>
  );
}

/** After sending: thanks, what happens to the answer, and when results come. */
export function Thanks({
  form,
  answeredOn,
  headingRef,
}: {
  form: AnswerForm;
  answeredOn: string;
  headingRef: Ref<HTMLHeadingElement>;
}) {
  const { t } = useTranslation();
  const words = useWords(null, form.words);
  const locale = currentLocale();
  return (
    <div className="sv-outcome">
      <h2 ref={headingRef} tabIndex={-1}>
        {t('survey.answer.thanksHeading')}
      </h2>
      <p>{t('survey.answer.thanksText', { day: formatDay(answeredOn, locale) })}</p>
      <p>
        {t('survey.answer.thanksResults', { day: formatDay(form.closesOn, locale) })}{' '}
        {words.t('survey.answer.thanksWhy')}
      </p>
      <p className="muted">{t('survey.answer.thanksDraftGone')}</p>
      <p>
        <Link to="/">{t('survey.answer.toFront')}</Link>
      </p>
    </div>
  );
}

/** "Send senere": the draft stays on this device; open the same link (or type the code) here again to send it. */
export function Later({
  form,
  saved,
  headingRef,
  onContinue,
}: {
  form: AnswerForm;
  saved: boolean;
  headingRef: Ref<HTMLHeadingElement>;
  onContinue: () => void;
}) {
  const { t } = useTranslation();
  return (
    <div className="sv-outcome">
      <h2 ref={headingRef} tabIndex={-1}>
        {saved ? t('survey.answer.laterHeading') : t('survey.answer.laterNotSavedHeading')}
      </h2>
      <p>{saved ? t('survey.answer.laterText') : t('survey.answer.laterNotSaved')}</p>
      <p className="muted">{t('survey.answer.closes', { day: formatDay(form.closesOn, currentLocale()) })}</p>
      <p className="sv-nav">
        <button type="button" className="btn btn-primary" onClick={onContinue}>
          {t('survey.answer.continue')}
        </button>
        <Link to="/">{t('survey.answer.toFront')}</Link>
      </p>
    </div>
  );
}
