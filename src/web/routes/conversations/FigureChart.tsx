import * as Plot from '@observablehq/plot';
import { useEffect, useRef } from 'react';
import { niceMax } from '../observation/data/chart';

export type ChartDatum = { label: string; value: number; text: string };

/** The value axis: a scale's own ends, a share in per cent 0–100, else from 0 (or the lowest value) to a round end. */
function domainOf(
  unit: string,
  scale: { min: number; max: number } | null,
  values: number[],
): [number, number] {
  if (unit === 'mean' && scale) return [scale.min, scale.max];
  if (unit === 'share') return [0, 100];
  const low = Math.min(0, ...values);
  return [low < 0 ? -niceMax(-low) : 0, niceMax(Math.max(0, ...values))];
}

/**
 * A package's figures as a chart (Observable Plot). Decoration for sighted readers: hidden from screen readers,
 * because the table beside it carries the same figures. `kind` bars: one bar per figure; `line`: one figure over
 * the unit's packages (the comparison).
 */
export function FigureChart({
  data,
  unit,
  scale,
  kind,
}: {
  data: ChartDatum[];
  unit: string;
  scale: { min: number; max: number } | null;
  kind: 'bars' | 'line';
}) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = ref.current;
    if (!el || !data.length) return;
    const width = Math.max(260, Math.min(640, el.clientWidth || 640));
    const rows = data.map((d) => ({ ...d, v: unit === 'share' ? d.value * 100 : d.value }));
    const domain = domainOf(
      unit,
      scale,
      rows.map((d) => d.v),
    );
    const style = { fontSize: '13px', color: '#1b2733' };
    const longest = Math.max(...rows.map((d) => d.label.length));
    const chart =
      kind === 'line'
        ? Plot.plot({
            width,
            height: 180,
            marginTop: 24,
            marginLeft: 44,
            marginRight: 30,
            marginBottom: 36,
            style,
            x: { label: null, domain: rows.map((d) => d.label), padding: 0.3 },
            y: { domain, grid: true, label: null },
            marks: [
              Plot.lineY(rows, { x: 'label', y: 'v', stroke: '#0b5cad', strokeWidth: 2.5 }),
              Plot.dot(rows, { x: 'label', y: 'v', fill: '#0b5cad', r: 4 }),
              Plot.text(rows, { x: 'label', y: 'v', text: 'text', dy: -12, fill: '#1b2733' }),
            ],
          })
        : Plot.plot({
            width,
            height: 40 + rows.length * 32,
            marginLeft: Math.min(Math.round(width * 0.5), 16 + longest * 7),
            marginRight: 56,
            marginBottom: 30,
            style,
            x: { domain, grid: true, label: null },
            y: {
              label: null,
              domain: rows.map((d) => d.label),
              tickFormat: (s: string) => (s.length > 40 ? `${s.slice(0, 39)}…` : s),
            },
            marks: [
              Plot.barX(rows, { x1: domain[0], x2: 'v', y: 'label', fill: '#0b5cad' }),
              Plot.text(rows, {
                x: 'v',
                y: 'label',
                text: 'text',
                dx: 6,
                textAnchor: 'start',
                fill: '#1b2733',
              }),
              Plot.ruleX([domain[0]]),
            ],
          });
    chart.setAttribute('aria-hidden', 'true');
    chart.setAttribute('focusable', 'false');
    el.replaceChildren(chart);
    return () => chart.remove();
  }, [data, unit, scale, kind]);
  if (!data.length) return null;
  return <div ref={ref} className="conv-chart" aria-hidden="true" />;
}
