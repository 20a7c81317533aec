import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useParams } from 'react-router';
import { CODE_LENGTH, normaliseCode } from '../../../../shared/survey';
import { Loading } from '../../../components/Alert';
import { Button } from '../../../components/Button';
import { TextField } from '../../../components/Field';
import { usePageTitle } from '../../../components/usePageTitle';
import { AnswerFormView } from './AnswerFormView';
import { useAnswerForm } from './api';
import { answerProblem } from './errors';
import { ProblemMessage } from './Outcomes';
import './answer.css';

/** The form for one token (a link's or a typed code's), or what stands in the way. */
function AnswerFlow({ token, onOtherCode }: { token: string; onOtherCode?: () => void }) {
  const { t, i18n } = useTranslation();
  const form = useAnswerForm(token, i18n.language);
  if (form.isPending) return <Loading label={t('survey.answer.loading')} />;
  if (form.isError) {
    const problem = answerProblem(form.error);
    return (
      <div className="sv-outcome">
        <div role="alert" className={`alert ${problem === 'used' ? 'alert-success' : 'alert-error'}`}>
          <ProblemMessage problem={problem} />
        </div>
        <p className="sv-nav">
          {(problem === 'offline' || problem === 'other' || problem === 'rateLimited') && (
            <Button onClick={() => void form.refetch()} busy={form.isFetching}>
              {t('survey.answer.retry')}
            </Button>
          )}
          {onOtherCode && problem === 'invalid' && (
            <Button variant="secondary" onClick={onOtherCode}>
              {t('survey.answer.otherCode')}
            </Button>
          )}
        </p>
      </div>
    );
  }
  return <AnswerFormView form={form.data} token={token} />;
}

function Frame({ children }: { children: React.ReactNode }) {
  const { t } = useTranslation();
  usePageTitle(t('survey.answer.title'));
  return (
    <div className="page sv-page">
      <h1>{t('survey.answer.title')}</h1>
      {children}
    </div>
  );
}

/** /svar/:token — a personal link in the older form (the token in the path). Public: no sign-in. */
export function AnswerByLinkPage() {
  const { token = '' } = useParams();
  return (
    <Frame>
      <AnswerFlow token={token} />
    </Frame>
  );
}

/**
 * /svar — the personal link from the e-mail (`/svar#<token>`: after '#', so the token never reaches a server log),
 * or, without one, type the printed code, then the same form. The code stays out of the address bar and history.
 */
export function AnswerByCodePage() {
  const { t } = useTranslation();
  const linkToken = decodeURIComponent(useLocation().hash.slice(1));
  const [code, setCode] = useState('');
  const [error, setError] = useState<string>();
  function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const typed = normaliseCode(String(new FormData(e.currentTarget).get('code') ?? ''));
    if (typed.length !== CODE_LENGTH) {
      setError(t('survey.answer.codeLength', { chars: CODE_LENGTH }));
      return;
    }
    setError(undefined);
    setCode(typed);
  }
  if (linkToken.length > CODE_LENGTH)
    return (
      <Frame>
        <AnswerFlow token={linkToken} />
      </Frame>
    );
  if (code)
    return (
      <Frame>
        <AnswerFlow token={code} onOtherCode={() => setCode('')} />
      </Frame>
    );
  return (
    <Frame>
      <p className="lead">{t('survey.answer.codeIntro')}</p>
      <form noValidate onSubmit={submit} className="sv-code-form">
        <TextField
          label={t('survey.answer.codeLabel')}
          hint={t('survey.answer.codeHint')}
          name="code"
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          inputMode="text"
          className="sv-code-field"
          error={error}
        />
        <Button type="submit">{t('survey.answer.codeSubmit')}</Button>
      </form>
    </Frame>
  );
}
