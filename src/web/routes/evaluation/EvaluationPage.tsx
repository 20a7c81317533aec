import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { schoolYearLabel } from '../../../shared/evaluation';
import {
  copyPlan,
  deleteItem,
  publishPlan,
  useEvaluationRefresh,
  useWheel,
  type Wheel,
  type WheelItem,
  type WheelOwner,
  type WheelPlan,
} from '../../api/evaluation';
import { useMe } from '../../api/people';
import { Notice } from '../../components/Alert';
import { Button } from '../../components/Button';
import { ConfirmDialog } from '../../components/Dialogs';
import { SelectField } from '../../components/Field';
import { QueryView } from '../../components/QueryView';
import { usePageTitle } from '../../components/usePageTitle';
import { useWords } from '../../i18n/words';
import { FeedSection } from './FeedSection';
import { ItemForm } from './ItemForm';
import { ItemList, MonthList } from './ItemList';
import { YearWheel } from './YearWheel';
import './evaluation.css';

/** The wheels a person may open: their institutions', and their kommune's own plan for forvaltning. */
function useUnits(): { key: string; owner: WheelOwner; label: string }[] {
  const { t } = useWords();
  const grants = useMe().data?.grants ?? [];
  const seen = new Set<string>();
  const out: { key: string; owner: WheelOwner; label: string }[] = [];
  for (const g of grants) {
    if (g.institutionId && g.institutionName && !seen.has(g.institutionId)) {
      seen.add(g.institutionId);
      out.push({
        key: `i:${g.institutionId}`,
        owner: { scope: 'institution', id: g.institutionId },
        label: g.institutionName,
      });
    }
    if (g.role === 'forvaltning' && g.kommuneId && !seen.has(g.kommuneId)) {
      seen.add(g.kommuneId);
      out.push({
        key: `k:${g.kommuneId}`,
        owner: { scope: 'kommune', id: g.kommuneId },
        label: t('evaluation.kommuneUnit', { name: g.kommuneName ?? '' }),
      });
    }
  }
  return out;
}

/** /dataaarshjul — the evaluation plan as a year wheel with its list, or month by month (issue 17 part 1, P1). */
export function EvaluationPage() {
  const { t } = useWords();
  usePageTitle(t('evaluation.title'));
  const units = useUnits();
  const [params, setParams] = useSearchParams();
  const unitKey = params.get('for') ?? units[0]?.key ?? '';
  const unit = units.find((u) => u.key === unitKey) ?? units[0];
  const yearParam = Number(params.get('year')) || undefined;
  const view = params.get('view') === 'months' ? 'months' : 'wheel';
  const query = useWheel(unit?.owner ?? null, yearParam);
  const set = (k: string, v: string | null) =>
    setParams(
      (p) => {
        const n = new URLSearchParams(p);
        if (v === null) n.delete(k);
        else n.set(k, v);
        return n;
      },
      { replace: true },
    );

  return (
    <div className="page eval-page">
      <div className="page-head">
        <h1>{t('evaluation.title')}</h1>
      </div>
      <p className="lead">{t('evaluation.intro')}</p>
      {units.length > 1 && (
        <div className="eval-unit">
          <SelectField
            label={t('evaluation.unit')}
            value={unit?.key}
            required={false}
            onChange={(e) => setParams({ for: e.currentTarget.value }, { replace: true })}
          >
            {units.map((u) => (
              <option key={u.key} value={u.key}>
                {u.label}
              </option>
            ))}
          </SelectField>
        </div>
      )}
      <QueryView query={query}>
        {(wheel) => (
          <WheelContent
            key={`${unit?.key}-${wheel.schoolYear}`}
            wheel={wheel}
            view={view}
            setYear={(y) => set('year', String(y))}
            setView={(v) => set('view', v === 'wheel' ? null : v)}
          />
        )}
      </QueryView>
      <FeedSection />
    </div>
  );
}

function WheelContent({
  wheel,
  view,
  setYear,
  setView,
}: {
  wheel: Wheel;
  view: 'wheel' | 'months';
  setYear: (y: number) => void;
  setView: (v: 'wheel' | 'months') => void;
}) {
  const { t } = useWords(
    wheel.owner.scope === 'institution' ? wheel.owner.id : null,
    wheel.owner.words ?? undefined,
  );
  const refresh = useEvaluationRefresh();
  const [editing, setEditing] = useState<WheelItem | 'new' | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [selected, setSelected] = useState<string | null>(null);
  const editable = wheel.plans.filter((p) => p.canEdit);
  const label = schoolYearLabel(wheel.schoolYear);

  const done = async (message: string) => {
    setEditing(null);
    setNotice(message);
    await refresh();
  };
  const actions = {
    onEdit: (item: WheelItem) => {
      setNotice(null);
      setEditing(item);
    },
    onDelete: async (item: WheelItem) => {
      await deleteItem(item.id, item.version);
      await done(t('evaluation.form.deleted'));
    },
  };

  return (
    <>
      <nav className="eval-year" aria-label={t('evaluation.schoolYear', { label })}>
        <Button variant="secondary" onClick={() => setYear(wheel.schoolYear - 1)}>
          <span aria-hidden="true">‹ </span>
          {t('evaluation.prevYear')}
        </Button>
        <h2 className="eval-year-label" aria-live="polite">
          {t('evaluation.schoolYear', { label })}
        </h2>
        <Button variant="secondary" onClick={() => setYear(wheel.schoolYear + 1)}>
          {t('evaluation.nextYear')}
          <span aria-hidden="true"> ›</span>
        </Button>
      </nav>

      <PlanBar wheel={wheel} onChanged={done} />

      <div className="eval-toolbar">
        <fieldset className="eval-views">
          <legend className="sr-only">{t('evaluation.views.label')}</legend>
          {(['wheel', 'months'] as const).map((v) => (
            <button
              key={v}
              type="button"
              className={`btn ${view === v ? 'btn-primary' : 'btn-secondary'}`}
              aria-pressed={view === v}
              onClick={() => setView(v)}
            >
              {t(`evaluation.views.${v}`)}
            </button>
          ))}
        </fieldset>
        {editable.length > 0 && editing === null && (
          <Button
            onClick={() => {
              setNotice(null);
              setEditing('new');
            }}
          >
            {t('evaluation.form.add')}
          </Button>
        )}
      </div>
      <Notice message={notice} />
      {editing !== null && (
        <ItemForm
          wheel={wheel}
          item={editing === 'new' ? null : editing}
          plans={editable}
          onDone={(m) => done(t(`evaluation.form.${m}`))}
          onCancel={() => setEditing(null)}
        />
      )}

      {view === 'wheel' ? (
        <div className="eval-layout">
          <YearWheel wheel={wheel} selected={selected} />
          <section className="eval-list-section" aria-labelledby="eval-list-title">
            <h2 id="eval-list-title">{t('evaluation.list.heading')}</h2>
            <ItemList wheel={wheel} canAdd={editable.length > 0} actions={actions} onSelect={setSelected} />
          </section>
        </div>
      ) : (
        <MonthList wheel={wheel} />
      )}
    </>
  );
}

/** The plans in the wheel, with copying last year's and publishing (the kommune's). */
function PlanBar({ wheel, onChanged }: { wheel: Wheel; onChanged: (message: string) => Promise<void> }) {
  const { t } = useWords();
  const name = (p: WheelPlan) => t(`evaluation.planName.${p.scope}`, { name: p.name });
  return (
    <section className="eval-plans" aria-labelledby="eval-plans-title">
      <h2 id="eval-plans-title" className="sr-only">
        {t('evaluation.plans.heading')}
      </h2>
      <ul>
        {wheel.plans.map((p) => (
          <li key={`${p.scope}-${p.ownerId}`} className={`eval-plan eval-card-${p.scope}`}>
            <span className="eval-plan-name">{name(p)}</span>
            <span className="muted">
              {t('evaluation.plans.items', { count: p.itemCount })}
              {!p.canEdit && ` · ${t('evaluation.plans.readOnly')}`}
              {p.copiedFromYear !== null &&
                ` · ${t('evaluation.plans.copiedFrom', { label: schoolYearLabel(p.copiedFromYear) })}`}
            </span>
            {p.scope === 'kommune' && p.canPublish && (
              <span className="eval-plan-state">
                {p.published ? t('evaluation.plans.published') : t('evaluation.plans.notPublished')}
              </span>
            )}
            <span className="eval-plan-actions">
              {p.canCopy && (
                <ConfirmDialog
                  triggerLabel={t('evaluation.plans.copy')}
                  triggerContext={t('evaluation.plans.copyContext', { name: name(p) })}
                  triggerVariant="secondary"
                  confirmVariant="primary"
                  title={t('evaluation.plans.copyTitle')}
                  confirmLabel={t('evaluation.plans.copy')}
                  onConfirm={async () => {
                    const r = await copyPlan({
                      scope: p.scope,
                      ownerId: p.ownerId,
                      schoolYear: wheel.schoolYear,
                    });
                    await onChanged(t('evaluation.plans.copied', { count: r.copied }));
                  }}
                >
                  <p>{t('evaluation.plans.copyText')}</p>
                </ConfirmDialog>
              )}
              {p.scope === 'kommune' && p.canPublish && (
                <Button
                  variant={p.published ? 'secondary' : 'primary'}
                  onClick={async () => {
                    await publishPlan({
                      kommuneId: p.ownerId,
                      schoolYear: wheel.schoolYear,
                      published: !p.published,
                    });
                    await onChanged(
                      p.published
                        ? t('evaluation.plans.unpublishedNotice')
                        : t('evaluation.plans.publishedNotice'),
                    );
                  }}
                >
                  {p.published ? t('evaluation.plans.unpublish') : t('evaluation.plans.publish')}
                </Button>
              )}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
