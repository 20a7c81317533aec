import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { SearchParams } from '../../api/search';
import { type StorySummary, storyQueryString, useStorySearch } from '../../api/stories';
import './stories.css';

/**
 * A practice story in a list: the title as the link, the excerpt of its context, where it comes from, its subject,
 * age bands and methods, and how many teams tried it. `headingLevel` follows the list's heading.
 */
export function StoryCard({ story, headingLevel = 3 }: { story: StorySummary; headingLevel?: 2 | 3 | 4 }) {
  const { t } = useTranslation();
  const Heading = `h${headingLevel}` as const;
  const topic = [
    story.subject?.label,
    ...story.ageBands.map((a) => t(`catalogue.ageBand.${a}`)),
    ...story.methods.map((m) => m.label),
  ].filter(Boolean);
  return (
    <li className="card story-card">
      <p className="story-card-kind">{t('stories.kind')}</p>
      <Heading className="story-card-title break">
        <Link to={`/praksisfortaellinger/${story.id}`} className="stretched-link">
          {story.title}
        </Link>
      </Heading>
      {story.excerpt && <p className="story-card-excerpt break">{story.excerpt}</p>}
      {topic.length > 0 && <p className="story-card-topic">{topic.join(' · ')}</p>}
      <p className="story-card-meta">
        {story.institution.name}, {story.kommune.name}
      </p>
      {story.triedCount > 0 && (
        <p className="story-card-tried">{t('stories.tried', { count: story.triedCount })}</p>
      )}
    </li>
  );
}

export function StoryGrid({ stories, labelledBy }: { stories: StorySummary[]; labelledBy: string }) {
  return (
    <ul className="story-grid" aria-labelledby={labelledBy}>
      {stories.map((s) => (
        <StoryCard key={s.id} story={s} />
      ))}
    </ul>
  );
}

/**
 * Beside the video search (/videoer with a query or filters): the first 3 matching stories and "Se alle N", which
 * opens /praksisfortaellinger with the same query. Nothing when none match.
 */
export function StoriesBesideVideos({ params }: { params: SearchParams }) {
  const { t } = useTranslation();
  const p = {
    q: params.q,
    subject: params.subject,
    ageBand: params.ageBand,
    method: params.method,
    pillar: params.pillar,
  };
  const query = useStorySearch(p, 3);
  const first = query.data?.pages[0];
  if (!first?.items.length) return null;
  const all = storyQueryString(p).replace(/(^|&)limit=\d+/, '');
  return (
    <section className="stories-beside" aria-labelledby="stories-beside-heading">
      <h2 id="stories-beside-heading">{t('stories.title')}</h2>
      <StoryGrid stories={first.items.slice(0, 3)} labelledBy="stories-beside-heading" />
      <p>
        <Link to={`/praksisfortaellinger${all ? `?${all}` : ''}`}>
          {t('stories.seeAll', { count: first.total })}
        </Link>
      </p>
    </section>
  );
}

/** On a video's page: the stories that link it (hidden when none). */
export function VideoStories({ videoId }: { videoId: string }) {
  const { t } = useTranslation();
  const query = useStorySearch(
    { q: '', video: videoId, subject: [], ageBand: [], method: [], pillar: [] },
    6,
  );
  const items = query.data?.pages[0]?.items ?? [];
  if (!items.length) return null;
  return (
    <section className="video-stories" aria-labelledby="video-stories-heading">
      <h2 id="video-stories-heading">{t('stories.withVideo')}</h2>
      <StoryGrid stories={items} labelledBy="video-stories-heading" />
    </section>
  );
}
