import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import {
  deleteVideo,
  retryVideo,
  updateVideo,
  useVideoMutation,
  type VideoView,
  videoKeys,
} from '../../api/videos';
import { RequestError } from '../../components/Alert';
import { Button } from '../../components/Button';
import { ConfirmDialog, FormDialog } from '../../components/Dialogs';
import { TextAreaField, TextField } from '../../components/Field';

/** Change title and description. */
export function EditVideoDialog({ video }: { video: VideoView }) {
  const { t } = useTranslation();
  const save = useVideoMutation(video.id, (b: { title: string; description: string }) =>
    updateVideo(video.id, b),
  );
  return (
    <FormDialog
      triggerLabel={t('video.edit')}
      title={t('video.editTitle')}
      submitLabel={t('common.save')}
      fields={['title', 'description'] as const}
      validate={(d) => ({
        title: String(d.get('title') ?? '').trim() ? undefined : t('upload.titleMissing'),
      })}
      onSubmit={(d) =>
        save.mutateAsync({
          title: String(d.get('title') ?? '').trim(),
          description: String(d.get('description') ?? '').trim(),
        })
      }
    >
      {(errors) => (
        <>
          <TextField
            label={t('upload.titleLabel')}
            name="title"
            maxLength={200}
            defaultValue={video.title}
            error={errors.title}
          />
          <TextAreaField
            label={t('video.description')}
            name="description"
            optional
            maxLength={5000}
            defaultValue={video.description ?? ''}
            error={errors.description}
          />
        </>
      )}
    </FormDialog>
  );
}

/** Delete for ever, after a confirmation; then back to the list. */
export function DeleteVideoButton({ video }: { video: Pick<VideoView, 'id' | 'title'> }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const navigate = useNavigate();
  return (
    <ConfirmDialog
      triggerLabel={t('video.delete')}
      title={t('video.deleteTitle', { title: video.title })}
      confirmLabel={t('video.deleteConfirm')}
      onConfirm={async () => {
        await deleteVideo(video.id);
        qc.removeQueries({ queryKey: videoKeys.one(video.id) });
        await qc.invalidateQueries({ queryKey: videoKeys.all });
        navigate('/videoer', { state: { notice: t('video.deleted', { title: video.title }) } });
      }}
    >
      <p>{t('video.deleteText')}</p>
    </ConfirmDialog>
  );
}

/** A failed video: run the processing again. */
export function RetryButton({ video }: { video: VideoView }) {
  const { t } = useTranslation();
  const retry = useVideoMutation(video.id, () => retryVideo(video.id));
  return (
    <>
      <Button busy={retry.isPending} onClick={() => retry.mutate(undefined)}>
        {t('video.retry')}
      </Button>
      {retry.isError && <RequestError error={retry.error} />}
    </>
  );
}
