import { type FormEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { INQUIRY_LIMITS } from '../../../../shared/inquiry';
import { ApiError, errorMessage, fieldErrors } from '../../../api/client';
import { createCycle, useInquiryRefresh, useTeamSpace, useTemplates } from '../../../api/inquiry';
import { ErrorAlert, Loading, RequestError } from '../../../components/Alert';
import { Breadcrumbs } from '../../../components/Breadcrumbs';
import { Button } from '../../../components/Button';
import { RadioGroupField, TextAreaField, TextField } from '../../../components/Field';
import type { Errors } from '../../../components/useForm';
import { usePageTitle } from '../../../components/usePageTitle';
import { useWords } from '../../../i18n/words';
import { NotThere } from '../common';
import { wordKindOf } from './TeamSpacePage';
import '../inquiry.css';

const FIELDS = ['templateId', 'title', 'question'] as const;
type F = (typeof FIELDS)[number];

/** /team/:id/nyt-forloeb — start a cycle: choose a template, give it a title and the team's question. */
export function NewCyclePage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const navigate = useNavigate();
  const refresh = useInquiryRefresh();
  const space = useTeamSpace(id);
  const templates = useTemplates(id);
  const { t: wt } = useWords(space.data?.team.institution.id, wordKindOf(space.data));
  const [templateId, setTemplateId] = useState<string | null>(null);
  const [errors, setErrors] = useState<Errors<F>>({});
  const [summary, setSummary] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  usePageTitle(t('inquiry.newCycle.title'));

  if (space.isPending) return <Loading />;
  if (space.isError || !space.data.member) {
    if (
      space.isSuccess ||
      (space.error instanceof ApiError && (space.error.status === 404 || space.error.status === 403))
    )
      return <NotThere back="/team" backLabel={t('inquiry.myTeams.back')} />;
    return <RequestError error={space.error} />;
  }
  const team = space.data.team;

  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    if (busy) return;
    const data = new FormData(e.currentTarget);
    const title = String(data.get('title') ?? '').trim();
    const question = String(data.get('question') ?? '').trim();
    const errs: Errors<F> = {};
    if (!templateId) errs.templateId = t('inquiry.newCycle.templateMissing');
    if (!title) errs.title = t('inquiry.newCycle.titleMissing');
    setErrors(errs);
    if (Object.keys(errs).length) {
      setSummary(t('errors.checkFields'));
      requestAnimationFrame(() =>
        formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"], .has-error input')?.focus(),
      );
      return;
    }
    setBusy(true);
    setSummary(null);
    try {
      const cycle = await createCycle(team.id, { templateId: templateId as string, title, question });
      await refresh();
      navigate(`/forloeb/${cycle.id}`, { state: { notice: t('inquiry.newCycle.started', { title }) } });
    } catch (err) {
      setErrors(fieldErrors(err, [...FIELDS]) as Errors<F>);
      setSummary(errorMessage(err));
      setBusy(false);
    }
  }

  return (
    <div className="page-narrow">
      <Breadcrumbs
        items={[
          { to: '/team', label: t('inquiry.myTeams.title') },
          { to: `/team/${team.id}`, label: team.name },
          { label: t('inquiry.newCycle.title') },
        ]}
      />
      <h1>{t('inquiry.newCycle.title')}</h1>
      <p className="lead">{wt('inquiry.newCycle.intro')}</p>
      <form ref={formRef} className="card stack" noValidate onSubmit={submit}>
        <ErrorAlert message={summary} />
        {templates.isPending ? (
          <Loading />
        ) : templates.isError ? (
          <RequestError error={templates.error} />
        ) : templates.data.items.length === 0 ? (
          <p className="muted">{t('inquiry.newCycle.noTemplates')}</p>
        ) : (
          <RadioGroupField
            legend={t('inquiry.newCycle.template')}
            name="templateId"
            value={templateId}
            onChange={setTemplateId}
            error={errors.templateId}
            choices={templates.data.items.map((tpl) => ({
              value: tpl.id,
              label: tpl.name,
              hint: tpl.description || undefined,
            }))}
          />
        )}
        <TextField
          name="title"
          label={t('inquiry.newCycle.titleLabel')}
          hint={t('inquiry.newCycle.titleHint')}
          maxLength={INQUIRY_LIMITS.title}
          error={errors.title}
        />
        <TextAreaField
          name="question"
          label={t('inquiry.cycle.question')}
          hint={wt('inquiry.cycle.questionHint')}
          rows={4}
          maxLength={INQUIRY_LIMITS.field}
          optional
          error={errors.question}
        />
        <div className="form-actions">
          <Button type="submit" busy={busy}>
            {t('inquiry.newCycle.submit')}
          </Button>
          <Button variant="secondary" onClick={() => navigate(`/team/${team.id}`)}>
            {t('common.cancel')}
          </Button>
        </div>
      </form>
    </div>
  );
}
