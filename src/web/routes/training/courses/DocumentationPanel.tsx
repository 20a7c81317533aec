import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { errorMessage } from '../../../api/client';
import {
  type CourseDetail,
  setDocumentation,
  useCourseRefresh,
  useMyReadyVideos,
} from '../../../api/training';
import { ErrorAlert, Loading, Notice, RequestError } from '../../../components/Alert';
import { Button } from '../../../components/Button';
import { SelectField } from '../../../components/Field';
import { useSingleFlight } from '../useSingleFlight';

/**
 * When the course is completed: the manager links its documentation video, chosen among their own ready
 * videos (or uploads a new one first). It is then shown on every video the requests came from.
 */
export function DocumentationPanel({ course: c }: { course: CourseDetail }) {
  const { t } = useTranslation();
  const refresh = useCourseRefresh(c.id);
  const videos = useMyReadyVideos(true);
  const once = useSingleFlight();
  const [notice, setNotice] = useState<string | null>(null);
  const [pickError, setPickError] = useState<string | undefined>();
  const save = useMutation({
    mutationFn: (videoId: string) => setDocumentation(c.id, videoId),
    onMutate: () => setNotice(null),
    onSuccess: async (answer) => {
      setNotice(t('training.documentation.saved'));
      await refresh(answer);
    },
  });
  function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const videoId = String(new FormData(e.currentTarget).get('videoId') ?? '');
    setPickError(videoId ? undefined : t('training.documentation.choose'));
    if (videoId) once(() => save.mutateAsync(videoId));
  }
  const items = videos.data ?? [];
  return (
    <section className="card training-card" aria-labelledby="training-documentation">
      <h2 id="training-documentation">{t('training.documentation.heading')}</h2>
      {c.documentationVideo ? (
        <p>
          {t('training.documentation.current')}{' '}
          <Link to={`/videoer/${c.documentationVideo.id}`}>{c.documentationVideo.title}</Link>
        </p>
      ) : (
        <p className="hint">{t('training.documentation.hint')}</p>
      )}
      {videos.isPending ? (
        <Loading />
      ) : videos.isError ? (
        <RequestError error={videos.error} />
      ) : (
        <form noValidate onSubmit={submit}>
          <ErrorAlert message={save.isError ? errorMessage(save.error) : null} />
          {items.length ? (
            <div className="form-row">
              <SelectField
                label={t('training.documentation.video')}
                hint={t('training.documentation.videoHint')}
                name="videoId"
                defaultValue={c.documentationVideo?.id ?? ''}
                error={pickError}
              >
                <option value="">{t('common.choose')}</option>
                {items.map((v) => (
                  <option key={v.id} value={v.id}>
                    {v.title}
                  </option>
                ))}
              </SelectField>
              <Button type="submit" busy={save.isPending} className="training-inline-submit">
                {c.documentationVideo ? t('training.documentation.change') : t('training.documentation.save')}
              </Button>
            </div>
          ) : (
            <p className="muted">{t('training.documentation.noVideos')}</p>
          )}
        </form>
      )}
      <p>
        <Link to="/videoer/ny">{t('training.documentation.upload')}</Link>
      </p>
      <Notice message={notice} />
    </section>
  );
}
