/** What a chat or social medium shows for a pasted link (Open Graph + Twitter card). */
export type Preview = { title: string; description: string; image: string | null; url: string };

const escapeHtml = (s: string) =>
  s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');

/** The meta tags for a preview, every value escaped (titles are user text). */
export function previewTags(p: Preview): string {
  const tags: [string, string][] = [
    ['og:type', 'video.other'],
    ['og:site_name', 'Amongi'],
    ['og:title', p.title],
    ['og:description', p.description],
    ['og:url', p.url],
    ['twitter:card', p.image ? 'summary_large_image' : 'summary'],
    ['twitter:title', p.title],
  ];
  if (p.image) tags.push(['og:image', p.image], ['twitter:image', p.image]);
  return tags
    .map(
      ([k, v]) => `<meta ${k.startsWith('og:') ? 'property' : 'name'}="${k}" content="${escapeHtml(v)}" />`,
    )
    .join('\n    ');
}

/** The app shell with the preview's tags and title in its head. */
export function withPreview(shell: string, p: Preview): string {
  return shell
    .replace(/<title>[^<]*<\/title>/, `<title>${escapeHtml(p.title)} – Amongi</title>`)
    .replace('</head>', `    ${previewTags(p)}\n  </head>`);
}
