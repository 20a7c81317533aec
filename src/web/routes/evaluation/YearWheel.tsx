import { useTranslation } from 'react-i18next';
import { schoolYearLabel } from '../../../shared/evaluation';
import type { Wheel, WheelItem } from '../../api/evaluation';
import { monthName } from './format';
import { angleOf, lanes, monthsOf, point, sectorPath, windowAngles } from './geometry';

const SIZE = 360;
const C = SIZE / 2;
/** Rings from the outside: the kommune's, the institution's, the teams'. */
const RINGS = [
  { scope: 'kommune', outer: 150, inner: 124 },
  { scope: 'institution', outer: 120, inner: 90 },
  { scope: 'team', outer: 86, inner: 56 },
] as const;

/**
 * The year wheel (issue 17 part 1): twelve months from August at the top, clockwise; a ring per kind of plan; an
 * arc per collection window and a dot per analysis; today marked. A picture for those who see it — the list
 * beside it is the content (the SVG has a text alternative and is hidden from the accessibility tree otherwise).
 */
export function YearWheel({ wheel, selected }: { wheel: Wheel; selected?: string | null }) {
  const { t } = useTranslation();
  const year = { from: wheel.from, to: wheel.to };
  const label = schoolYearLabel(wheel.schoolYear);
  const todayIn = wheel.today >= wheel.from && wheel.today <= wheel.to;
  const today = angleOf(wheel.today, year);
  return (
    <figure className="eval-wheel">
      <svg viewBox={`0 0 ${SIZE} ${SIZE}`} role="img" aria-labelledby="eval-wheel-title">
        <title id="eval-wheel-title">{t('evaluation.wheel.alt', { label, count: wheel.items.length })}</title>
        {RINGS.map((r) => (
          <circle
            key={r.scope}
            className={`eval-ring eval-ring-${r.scope}`}
            cx={C}
            cy={C}
            r={(r.outer + r.inner) / 2}
            strokeWidth={r.outer - r.inner}
          />
        ))}
        {monthsOf(year).map((m, i) => {
          const a0 = m.angle;
          const inner = point(C, RINGS[2].inner, a0);
          const outer = point(C, 158, a0);
          const next = i === 11 ? Math.PI * 2 : monthsOf(year)[i + 1].angle;
          const at = point(C, 168, (a0 + next) / 2);
          return (
            <g key={m.day}>
              <line className="eval-month-line" x1={inner.x} y1={inner.y} x2={outer.x} y2={outer.y} />
              <text className="eval-month" x={at.x} y={at.y} textAnchor="middle" dominantBaseline="middle">
                {monthName(m.day, 'short').replace('.', '')}
              </text>
            </g>
          );
        })}
        {RINGS.map((r) => {
          const items = wheel.items.filter((x) => x.scope === r.scope);
          const lane = lanes(items);
          const count = Math.max(1, ...[...lane.values()].map((l) => l + 1));
          const width = (r.outer - r.inner) / count;
          return items.map((x: WheelItem) => {
            const l = lane.get(x) ?? 0;
            const r1 = r.outer - l * width - 1;
            const r0 = Math.max(r1 - width + 2, r.inner);
            const [a0, a1] = windowAngles(x.collectFrom, x.collectTo, year);
            const dot = x.analyseOn ? point(C, (r0 + r1) / 2, angleOf(x.analyseOn, year) + 0.02) : null;
            const on = selected === x.id;
            return (
              <g key={x.id} className={`eval-item eval-item-${r.scope}${on ? ' is-selected' : ''}`}>
                <path d={sectorPath(C, r0, r1, a0, a1)} />
                {dot && <circle className="eval-analysis" cx={dot.x} cy={dot.y} r={on ? 5 : 4} />}
              </g>
            );
          });
        })}
        {todayIn && (
          <g className="eval-today">
            <line
              x1={point(C, 40, today).x}
              y1={point(C, 40, today).y}
              x2={point(C, 158, today).x}
              y2={point(C, 158, today).y}
            />
            <circle cx={point(C, 158, today).x} cy={point(C, 158, today).y} r={4} />
          </g>
        )}
        <text className="eval-center" x={C} y={C - 6} textAnchor="middle">
          {label}
        </text>
        {todayIn && (
          <text className="eval-center-small" x={C} y={C + 14} textAnchor="middle">
            {t('evaluation.wheel.today')}
          </text>
        )}
      </svg>
      <figcaption>
        <ul className="eval-legend">
          <li>
            <span className="eval-swatch eval-swatch-kommune" aria-hidden="true" />
            {t('evaluation.wheel.legendKommune')}
          </li>
          <li>
            <span className="eval-swatch eval-swatch-institution" aria-hidden="true" />
            {t('evaluation.wheel.legendInstitution')}
          </li>
          <li>
            <span className="eval-swatch eval-swatch-team" aria-hidden="true" />
            {t('evaluation.wheel.legendTeam')}
          </li>
        </ul>
        <p className="hint">{t('evaluation.wheel.legend')}</p>
      </figcaption>
    </figure>
  );
}
