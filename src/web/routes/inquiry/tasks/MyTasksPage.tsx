import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { type MyTask, useMyTasks } from '../../../api/inquiry';
import { QueryView } from '../../../components/QueryView';
import { usePageTitle } from '../../../components/usePageTitle';
import { TaskList } from './TaskList';
import '../inquiry.css';

/** /opgaver — "Mine opgaver": the tasks the signed-in person owns in her teams' cycles and meetings. */
export function MyTasksPage() {
  const { t } = useTranslation();
  usePageTitle(t('inquiry.myTasks.title'));
  const query = useMyTasks();
  const items = query.data?.items ?? [];
  const open = items.filter((x) => !x.done);
  const done = items.filter((x) => x.done);
  const place = (task: MyTask) =>
    task.cycleId
      ? { to: `/forloeb/${task.cycleId}`, label: `${task.team.name}: ${task.cycleTitle ?? ''}` }
      : { to: `/team/${task.team.id}`, label: task.team.name };
  return (
    <div className="page">
      <div className="page-head">
        <h1>{t('inquiry.myTasks.title')}</h1>
        <Link to="/team" className="btn btn-secondary">
          {t('inquiry.myTeams.title')}
        </Link>
      </div>
      <p className="lead">{t('inquiry.myTasks.intro')}</p>
      <QueryView query={query} empty={query.isSuccess && items.length === 0 && t('inquiry.myTasks.none')}>
        {() => (
          <>
            <section className="inquiry-section" aria-labelledby="mytasks-open">
              <h2 id="mytasks-open">{t('inquiry.myTasks.open')}</h2>
              <TaskList
                tasks={open}
                members={[]}
                canWrite
                editable={false}
                label={t('inquiry.myTasks.open')}
                empty={t('inquiry.myTasks.allDone')}
                placeOf={(task) => place(task as MyTask)}
              />
            </section>
            {done.length > 0 && (
              <section className="inquiry-section" aria-labelledby="mytasks-done">
                <h2 id="mytasks-done">{t('inquiry.myTasks.done')}</h2>
                <TaskList
                  tasks={done}
                  members={[]}
                  canWrite
                  editable={false}
                  label={t('inquiry.myTasks.done')}
                  empty=""
                  placeOf={(task) => place(task as MyTask)}
                />
              </section>
            )}
          </>
        )}
      </QueryView>
    </div>
  );
}
