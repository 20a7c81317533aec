import { expect, it } from 'vitest';
import { AREAS, NOT_INCLUDED } from './areas.js';
import { indexHtml } from './html.js';

const area = (name: string) => AREAS.find((a) => a.name === name) ?? AREAS[0];

it('index.html is Danish, self-contained, without scripts, and shows what people wrote as text', () => {
  const html = indexHtml({
    name: 'Åse <b>Østergård</b>',
    createdAt: new Date('2026-12-07T10:00:00Z'),
    notIncluded: NOT_INCLUDED,
    summaries: [
      { area: area('profile'), count: 1, preview: [{ name: 'Åse', email: 'aase@example.dk' }] },
      {
        area: area('comments'),
        count: 30,
        preview: [{ body: '<script>alert(1)</script>', created_at: new Date('2026-12-01T08:30:00Z') }],
      },
      { area: area('notes'), count: 0, preview: [] },
    ],
  });
  expect(html).toContain('<html lang="da">');
  expect(html).not.toMatch(/<script|<link|src=|https?:\/\//);
  expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  expect(html).toContain('Åse &lt;b&gt;Østergård&lt;/b&gt;');
  expect(html).toContain('<dt>Tekst</dt>');
  expect(html).toContain('2026-12-01 08:30');
  expect(html).toContain('Viser de første 1 af 30');
  expect(html).toContain('Ingen oplysninger.');
  expect(html).toMatch(/anonyme/);
});
