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

/** Danish names for the columns most areas have; others are shown as they are named in the JSON. */
const LABELS: Record<string, string> = {
  id: 'Id',
  name: 'Navn',
  email: 'E-mail',
  title: 'Titel',
  description: 'Beskrivelse',
  body: 'Tekst',
  status: 'Status',
  state: 'Tilstand',
  kind: 'Slags',
  role: 'Rolle',
  team: 'Team',
  institution: 'Institution',
  kommune: 'Kommune',
  visibility: 'Synlighed',
  created_at: 'Oprettet',
  updated_at: 'Ændret',
  joined_at: 'Kom med',
  video_id: 'Video (id)',
  notes: 'Noter',
  reflection: 'Refleksion',
  next_step: 'Næste skridt',
  conversation_notes: 'Noter fra samtalen',
  answers: 'Svar',
  payload: 'Indhold',
  original_filename: 'Originalfilens navn',
  original_size: 'Originalfilens størrelse (bytes)',
  duration_seconds: 'Længde (sekunder)',
  last_seen_at: 'Sidst set',
  expires_at: 'Udløber',
  user_agent: 'Browser',
  action: 'Handling',
  planned_for: 'Planlagt til',
  term: 'Periode',
  class_label: 'Klasse',
  subject: 'Fag',
  grade: 'Klassetrin',
  started_at: 'Startet',
  completed_at: 'Afsluttet',
  read_at: 'Læst',
  worked: 'Virkede',
  tried_at: 'Prøvet',
};
/** A value longer than this is cut in index.html (the JSON file has it whole). */
const MAX_CELL = 400;

const record = (r: Record<string, unknown>) => {
  const items = Object.entries(r)
    .filter(([, v]) => v !== null && v !== undefined && v !== '')
    .map(([k, v]) => {
      const text = cell(v);
      const shown = text.length > MAX_CELL ? `${text.slice(0, MAX_CELL)} … (resten i JSON-filen)` : text;
      return `<div><dt>${esc(LABELS[k] ?? k)}</dt><dd>${esc(shown)}</dd></div>`;
    })
    .join('');
  return `<li><dl>${items}</dl></li>`;
};

const rowsOf = (s: AreaSummary) => {
  if (!s.preview.length) return '<p>Ingen oplysninger.</p>';
  const more =
    s.count > s.preview.length
      ? `<p>Viser de første ${s.preview.length} af ${s.count}. Alle er i <a href="${s.area.name}.json">${s.area.name}.json</a>.</p>`
      : '';
  return `<ol class="records">${s.preview.map(record).join('\n')}</ol>${more}`;
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
${rowsOf(s)}
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
.records { list-style: none; padding: 0; } .records > li { border: 1px solid #bbb; border-radius: 4px; margin: 0 0 0.75rem; padding: 0.5rem 0.75rem; }
dl { margin: 0; } dl > div { display: flex; flex-wrap: wrap; gap: 0 1rem; } dt { font-weight: 600; min-width: 14rem; }
dd { margin: 0; overflow-wrap: anywhere; } a { color: #0b5394; }
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
