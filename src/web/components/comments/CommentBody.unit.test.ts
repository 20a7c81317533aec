import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { CommentBody } from './CommentBody';

const render = (body: string) => renderToStaticMarkup(createElement(CommentBody, { body }));

describe('CommentBody', () => {
  it('renders markup and script as escaped text, never as elements', () => {
    const html = render('<script>alert(1)</script><img src=x onerror=alert(1)>');
    expect(html).not.toContain('<script');
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;');
  });

  it('renders safe links with rel and unsafe ones as text', () => {
    const html = render('[a](https://emu.dk/?q="x") [b](javascript:alert(1)) [c](data:text/html,hi)');
    expect(html).toContain('<a href="https://emu.dk/?q=%22x%22" rel="noopener noreferrer nofollow ugc"');
    expect(html.match(/<a /g)).toHaveLength(1);
    expect(html).toContain('[b](javascript:alert(1))');
    expect(html).not.toContain('href="javascript');
    expect(html).not.toContain('href="data');
  });

  it('renders paragraphs, line breaks, nested lists and mentions', () => {
    const html = render(
      'Hej @[Mette](0b6f3a4e-1c2d-4e5f-8a9b-0c1d2e3f4a5b)\nanden linje\n\n3. tre\n   - under\n4. fire',
    );
    expect(html).toBe(
      '<div class="comment-body"><p>Hej <span class="mention">@Mette</span><br/>anden linje</p>' +
        '<ol start="3"><li>tre<ul><li>under</li></ul></li><li>fire</li></ol></div>',
    );
  });
});
