import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { GUIDE_MAX } from '../../../../shared/observation';
import type { VisitGuide } from '../../../api/observation';
import { saveGuide, useGuide, useLeadRefresh, useStarter } from '../../../api/observation-lead';
import { Loading, Notice, RequestError } from '../../../components/Alert';
import { Button } from '../../../components/Button';
import { TextAreaField } from '../../../components/Field';
import { formatDateTime } from '../../../i18n';
import { useWords } from '../../../i18n/words';

/** Plain text shown as paragraphs: a blank line starts a new one; single line breaks are kept. */
export function GuideText({ body }: { body: string }) {
  const paragraphs = body
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean);
  return (
    <>
      {paragraphs.map((p, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: paragraphs of a text have no identity of their own
        <p key={i} className="obsl-guide-paragraph">
          {p}
        </p>
      ))}
    </>
  );
}

function GuideForm({ institutionId, guide }: { institutionId: string; guide: VisitGuide }) {
  const { t, kind } = useWords(institutionId);
  const refresh = useLeadRefresh(institutionId);
  const starter = useStarter(!guide.body, kind);
  const [body, setBody] = useState(guide.body);
  const [notice, setNotice] = useState<string | null>(null);
  const [tooLong, setTooLong] = useState(false);
  const save = useMutation({
    mutationFn: (publish: boolean) => saveGuide(institutionId, { body, publish }),
    onMutate: () => setNotice(null),
    onSuccess: async (g, publish) => {
      setNotice(t(publish ? 'observationLead.guide.published' : 'observationLead.guide.draftSaved'));
      await refresh('guide');
      setBody(g.body);
    },
  });
  const send = (publish: boolean) => {
    const long = body.length > GUIDE_MAX;
    setTooLong(long);
    if (!long && !save.isPending) save.mutate(publish);
  };
  return (
    <>
      <p className="obsl-guide-state">
        {guide.publishedAt ? (
          <span className="badge badge-active">
            {t('observationLead.guide.publishedAt', { when: formatDateTime(guide.publishedAt) })}
          </span>
        ) : (
          <span className="badge badge-info">{t('observationLead.guide.notPublished')}</span>
        )}
        {guide.updatedAt && guide.updatedBy && (
          <span className="muted">
            {' '}
            {t('observationLead.guide.updatedBy', {
              when: formatDateTime(guide.updatedAt),
              who: guide.updatedBy.name,
            })}
          </span>
        )}
      </p>
      {!body && (
        <div className="obsl-empty">
          <p>{t('observationLead.guide.empty')}</p>
          <RequestError error={starter.isError ? starter.error : null} />
          <Button
            variant="secondary"
            busy={starter.isPending}
            onClick={() => starter.data && setBody(starter.data.guide)}
          >
            {t('observationLead.guide.useStarter')}
          </Button>
        </div>
      )}
      <div className="obsl-guide-grid">
        <TextAreaField
          label={t('observationLead.guide.body')}
          hint={t('observationLead.guide.bodyHint')}
          rows={14}
          optional
          value={body}
          error={tooLong ? t('observationLead.guide.tooLong', { max: GUIDE_MAX }) : undefined}
          onChange={(e) => setBody(e.target.value)}
        />
        {/* It scrolls when long: focusable so keyboard users can scroll it too. */}
        {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must take focus (WCAG 2.1.1) */}
        <section className="obsl-guide-preview" aria-labelledby="obsl-guide-preview" tabIndex={0}>
          <h3 id="obsl-guide-preview">{t('observationLead.guide.preview')}</h3>
          {body.trim() ? (
            <GuideText body={body} />
          ) : (
            <p className="muted">{t('observationLead.guide.nothing')}</p>
          )}
        </section>
      </div>
      <RequestError error={save.isError ? save.error : null} />
      <div className="form-actions">
        <Button variant="secondary" busy={save.isPending && !save.variables} onClick={() => send(false)}>
          {t('observationLead.guide.saveDraft')}
        </Button>
        <Button busy={save.isPending && !!save.variables} onClick={() => send(true)}>
          {t('observationLead.guide.publish')}
        </Button>
      </div>
      <p className="hint">{t('observationLead.guide.publishHint')}</p>
      <Notice message={notice} />
    </>
  );
}

/** O6: the institution's visit guide — how visits work and why — written, previewed and published. */
export function GuideEditor({ institutionId }: { institutionId: string }) {
  const { t } = useWords(institutionId);
  const guide = useGuide(institutionId);
  return (
    <section className="card obsl-section" aria-labelledby="obsl-guide">
      <h2 id="obsl-guide">{t('observationLead.guide.heading')}</h2>
      <p>{t('observationLead.guide.intro')}</p>
      {guide.isPending ? (
        <Loading />
      ) : guide.isError ? (
        <RequestError error={guide.error} />
      ) : (
        <GuideForm key={guide.data.institutionId} institutionId={institutionId} guide={guide.data} />
      )}
    </section>
  );
}
