import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { sendBack, unpublish, type WorkflowStep, workflowStep } from '../../api/catalogue';
import { useVideoMutation, type VideoView } from '../../api/videos';
import { RequestError } from '../../components/Alert';
import { Button } from '../../components/Button';
import { FormDialog } from '../../components/Dialogs';
import { RadioGroupField, TextAreaField } from '../../components/Field';

/** "Send tilbage": a required comment to the owner. */
export function SendBackDialog({
  videoId,
  title,
  onDone,
}: {
  videoId: string;
  title: string;
  onDone: (v: VideoView) => void;
}) {
  const { t } = useTranslation();
  return (
    <FormDialog
      triggerLabel={t('editorial.sendBack')}
      triggerContext={title}
      title={t('editorial.sendBackTitle', { title })}
      submitLabel={t('editorial.sendBack')}
      fields={['comment'] as const}
      validate={(d) => ({
        comment: String(d.get('comment') ?? '').trim() ? undefined : t('editorial.commentMissing'),
      })}
      onSubmit={async (d) => onDone(await sendBack(videoId, String(d.get('comment') ?? '').trim()))}
    >
      {(errors) => (
        <TextAreaField
          label={t('editorial.comment')}
          hint={t('editorial.commentHint')}
          name="comment"
          maxLength={2000}
          error={errors.comment}
        />
      )}
    </FormDialog>
  );
}

/** "Tag ud af kataloget": back to the owner (with a comment) or to draft. */
export function UnpublishDialog({
  videoId,
  title,
  onDone,
}: {
  videoId: string;
  title: string;
  onDone: (v: VideoView) => void;
}) {
  const { t } = useTranslation();
  const [to, setTo] = useState<'returned' | 'draft'>('returned');
  return (
    <FormDialog
      triggerLabel={t('editorial.unpublish')}
      triggerContext={title}
      triggerVariant="danger"
      title={t('editorial.unpublishTitle', { title })}
      submitLabel={t('editorial.unpublish')}
      fields={['comment', 'to'] as const}
      validate={(d) => ({
        comment:
          to === 'returned' && !String(d.get('comment') ?? '').trim()
            ? t('editorial.commentMissing')
            : undefined,
      })}
      onSubmit={async (d) =>
        onDone(await unpublish(videoId, { to, comment: String(d.get('comment') ?? '').trim() || undefined }))
      }
    >
      {(errors) => (
        <>
          <p>{t('editorial.unpublishText')}</p>
          <RadioGroupField
            legend={t('editorial.unpublishTo')}
            name="to"
            value={to}
            onChange={setTo}
            choices={[
              { value: 'returned', label: t('editorial.toReturned') },
              { value: 'draft', label: t('editorial.toDraft') },
            ]}
          />
          <TextAreaField
            label={t('editorial.comment')}
            name="comment"
            optional={to === 'draft'}
            maxLength={2000}
            error={errors.comment}
          />
        </>
      )}
    </FormDialog>
  );
}

/** The workflow buttons on the video page, for the owner and for editors, by the video's editorial state. */
export function EditorialActions({ video }: { video: VideoView }) {
  const { t } = useTranslation();
  const c = video.catalogue;
  const [notice, setNotice] = useState<string | null>(null);
  const step = useVideoMutation(video.id, (s: WorkflowStep) => workflowStep(video.id, s));
  const done = useVideoMutation(video.id, async (v: VideoView) => v);
  const run = (s: WorkflowStep, message: string) => step.mutate(s, { onSuccess: () => setNotice(message) });
  const state = c.editorialState;
  const canEnter = state === 'none' || state === 'draft' || state === 'returned';

  return (
    <div className="catalogue-actions">
      <div className="button-row">
        {c.canSubmit && canEnter && video.visibility !== 'private' && (
          <Button
            busy={step.isPending && step.variables === 'submit'}
            onClick={() => run('submit', t('catalogue.submitted'))}
          >
            {t('catalogue.submit')}
          </Button>
        )}
        {c.canReview && state === 'none' && (
          <Button
            variant="secondary"
            busy={step.isPending && step.variables === 'draft'}
            onClick={() => run('draft', t('catalogue.drafted'))}
          >
            {t('catalogue.startDraft')}
          </Button>
        )}
        {c.canReview && state === 'in_review' && (
          <>
            {/* Refused by the server while consent or metadata do not allow it: disabled, with the reason. */}
            <Button
              busy={step.isPending && step.variables === 'publish'}
              disabled={!!c.publishBlocked}
              aria-describedby={c.publishBlocked ? `publish-blocked-${video.id}` : undefined}
              onClick={() => run('publish', t('editorial.publishedNotice', { title: video.title }))}
            >
              {t('editorial.publish')}
            </Button>
            <SendBackDialog
              videoId={video.id}
              title={video.title}
              onDone={(v) => done.mutate(v, { onSuccess: () => setNotice(t('editorial.sentBack')) })}
            />
          </>
        )}
        {c.canReview && state === 'published' && (
          <UnpublishDialog
            videoId={video.id}
            title={video.title}
            onDone={(v) => done.mutate(v, { onSuccess: () => setNotice(t('editorial.unpublished')) })}
          />
        )}
      </div>
      {c.canReview && state === 'in_review' && c.publishBlocked && (
        <p id={`publish-blocked-${video.id}`} className="hint">
          {t(`publishBlocked.${c.publishBlocked}`)}
        </p>
      )}
      {c.canSubmit && canEnter && video.visibility === 'private' && (
        <p className="hint">{t('catalogue.privateHint')}</p>
      )}
      <RequestError error={step.error} />
      <div role="status" className={notice && !step.isError ? 'alert alert-success' : 'alert-empty'}>
        {!step.isError && notice}
      </div>
    </div>
  );
}
