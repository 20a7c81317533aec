import { useTranslation } from 'react-i18next';
import { ageBandKind } from '../../../shared/vocabulary';
import type { VideoCatalogue } from '../../api/catalogue';
import { usePillarLabel } from '../../api/pillars';
import type { VideoView } from '../../api/videos';
import { useWords } from '../../i18n/words';
import { EditorialActions } from './EditorialActions';
import { MetadataDialog } from './MetadataDialog';
import './catalogue.css';

/** "Kurateret": published in the editors' catalogue. */
export function CuratedBadge() {
  const { t } = useTranslation();
  return <span className="badge badge-curated">{t('catalogue.curated')}</span>;
}

/** Subject, age band, methods and pillars as a definition list; "Ikke angivet" where empty. */
export function CatalogueFacts({
  c,
}: {
  c: Pick<VideoCatalogue, 'subject' | 'ageBand' | 'methods' | 'pillars'>;
}) {
  const { t } = useTranslation();
  // "Læreplanstema" on a børnehus video, "Fag" on a school's (vocabulary.ts).
  const words = useWords(null, ageBandKind(c.ageBand));
  const pillarLabel = usePillarLabel();
  const none = <span className="muted">{t('catalogue.notSet')}</span>;
  return (
    <dl className="catalogue-facts">
      <div>
        <dt>{words.t('catalogue.fields.subject')}</dt>
        <dd>{c.subject?.label ?? none}</dd>
      </div>
      <div>
        <dt>{t('catalogue.fields.ageBand')}</dt>
        <dd>{c.ageBand ? t(`catalogue.ageBand.${c.ageBand}`) : none}</dd>
      </div>
      <div>
        <dt>{t('catalogue.fields.methods')}</dt>
        <dd>
          {c.methods.length ? (
            <ul className="tag-list">
              {c.methods.map((m) => (
                <li key={m.id} className="tag">
                  {m.label}
                </li>
              ))}
            </ul>
          ) : (
            none
          )}
        </dd>
      </div>
      <div>
        <dt>{t('catalogue.fields.pillars')}</dt>
        <dd>
          {c.pillars.length ? (
            <ul className="tag-list">
              {c.pillars.map((p) => (
                <li key={p} className="tag tag-pillar">
                  {pillarLabel(p)}
                </li>
              ))}
            </ul>
          ) : (
            none
          )}
        </dd>
      </div>
    </dl>
  );
}

/**
 * The video page's catalogue section (slot:catalogue): what the video is about and whether it is curated; for
 * the owner and editors also its editorial state, the editors' comment, the edit dialog and workflow actions.
 */
export function CatalogueSection({ video }: { video: VideoView }) {
  const { t } = useTranslation();
  const c = video.catalogue;
  const works = c.canDescribe || c.canSubmit || c.canReview;
  const empty = !c.subject && !c.ageBand && !c.methods.length && !c.pillars.length;
  if (!works && empty && !c.curated) return null;
  return (
    <section className="video-section catalogue-section" aria-labelledby="catalogue-heading">
      <div className="section-head">
        <h2 id="catalogue-heading">{t('catalogue.heading')}</h2>
        <div className="catalogue-badges">
          {c.curated && <CuratedBadge />}
          {works && (
            <span className={`badge badge-editorial-${c.editorialState}`}>
              <span className="sr-only">{t('catalogue.stateLabel')}: </span>
              {t(`catalogue.state.${c.editorialState}`)}
            </span>
          )}
        </div>
      </div>
      <CatalogueFacts c={c} />
      {works && c.editorialState === 'returned' && c.editorialComment && (
        <div className="alert alert-warning catalogue-comment">
          <strong>{t('catalogue.returnedComment')}</strong>
          <p className="break">{c.editorialComment}</p>
        </div>
      )}
      {works && c.editorialState === 'in_review' && <p className="hint">{t('catalogue.inReviewHint')}</p>}
      {works && (
        <div className="catalogue-tools">
          {c.canDescribe && <MetadataDialog video={video} />}
          <EditorialActions video={video} />
        </div>
      )}
    </section>
  );
}
