import { Link, useParams } from 'react-router';
import { type ConferenceList, useConferences } from '../../../api/progression';
import { Breadcrumbs } from '../../../components/Breadcrumbs';
import { QueryView } from '../../../components/QueryView';
import { usePageTitle } from '../../../components/usePageTitle';
import type { WordsT } from '../../../i18n/words';
import { formatDay, useProgressionWords } from '../status';
import '../progression.css';

/** /progression/grupper/:id/samtaler — the class's læringssamtaler, newest first, and a new one. */
export function ConferencesPage() {
  const { id } = useParams();
  const list = useConferences(id);
  return (
    <div className="page">
      <QueryView query={list}>{(data) => <ConferencesView list={data} />}</QueryView>
    </div>
  );
}

function ConferencesView({ list }: { list: ConferenceList }) {
  const { t } = useProgressionWords(list.institution);
  const title = `${t('progression.conferences.title')}: ${list.group.name}`;
  usePageTitle(title);
  const base = `/progression/grupper/${list.group.id}`;
  return (
    <>
      <ConferenceCrumbs list={list} t={t} />
      <div className="page-head">
        <h1>{title}</h1>
        <Link to={`${base}/samtaler/ny`} className="btn btn-primary">
          {t('progression.conferences.new')}
        </Link>
      </div>
      <p className="lead">{t('progression.conferences.intro')}</p>
      {list.previous && (
        <section className="card prog-previous" aria-labelledby="prog-previous">
          <h2 id="prog-previous">
            {t('progression.conferences.latest', { day: formatDay(list.previous.heldOn) })}
          </h2>
          <PreviousBody previous={list.previous} t={t} />
        </section>
      )}
      {list.items.length === 0 ? (
        <p className="muted">{t('progression.conferences.none')}</p>
      ) : (
        <section aria-labelledby="prog-all-conferences">
          <h2 id="prog-all-conferences">{t('progression.conferences.all')}</h2>
          <ul className="prog-cards" aria-labelledby="prog-all-conferences">
            {list.items.map((c) => (
              <li key={c.id} className="card prog-card">
                <h3>
                  <Link to={`${base}/samtaler/${c.id}`} className="stretched-link">
                    {formatDay(c.heldOn)}: {c.focus || t('progression.conferences.noFocus')}
                  </Link>
                </h3>
                {c.followUp && (
                  <p>
                    <strong>{t('progression.conferences.followUp')}:</strong> {c.followUp}
                  </p>
                )}
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}

export function ConferenceCrumbs({ list, t, last }: { list: ConferenceList; t: WordsT; last?: string }) {
  const base = `/progression/grupper/${list.group.id}`;
  return (
    <Breadcrumbs
      items={[
        { to: '/progression', label: t('progression.title') },
        { to: base, label: list.group.name },
        { to: `${base}/samtaler`, label: t('progression.conferences.title') },
        ...(last ? [{ label: last }] : []),
      ]}
    />
  );
}

/** The previous conference's focus, decisions and follow-up. */
export function PreviousBody({
  previous,
  t,
}: {
  previous: NonNullable<ConferenceList['previous']>;
  t: WordsT;
}) {
  return (
    <dl className="meta-list prog-previous-list">
      <div>
        <dt>{t('progression.conferences.focus')}</dt>
        <dd>{previous.focus || '–'}</dd>
      </div>
      <div>
        <dt>{t('progression.conferences.decisions')}</dt>
        <dd className="prog-pre">{previous.decisions || '–'}</dd>
      </div>
      <div>
        <dt>{t('progression.conferences.followUp')}</dt>
        <dd className="prog-pre">{previous.followUp || '–'}</dd>
      </div>
    </dl>
  );
}
