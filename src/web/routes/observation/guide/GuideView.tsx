import { Link } from 'react-router';
import type { ObservationMe } from '../../../api/observation';
import { useWords } from '../../../i18n/words';

/** The visit guide as plain text: paragraphs split at blank lines, lines kept — never rendered as HTML. */
export function GuideText({ body }: { body: string }) {
  const paragraphs = body
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean);
  return (
    <div className="obs-guide-text">
      {paragraphs.map((p, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: paragraphs of a fixed text
        <p key={i}>
          {p.split('\n').map((line, j) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: lines of a fixed paragraph
            <span key={j}>
              {j > 0 && <br />}
              {line}
            </span>
          ))}
        </p>
      ))}
    </div>
  );
}

/** Before the first visit: a prominent way to the institution's published guide, until it has been read. */
export function GuidePrompt({
  institutions,
  only,
}: {
  institutions: ObservationMe['institutions'];
  /** Only this institution (on a visit page). */
  only?: string;
}) {
  const { t } = useWords();
  const unread = institutions.filter((i) => i.guide.published && !i.guide.read && (!only || i.id === only));
  if (!unread.length) return null;
  return (
    <div className="alert alert-info obs-guide-prompt">
      {unread.map((i) => (
        <p key={i.id}>
          <strong>{t('observation.guide.promptTitle', { name: i.name })}</strong>{' '}
          {t('observation.guide.promptText')}{' '}
          <Link to={`/observation/guide/${i.id}`} className="btn btn-primary obs-guide-btn">
            {t('observation.guide.read')}
            <span className="sr-only">: {i.name}</span>
          </Link>
        </p>
      ))}
    </div>
  );
}
