import * as Plot from '@observablehq/plot';
import { useEffect, useRef } from 'react';
import type { AnalysisPoint, Fit } from './api';
import { lineAt, throughMean } from './format';

/**
 * One role group's departments: social capital (x) against PLF (y), with the least-squares line (solid) and the
 * seed's reference slope drawn through the points' mean (dashed). Decoration for sighted readers: hidden from screen
 * readers, because the table beside it carries the same numbers and the fit is said in words.
 */
export function ScatterChart({
  points,
  fit,
  referenceSlope,
  labels,
}: {
  points: AnalysisPoint[];
  fit: Fit | null;
  referenceSlope: number;
  labels: { x: string; y: string; fit: string; reference: string };
}) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = ref.current;
    if (!el || !points.length) return;
    const width = Math.max(280, Math.min(560, el.clientWidth || 560));
    const xs = points.map((p) => p.socialCapital);
    const ys = points.map((p) => p.plf);
    // The axes around the points with a margin, kept inside 0–100 and at least 30 points wide.
    const pad = (lo: number, hi: number): [number, number] => {
      const mid = (lo + hi) / 2;
      const half = Math.max(15, (hi - lo) / 2 + 5);
      const a = Math.max(0, Math.floor((mid - half) / 5) * 5);
      const b = Math.min(100, Math.ceil((mid + half) / 5) * 5);
      return [a, b];
    };
    const xDomain = pad(Math.min(...xs), Math.max(...xs));
    const yDomain = pad(Math.min(...ys), Math.max(...ys));
    const ends = (line: { slope: number; intercept: number }) =>
      xDomain.map((x) => ({ x, y: lineAt(line, x) }));
    const reference = throughMean(
      referenceSlope,
      points.map((p) => ({ x: p.socialCapital, y: p.plf })),
    );
    const marks: Plot.Markish[] = [Plot.frame({ stroke: '#d3dae2' })];
    if (reference)
      marks.push(
        Plot.line(ends(reference), {
          x: 'x',
          y: 'y',
          stroke: '#6b4a00',
          strokeWidth: 2,
          strokeDasharray: '6 4',
          clip: true,
        }),
      );
    if (fit)
      marks.push(Plot.line(ends(fit), { x: 'x', y: 'y', stroke: '#0b5cad', strokeWidth: 2.5, clip: true }));
    marks.push(
      Plot.dot(points, {
        x: 'socialCapital',
        y: 'plf',
        r: (p: AnalysisPoint) => 3 + Math.sqrt(p.answered) / 1.5,
        fill: '#0b5cad',
        fillOpacity: 0.55,
        stroke: '#084784',
      }),
    );
    const chart = Plot.plot({
      width,
      height: Math.round(Math.min(420, width * 0.8)),
      marginLeft: 44,
      marginBottom: 40,
      marginTop: 16,
      marginRight: 16,
      style: { fontSize: '13px', color: '#1b2733' },
      x: { domain: xDomain, grid: true, label: labels.x, labelAnchor: 'center', labelArrow: 'none' },
      y: { domain: yDomain, grid: true, label: labels.y, labelAnchor: 'center', labelArrow: 'none' },
      marks,
    });
    chart.setAttribute('aria-hidden', 'true');
    chart.setAttribute('focusable', 'false');
    el.replaceChildren(chart);
    return () => chart.remove();
  }, [points, fit, referenceSlope, labels.x, labels.y]);
  if (!points.length) return null;
  return (
    <figure className="sv-scatter">
      <div ref={ref} aria-hidden="true" />
      <figcaption aria-hidden="true" className="sv-legend">
        <span className="sv-legend-fit">{labels.fit}</span>
        <span className="sv-legend-ref">{labels.reference}</span>
      </figcaption>
    </figure>
  );
}
