import type { AreaSummary } from './areas.js';

const esc = (s: string) =>
  s.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );

const cell = (v: unknown): string => {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return v.toISOString().replace('T', ' ').slice(0, 16);
  if (typeof v === 'object') return JSON.stringify(v, (_k, x) => (typeof x === 'bigint' ? Number(x) : x));
  return String(v);
};

const table = (s: AreaSummary) => {
  if (!s.preview.length) return '<p>Ingen oplysninger.</p>';
  const cols = Object.keys(s.preview[0] ?? {});
  const head = cols.map((c) => `<th scope="col">${esc(c)}</th>`).join('');
  const body = s.preview
    .map((r) => `<tr>${cols.map((c) => `<td>${esc(cell(r[c]))}</td>`).join('')}</tr>`)
    .join('\n');
  const more =
    s.count > s.preview.length
      ? `<p>Viser de første ${s.preview.length} af ${s.count}. Alle er i <a href="${s.area.name}.json">${s.area.name}.json</a>.</p>`
      : '';
  return `<div class="scroll"><table><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table></div>${more}`;
};

/** The ZIP's readable front page: Danish, one self-contained file (inline styles, no scripts, no outside links). */
export function indexHtml(o: {
  name: string;
  createdAt: Date;
  summaries: AreaSummary[];
  notIncluded: string[];
}): string {
  const when = o.createdAt.toISOString().slice(0, 10);
  const toc = o.summaries
    .map((s) => `<li><a href="#${s.area.name}">${esc(s.area.title)}</a> (${s.count})</li>`)
    .join('\n');
  const sections = o.summaries
    .map(
      (s) => `<section id="${s.area.name}" aria-labelledby="h-${s.area.name}">
<h2 id="h-${s.area.name}">${esc(s.area.title)}</h2>
<p>${esc(s.area.about)} Antal: ${s.count}. Fil: <a href="${s.area.name}.json">${s.area.name}.json</a>.</p>
${table(s)}
</section>`,
    )
    .join('\n');
  return `<!doctype html>
<html lang="da">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Dine data i Amongi — ${esc(o.name)}</title>
<style>
body { font-family: system-ui, sans-serif; line-height: 1.5; margin: 0 auto; max-width: 60rem; padding: 1rem; color: #1a1a1a; }
h1 { font-size: 1.6rem; } h2 { font-size: 1.25rem; margin-top: 2rem; border-top: 1px solid #ccc; padding-top: 1rem; }
.scroll { overflow-x: auto; } table { border-collapse: collapse; font-size: 0.875rem; }
th, td { border: 1px solid #bbb; padding: 0.25rem 0.5rem; text-align: left; vertical-align: top; }
th { background: #f0f0f0; } a { color: #0b5394; }
</style>
</head>
<body>
<main>
<h1>Dine data i Amongi</h1>
<p>Udtræk for <strong>${esc(o.name)}</strong>, lavet ${when}. Det indeholder alt, hvad Amongi gemmer om dig,
som læsbare tabeller her og som JSON-filer (én pr. område) ved siden af denne fil.</p>
<h2>Indhold</h2>
<ul>
${toc}
</ul>
<h2>Hvad er ikke med, og hvorfor</h2>
<ul>
${o.notIncluded.map((n) => `<li>${esc(n)}</li>`).join('\n')}
</ul>
${sections}
</main>
</body>
</html>
`;
}
