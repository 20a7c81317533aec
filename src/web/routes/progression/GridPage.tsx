import { useMemo, useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { schoolYearLabel } from '../../../shared/progression';
import { type Grid, useGrid, useMyProgression } from '../../api/progression';
import { RequestError } from '../../components/Alert';
import { Breadcrumbs } from '../../components/Breadcrumbs';
import { QueryView } from '../../components/QueryView';
import { usePageTitle } from '../../components/usePageTitle';
import { CellEditor } from './CellEditor';
import { ChildrenSection } from './ChildrenSection';
import { Conflicts, SaveState } from './Conflicts';
import { byStart, countGrid, summaryFor } from './counts';
import { ExportDialog } from './ExportDialog';
import { childLabel, StatusGrid, shownValue } from './StatusGrid';
import { CountsLine, StackedBar, useProgressionWords } from './status';
import { type CellTarget, useCellWrites } from './useCellWrites';
import './progression.css';

/** /progression/grupper/:id — a class's (group's) overview: children × periods for one area at a time. */
export function GridPage() {
  const { id } = useParams();
  const [params] = useSearchParams();
  const year = params.get('aar') ? Number(params.get('aar')) : undefined;
  const grid = useGrid(id, year);
  return (
    <div className="page">
      <QueryView query={grid}>{(data) => <GridView grid={data} schoolYear={year} />}</QueryView>
    </div>
  );
}

function GridView({ grid, schoolYear }: { grid: Grid; schoolYear: number | undefined }) {
  const { t } = useProgressionWords(grid.institution);
  const title = `${grid.group.name} · ${schoolYearLabel(grid.group.schoolYear)}`;
  usePageTitle(title);
  const mine = useMyProgression();
  const canSetUp = !!mine.data?.institutions.find((i) => i.id === grid.institution.id)?.canSetUp;
  const areas = grid.areas.filter((a) => !a.archived);
  const [areaId, setAreaId] = useState(areas[0]?.id);
  const area = areas.find((a) => a.id === areaId) ?? areas[0];
  const periods = useMemo(() => [...grid.periods].sort(byStart), [grid.periods]);
  const children = useMemo(
    () => [...grid.children].sort((a, b) => a.code.localeCompare(b.code, 'da', { numeric: true })),
    [grid.children],
  );
  const writes = useCellWrites(grid.group.id, schoolYear);
  const [editing, setEditing] = useState<CellTarget | null>(null);

  const describe = (target: CellTarget) => {
    const child = grid.children.find((c) => c.id === target.childId);
    const a = grid.areas.find((x) => x.id === target.areaId);
    const p = grid.periods.find((x) => x.id === target.periodId);
    return child ? `${childLabel(t, child, grid.can.seeNames)}, ${a?.name ?? ''}, ${p?.name ?? ''}` : '';
  };
  const editingChild = editing && grid.children.find((c) => c.id === editing.childId);

  return (
    <>
      <Breadcrumbs
        items={[{ to: '/progression', label: t('progression.title') }, { label: grid.group.name }]}
      />
      <div className="page-head">
        <h1>{title}</h1>
        <div className="page-actions">
          <Link to={`/progression/grupper/${grid.group.id}/samtaler`} className="btn btn-secondary">
            {t('progression.conferences.title')}
          </Link>
          {grid.can.write && (
            <Link to={`/progression/grupper/${grid.group.id}/import`} className="btn btn-secondary">
              {t('progressionImport.link')}
            </Link>
          )}
          {canSetUp && (
            <Link
              to={`/progression/institution/${grid.institution.id}/opsaetning`}
              className="btn btn-secondary"
            >
              {t('progression.setup.title')}
            </Link>
          )}
        </div>
      </div>
      <p className="muted">
        {grid.institution.name}
        {grid.group.team && ` · ${t('progression.grid.team', { team: grid.group.team.name })}`}
      </p>
      {!area || periods.length === 0 ? (
        <p className="muted">{t(area ? 'progression.grid.noPeriods' : 'progression.grid.noAreas')}</p>
      ) : (
        <>
          <fieldset className="prog-areas">
            <legend className="sr-only">{t('progression.grid.area')}</legend>
            {areas.map((a) => (
              <button
                key={a.id}
                type="button"
                className={`btn ${a.id === area.id ? 'btn-primary' : 'btn-secondary'}`}
                aria-pressed={a.id === area.id}
                onClick={() => setAreaId(a.id)}
              >
                {a.name}
              </button>
            ))}
          </fieldset>
          {grid.can.write && <p className="hint prog-keys">{t('progression.grid.keys')}</p>}
          <SaveState last={writes.last} describe={describe} />
          <Conflicts pending={writes.pending} describe={describe} onResolve={writes.resolve} />
          {children.length === 0 ? (
            <p className="muted">{t('progression.grid.noChildren')}</p>
          ) : (
            <section
              aria-label={t('progression.grid.region', { area: area.name })}
              className="prog-grid-wrap"
            >
              <StatusGrid
                t={t}
                groupId={grid.group.id}
                area={area}
                periods={periods}
                rows={children}
                pending={writes.pending}
                canWrite={grid.can.write}
                showNames={grid.can.seeNames}
                onWrite={writes.write}
                onEdit={setEditing}
              />
            </section>
          )}
          <section aria-labelledby="prog-summary">
            <h2 id="prog-summary">{t('progression.grid.summary', { area: area.name })}</h2>
            <dl className="prog-summary">
              {periods.map((p) => {
                const counts = countGrid(
                  children,
                  grid.group.id,
                  area.id,
                  periods,
                  p.id,
                  (child, periodId) =>
                    shownValue(child, area.id, periodId, writes.pending).status ?? undefined,
                );
                // The first period's movement compares with the year before: the server's figure has it.
                const server = summaryFor(grid.summary, area.id, p.id);
                if (p.id === periods[0].id && server) {
                  counts.movedUp = server.movedUp;
                  counts.movedDown = server.movedDown;
                }
                return (
                  <div key={p.id}>
                    <dt>{p.name}</dt>
                    <dd>
                      <StackedBar counts={counts} />
                      <span className="prog-summary-text">
                        {counts.groen + counts.gul + counts.roed === 0 ? (
                          t('progression.grid.noneYet')
                        ) : (
                          <CountsLine counts={counts} />
                        )}
                      </span>
                    </dd>
                  </div>
                );
              })}
            </dl>
          </section>
        </>
      )}
      {grid.can.manageChildren && <ChildrenSection grid={grid} t={t} canMove={canSetUp} />}
      {grid.can.export && <ExportDialog groupId={grid.group.id} groupName={grid.group.name} t={t} />}
      {editing && editingChild && (
        <CellEditor
          title={describe(editing)}
          value={shownValue(editingChild, editing.areaId, editing.periodId, writes.pending)}
          onSave={(value) => writes.write(editing, value)}
          onClose={() => setEditing(null)}
        />
      )}
      <RequestError error={mine.error} />
    </>
  );
}
