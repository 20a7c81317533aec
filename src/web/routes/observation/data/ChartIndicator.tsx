import * as Plot from '@observablehq/plot';
import { useEffect, useRef } from 'react';
import type { DataBreakdown, IndicatorType, Scale } from '../../../../shared/observation';
import { currentLocale } from '../../../i18n';
import { tickText, valueDomain } from './chart';

export type ChartPoint = { label: string; value: number };

/**
 * One indicator's figures as a chart (Observable Plot, drawn into a div). It is decoration for sighted readers:
 * hidden from screen readers, because the table beside it carries the same figures. Over terms a line shows the
 * development; other breakdowns are horizontal bars. Suppressed groups are left out (the table says why).
 */
export function ChartIndicator({
  points,
  type,
  scale,
  by,
  format,
}: {
  points: ChartPoint[];
  type: IndicatorType;
  scale: Scale | null;
  by: DataBreakdown;
  /** Formats a value the way the table does (Danish decimal comma). */
  format: (value: number) => string;
}) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = ref.current;
    if (!el || !points.length) return;
    const width = Math.max(280, Math.min(640, el.clientWidth || 640));
    const percent = type === 'yesno';
    const data = points.map((p) => ({ label: p.label, value: percent ? p.value * 100 : p.value }));
    // The axis starts at the scale's minimum (1 on 1–7) and ends at its maximum: nothing is cut off.
    const domain = valueDomain(
      type,
      scale,
      data.map((d) => d.value),
    );
    const tick = tickText(currentLocale() === 'en' ? 'en' : 'da');
    const valueLabel = percent ? '% ja' : null;
    const longest = Math.max(...data.map((d) => d.label.length));
    const chart =
      by === 'term' && points.length > 1
        ? Plot.plot({
            width,
            height: 220,
            marginTop: 28,
            marginLeft: 44,
            marginRight: 36,
            marginBottom: 40,
            style: { fontSize: '13px', color: '#1b2733' },
            x: { label: null, domain: data.map((d) => d.label), padding: 0.3 },
            y: { domain, grid: true, label: valueLabel, tickFormat: tick },
            marks: [
              Plot.ruleY([domain[0]]),
              Plot.lineY(data, { x: 'label', y: 'value', stroke: '#0b5cad', strokeWidth: 2.5 }),
              Plot.dot(data, { x: 'label', y: 'value', fill: '#0b5cad', r: 4 }),
              Plot.text(data, {
                x: 'label',
                y: 'value',
                text: (d: { value: number }) => format(d.value),
                dy: -12,
                fill: '#1b2733',
              }),
            ],
          })
        : Plot.plot({
            width,
            height: 44 + data.length * 34,
            marginLeft: Math.min(Math.round(width * 0.45), 16 + longest * 7.5),
            marginRight: 48,
            marginBottom: 32,
            style: { fontSize: '13px', color: '#1b2733' },
            x: { domain, grid: true, label: valueLabel, tickFormat: tick },
            y: { label: null, domain: data.map((d) => d.label) },
            marks: [
              Plot.barX(data, { x1: domain[0], x2: 'value', y: 'label', fill: '#0b5cad' }),
              Plot.text(data, {
                x: 'value',
                y: 'label',
                text: (d: { value: number }) => format(d.value),
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
  }, [points, type, scale, by, format]);
  if (!points.length) return null;
  return <div ref={ref} className="obsl-chart" aria-hidden="true" />;
}
