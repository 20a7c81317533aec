import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { StoryState } from '../../../shared/inquiry';
import { STORY_LIMITS } from '../../../shared/inquiry';
import { errorMessage } from '../../api/client';
import { reviewStory, useStoryRefresh, useStoryReviewQueue } from '../../api/stories';
import { ErrorAlert, Notice } from '../../components/Alert';
import { Button } from '../../components/Button';
import { FormDialog } from '../../components/Dialogs';
import { TextAreaField } from '../../components/Field';
import { QueryView } from '../../components/QueryView';
import { usePageTitle } from '../../components/usePageTitle';
import { formatDateTime } from '../../i18n';
import { EditorialNav } from '../catalogue/EditorialNav';
import './stories.css';

/** Kladde / Hos redaktionen / Sendt retur / Udgivet. */
export function StoryStateBadge({ state }: { state: StoryState }) {
  const { t } = useTranslation();
  return <span className={`badge story-state story-state-${state}`}>{t(`stories.states.${state}`)}</span>;
}

/** The editor's "Udgiv" and "Send retur med note" on a story in review. */
export function StoryReviewActions({
  story,
  onDone,
}: {
  story: { id: string; title: string; version: number };
  onDone: (message: string) => void;
}) {
  const { t } = useTranslation();
  const refresh = useStoryRefresh();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  async function publish() {
    setBusy(true);
    setError(null);
    try {
      await reviewStory(story.id, { version: story.version, decision: 'publish', note: '' });
      onDone(t('stories.review.published', { title: story.title }));
      await refresh();
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  }
  return (
    <>
      <ErrorAlert message={error} />
      <div className="button-row">
        <Button busy={busy} onClick={publish}>
          {t('stories.review.publish')}
          <span className="sr-only"> {story.title}</span>
        </Button>
        <FormDialog
          triggerLabel={t('stories.review.return')}
          triggerContext={story.title}
          title={t('stories.review.returnTitle', { title: story.title })}
          submitLabel={t('stories.review.return')}
          fields={['note'] as const}
          validate={(d) => ({
            note: String(d.get('note') ?? '').trim() ? undefined : t('stories.review.noteMissing'),
          })}
          onSubmit={async (d) => {
            await reviewStory(story.id, {
              version: story.version,
              decision: 'return',
              note: String(d.get('note') ?? '').trim(),
            });
            onDone(t('stories.review.returned', { title: story.title }));
            await refresh();
          }}
        >
          {(errors) => (
            <TextAreaField
              label={t('stories.review.note')}
              hint={t('stories.review.noteHint')}
              name="note"
              maxLength={STORY_LIMITS.reviewNote}
              error={errors.note}
            />
          )}
        </FormDialog>
      </div>
    </>
  );
}

/** /redaktion/fortaellinger: the practice stories the teams have sent to the editors. */
export function StoryReviewPage() {
  const { t } = useTranslation();
  usePageTitle(t('stories.review.title'));
  const queue = useStoryReviewQueue();
  const [notice, setNotice] = useState<string | null>(null);
  const items = queue.data?.items ?? [];
  return (
    <div className="page">
      <h1>{t('editorial.title')}</h1>
      <EditorialNav />
      <p className="lead">{t('stories.review.intro')}</p>
      <Notice message={notice} />
      <h2>{t('stories.review.title')}</h2>
      <QueryView query={queue} empty={!items.length && t('stories.review.empty')}>
        {() => (
          <ul className="review-list">
            {items.map((s) => (
              <li key={s.id} className="card review-item">
                <h3 className="break">
                  <Link to={`/praksisfortaellinger/${s.id}`}>{s.title}</Link>
                </h3>
                <p className="review-meta">
                  {s.institution.name}, {s.kommune.name} · {t(`stories.visibility.${s.visibility}.label`)}
                  {s.submittedAt && (
                    <> · {t('stories.review.sentAt', { when: formatDateTime(s.submittedAt) })}</>
                  )}
                </p>
                {s.excerpt && <p className="break">{s.excerpt}</p>}
                {s.state === 'in_review' ? (
                  <StoryReviewActions story={s} onDone={setNotice} />
                ) : (
                  <StoryStateBadge state={s.state} />
                )}
              </li>
            ))}
          </ul>
        )}
      </QueryView>
    </div>
  );
}
