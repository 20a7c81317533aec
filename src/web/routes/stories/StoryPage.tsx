import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { ApiError } from '../../api/client';
import { inquiryKeys, useMyTeams } from '../../api/inquiry';
import { useMe } from '../../api/people';
import { usePillarLabel } from '../../api/pillars';
import { type Story, type StoryFigure, storyKeys, tryStory, useStory } from '../../api/stories';
import { Loading, Notice, RequestError } from '../../components/Alert';
import { Breadcrumbs } from '../../components/Breadcrumbs';
import { FormDialog } from '../../components/Dialogs';
import { RadioGroupField } from '../../components/Field';
import { TableWrap } from '../../components/TableWrap';
import { usePageTitle } from '../../components/usePageTitle';
import { formatDateTime } from '../../i18n';
import { useListWords } from '../../i18n/words';
import { formatDay, NotThere } from '../inquiry/common';
import { VideoCard } from '../videos/VideoCard';
import { StoryGrid } from './StoryCard';
import { StoryReviewActions, StoryStateBadge } from './StoryReview';

type Kind = NonNullable<Story['data']>['indicators'][number]['kind'];

/** A figure as the reader reads it: a yes/no indicator's share as a percentage, other means to one decimal. */
const number = (v: number, kind: Kind) =>
  kind === 'share'
    ? new Intl.NumberFormat('da-DK', { style: 'percent', maximumFractionDigits: 0 }).format(v)
    : new Intl.NumberFormat('da-DK', { maximumFractionDigits: 1 }).format(v);

/** Data before and after: aggregates only; a figure of too few is "–" with the reason under the table. */
export function DataTable({ story }: { story: Story }) {
  const { t } = useTranslation();
  const { t: lt } = useListWords(story.ageBands, 'mixed');
  const data = story.data;
  if (!data) return null;
  const hidden = data.indicators.some((i) => i.before.suppressed || i.after.suppressed);
  const cell = (f: StoryFigure, kind: Kind) =>
    f.suppressed ? (
      <>
        <span aria-hidden="true">–</span>
        <span className="sr-only">{t('stories.data.hidden')}</span>
      </>
    ) : f.value === null ? (
      <span className="muted">{t('stories.data.none')}</span>
    ) : (
      <>
        {number(f.value, kind)}
        {f.teachers !== null && (
          <span className="story-data-n"> ({lt('stories.data.teachers', { count: f.teachers })})</span>
        )}
      </>
    );
  return (
    <section className="card story-section" aria-labelledby="story-data-heading">
      <h2 id="story-data-heading">{t('stories.data.heading')}</h2>
      <p className="hint">{t('stories.data.intro', { day: formatDay(data.splitOn) })}</p>
      {data.indicators.length === 0 ? (
        <p className="muted">{t('stories.data.empty')}</p>
      ) : (
        <TableWrap label={t('stories.data.heading')}>
          <table className="table story-data">
            <thead>
              <tr>
                <th scope="col">{t('stories.data.indicator')}</th>
                <th scope="col">{t('stories.data.before')}</th>
                <th scope="col">{t('stories.data.after')}</th>
              </tr>
            </thead>
            <tbody>
              {data.indicators.map((i) => (
                <tr key={i.label}>
                  <th scope="row">
                    {i.label}
                    {i.scale && <span className="hint"> ({i.scale})</span>}
                    {i.kind === 'share' && <span className="hint"> ({t('stories.data.shareYes')})</span>}
                  </th>
                  <td>{cell(i.before, i.kind)}</td>
                  <td>{cell(i.after, i.kind)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
      {hidden && <p className="hint">{lt('stories.data.suppressed', { n: data.minGroup })}</p>}
    </section>
  );
}

/** "Vi vil prøve det i vores team": choose one of my teams; a new cycle starts there, seeded from the story. */
function TryDialog({ story }: { story: Story }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const teams = useMyTeams();
  const items = teams.data?.items ?? [];
  const [teamId, setTeamId] = useState<string | null>(null);
  const chosen = teamId ?? (items.length === 1 ? items[0].id : null);
  if (!items.length) return null;
  return (
    <FormDialog
      triggerLabel={t('stories.try.button')}
      triggerVariant="primary"
      title={t('stories.try.title')}
      submitLabel={t('stories.try.submit')}
      fields={['team'] as const}
      validate={() => ({ team: chosen ? undefined : t('stories.try.pickTeam') })}
      onSubmit={async () => {
        const made = await tryStory(story.id, chosen as string);
        void qc.invalidateQueries({ queryKey: inquiryKeys.all });
        void qc.invalidateQueries({ queryKey: storyKeys.all });
        navigate(`/forloeb/${made.cycleId}`, { state: { notice: t('stories.try.started') } });
      }}
    >
      {(errors) => (
        <>
          <p>{t('stories.try.text')}</p>
          <RadioGroupField
            legend={t('stories.try.team')}
            name="team"
            value={chosen}
            onChange={setTeamId}
            error={errors.team}
            choices={items.map((x) => ({ value: x.id, label: x.name, hint: x.institution.name }))}
          />
        </>
      )}
    </FormDialog>
  );
}

function Text({ id, heading, text }: { id: string; heading: string; text: string }) {
  if (!text.trim()) return null;
  return (
    <section className="card story-section" aria-labelledby={id}>
      <h2 id={id}>{heading}</h2>
      <p className="inquiry-text break">{text}</p>
    </section>
  );
}

function StoryView({ story }: { story: Story }) {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const pillarLabel = usePillarLabel();
  const { t: lt } = useListWords(story.ageBands, 'mixed');
  const [notice, setNotice] = useState<string | null>(null);
  const facts = [
    story.subject && `${lt('stories.subject')}: ${story.subject.label}`,
    story.ageBands.length > 0 &&
      `${t('stories.ageBands')}: ${story.ageBands.map((a) => t(`catalogue.ageBand.${a}`)).join(', ')}`,
    story.methods.length > 0 && `${t('stories.methods')}: ${story.methods.map((m) => m.label).join(', ')}`,
    story.pillars.length > 0 && `${t('stories.pillars')}: ${story.pillars.map(pillarLabel).join(', ')}`,
  ].filter(Boolean) as string[];
  return (
    <div className="page story-page">
      <Breadcrumbs
        items={[{ to: '/praksisfortaellinger', label: t('stories.title') }, { label: story.title }]}
      />
      <Notice message={notice} />
      <div className="page-head">
        <div>
          <p className="story-card-kind">{t('stories.kind')}</p>
          <h1 className="break">{story.title}</h1>
          <p className="story-facts">
            {story.state !== 'published' && <StoryStateBadge state={story.state} />}
            <span>
              {story.team ? `${story.team.name}, ` : ''}
              {story.institution.name}, {story.kommune.name}
            </span>
            <span>{story.templateName}</span>
            {story.publishedAt && (
              <span>{t('stories.publishedAt', { when: formatDateTime(story.publishedAt) })}</span>
            )}
          </p>
          {facts.length > 0 && (
            <ul className="story-tags" aria-label={t('stories.aboutLabel')}>
              {facts.map((f) => (
                <li key={f}>{f}</li>
              ))}
            </ul>
          )}
        </div>
        <div className="page-actions">
          {story.may.try && me && <TryDialog story={story} />}
          {story.may.edit && story.cycleId && (
            <Link to={`/forloeb/${story.cycleId}/fortaelling`} className="btn btn-secondary">
              {t('stories.edit')}
            </Link>
          )}
        </div>
      </div>
      {story.may.review && story.state === 'in_review' && (
        <section className="card story-section" aria-labelledby="story-review-heading">
          <h2 id="story-review-heading">{t('stories.review.heading')}</h2>
          <StoryReviewActions story={story} onDone={setNotice} />
        </section>
      )}
      {story.triedCount > 0 && (
        <p className="story-tried-line">
          <strong>{t('stories.tried', { count: story.triedCount })}</strong>
        </p>
      )}
      <div className="story-body stack">
        <Text id="story-context" heading={t('stories.fields.context')} text={story.context} />
        <Text id="story-question" heading={t('stories.fields.question')} text={story.question} />
        <Text id="story-tried" heading={t('stories.fields.tried')} text={story.tried} />
        <DataTable story={story} />
        <Text id="story-learned" heading={t('stories.fields.learned')} text={story.learned} />
        <Text id="story-materials" heading={t('stories.fields.materials')} text={story.materials} />
        {story.videos.length > 0 && (
          <section className="story-section" aria-labelledby="story-videos-heading">
            <h2 id="story-videos-heading">{t('stories.videos')}</h2>
            <ul className="video-grid" aria-labelledby="story-videos-heading">
              {story.videos.map((v) => (
                <VideoCard key={v.id} video={v} />
              ))}
            </ul>
          </section>
        )}
        {story.followUps.length > 0 && (
          <section className="story-section" aria-labelledby="story-followups-heading">
            <h2 id="story-followups-heading">{t('stories.followUps')}</h2>
            <StoryGrid stories={story.followUps} labelledBy="story-followups-heading" />
          </section>
        )}
        {story.origin && (
          <p className="story-origin">
            {t('stories.origin')}{' '}
            <Link to={`/praksisfortaellinger/${story.origin.id}`}>{story.origin.title}</Link>
          </p>
        )}
      </div>
    </div>
  );
}

/** /praksisfortaellinger/:id — one practice story; a public one also for someone not signed in. */
export function StoryPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const query = useStory(id);
  const { data: me } = useMe();
  usePageTitle(query.data?.title ?? t('stories.title'));
  if (query.isPending) return <Loading />;
  if (query.isError) {
    if (query.error instanceof ApiError && [401, 403, 404].includes(query.error.status))
      return me ? (
        <NotThere back="/praksisfortaellinger" backLabel={t('stories.back')} />
      ) : (
        <NotThere back="/log-ind" backLabel={t('stories.signInToRead')} />
      );
    return <RequestError error={query.error} />;
  }
  return <StoryView key={query.data.id} story={query.data} />;
}
