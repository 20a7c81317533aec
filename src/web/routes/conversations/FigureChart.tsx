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
    // `i`: each figure's own band (two figures may share a label, e.g. "Grøn" under two areas).
    const rows = data.map((d, i) => ({ ...d, i: String(i), v: unit === 'share' ? d.value * 100 : d.value }));
    const domain = domainOf(
      unit,
      scale,
      rows.map((d) => d.v),
    );
    const style = { fontSize: '13px', color: '#1b2733' };
    // How many characters of a label fit above its bar (about 7 px a character at 13 px).
    const chars = Math.max(20, Math.floor((width - 16) / 7));
    const chart =
      kind === 'line'
        ? Plot.plot({
            width,
            height: 180,
            marginTop: 24,
            marginLeft: 48,
            marginRight: 48,
            marginBottom: 36,
            style,
            x: {
              label: null,
              domain: rows.map((d) => d.i),
              padding: 0.3,
              tickFormat: (i: string) => rows[Number(i)]?.label ?? '',
            },
            y: { domain, grid: true, label: null },
            marks: [
              Plot.lineY(rows, { x: 'i', y: 'v', stroke: '#0b5cad', strokeWidth: 2.5 }),
              Plot.dot(rows, { x: 'i', y: 'v', fill: '#0b5cad', r: 4 }),
              Plot.text(rows, { x: 'i', y: 'v', text: 'text', dy: -12, fill: '#1b2733' }),
            ],
          })
        : Plot.plot({
            width,
            // Each figure's words above its bar, the whole width: long indicator texts fit a phone too.
            height: 30 + rows.length * 52,
            marginLeft: 8,
            marginRight: 56,
            marginTop: 8,
            marginBottom: 30,
            style,
            x: { domain, grid: true, label: null },
            y: { axis: null, domain: rows.map((d) => d.i), paddingInner: 0.1 },
            marks: [
              Plot.barX(rows, { x1: domain[0], x2: 'v', y: 'i', fill: '#0b5cad', insetTop: 22 }),
              Plot.text(rows, {
                x: domain[0],
                y: 'i',
                text: (d: { label: string }) =>
                  d.label.length > chars ? `${d.label.slice(0, chars - 1)}…` : d.label,
                dy: -14,
                textAnchor: 'start',
                fill: '#1b2733',
              }),
              Plot.text(rows, {
                x: 'v',
                y: 'i',
                text: 'text',
                dx: 6,
                dy: 10,
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
