import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { type DocumentedCourse, useVideoTraining } from '../../../api/training';
import type { VideoView } from '../../../api/videos';
import { Loading, RequestError } from '../../../components/Alert';
import { MethodAsk } from './TrainingAsk';
import '../training.css';

/** "Træningsforløb gennemført — se dokumentationen": the course that came of the asks, and its film. */
function Documented({ d }: { d: DocumentedCourse }) {
  const { t } = useTranslation();
  return (
    <div className="alert alert-success training-documented">
      <h3>{t('training.documented.title')}</h3>
      <p>
        {d.documentationVideo ? (
          <Link to={`/videoer/${d.documentationVideo.id}`} className="training-documented-link">
            {t('training.documented.watch', { title: d.documentationVideo.title })}
          </Link>
        ) : (
          t('training.documented.noVideo')
        )}
      </p>
      {d.canOpenCourse !== false && (
        <p className="training-documented-course">
          {t('training.documented.about', { method: d.methodLabel })}{' '}
          <Link to={`/traening/forloeb/${d.courseId}`}>{d.courseTitle || t('training.proposal')}</Link>
        </p>
      )}
    </div>
  );
}

/**
 * The video page's "Træning i metoderne": for each method tag, ask for training (as myself or for a team),
 * see how far the method is from a course, and the documentation of courses that came of the asks.
 */
export function TrainingSection({ video }: { video: VideoView }) {
  const { t } = useTranslation();
  const hasMethods = video.catalogue.methods.length > 0;
  const query = useVideoTraining(video.id, hasMethods);
  if (!hasMethods) return null;
  return (
    <section className="video-section training-section" aria-labelledby="training-heading">
      <h2 id="training-heading">{t('training.ask.heading')}</h2>
      {query.isPending ? (
        <Loading />
      ) : query.isError ? (
        <RequestError error={query.error} />
      ) : (
        <>
          {query.data.documented.map((d) => (
            <Documented key={d.courseId} d={d} />
          ))}
          <p className="hint">{t('training.ask.intro', { threshold: query.data.threshold })}</p>
          <div className="training-ask-grid">
            {query.data.methods.map((m) => (
              <MethodAsk key={m.method.id} demand={m} videoId={video.id} />
            ))}
          </div>
        </>
      )}
    </section>
  );
}
