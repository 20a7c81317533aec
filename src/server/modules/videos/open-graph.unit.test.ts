import { describe, expect, it } from 'vitest';
import { withPreview } from './open-graph.js';

const shell = '<html><head><title>Amongi</title></head><body></body></html>';

describe('link previews', () => {
  it('puts title, description, image and url into Open Graph and Twitter tags', () => {
    const html = withPreview(shell, {
      title: 'Makkerlæsning i 2. klasse',
      description: 'Sådan kommer alle i gang',
      image: 'https://amongi.dk/media/v/1/poster.jpg',
      url: 'https://amongi.dk/del/abc',
    });
    expect(html).toContain('<title>Makkerlæsning i 2. klasse – Amongi</title>');
    expect(html).toContain('<meta property="og:title" content="Makkerlæsning i 2. klasse" />');
    expect(html).toContain('<meta property="og:image" content="https://amongi.dk/media/v/1/poster.jpg" />');
    expect(html).toContain('<meta name="twitter:card" content="summary_large_image" />');
    expect(html).toContain('<meta property="og:url" content="https://amongi.dk/del/abc" />');
  });

  it('escapes user text so a title cannot add markup', () => {
    const html = withPreview(shell, {
      title: '"><script>alert(1)</script>',
      description: "it's <b>bold</b> & more",
      image: null,
      url: 'https://amongi.dk/del/x',
    });
    expect(html).not.toContain('<script>');
    expect(html).toContain('content="&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;"');
    expect(html).toContain('content="it&#39;s &lt;b&gt;bold&lt;/b&gt; &amp; more"');
    expect(html).not.toContain('og:image');
  });
});
