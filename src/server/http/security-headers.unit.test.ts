import { describe, expect, it } from 'vitest';
import { withPreview } from '../modules/videos/open-graph.js';
import { APP_CSP, baseSecurityHeaders, PERMISSIONS_POLICY } from './security-headers.js';

const directives = (csp: string) =>
  new Map(csp.split('; ').map((d) => [d.split(' ')[0], d.split(' ').slice(1)] as const));

describe('security headers', () => {
  it('the app CSP allows no inline or evaluated script, no plugins, no <base>, no framing', () => {
    const d = directives(APP_CSP);
    expect(d.get('script-src')).toEqual(["'self'"]);
    expect(d.get('object-src')).toEqual(["'none'"]);
    expect(d.get('base-uri')).toEqual(["'none'"]);
    expect(d.get('frame-ancestors')).toEqual(["'none'"]);
    expect(d.get('form-action')).toEqual(["'self'"]);
    expect(APP_CSP).not.toMatch(/unsafe-eval|strict-dynamic|https?:|\*/);
  });

  it('camera, microphone, geolocation and payment are off; HSTS only for an https public address', () => {
    for (const f of ['camera=()', 'microphone=()', 'geolocation=()', 'payment=()', 'usb=()'])
      expect(PERMISSIONS_POLICY.split(', ')).toContain(f);
    expect(baseSecurityHeaders('http://localhost:3000')['strict-transport-security']).toBeUndefined();
    expect(baseSecurityHeaders('https://amongi.kommune.dk')['strict-transport-security']).toMatch(
      /^max-age=31536000/,
    );
  });

  it('the link preview adds only meta tags and a title to the shell: nothing the CSP would have to allow', () => {
    const shell =
      '<html><head><title>Amongi</title><script type="module" src="/assets/a.js"></script></head><body></body></html>';
    const hostile = '"><script>alert(1)</script><style>*{}</style><img src=x onerror=alert(1)>';
    const html = withPreview(shell, {
      title: hostile,
      description: hostile,
      image: `https://x/${hostile}`,
      url: 'https://amongi.test/del/abc',
    });
    const tags = (h: string): string[] => h.match(/<[a-z]+/g) ?? [];
    const added = tags(html);
    for (const tag of tags(shell)) added.splice(added.indexOf(tag), 1);
    expect(added.length).toBeGreaterThan(5);
    expect(new Set(added)).toEqual(new Set(['<meta']));
    expect(html.match(/<script/g)).toHaveLength(1);
    expect(html).not.toMatch(/<style|<img/); // the hostile text stays text (escaped inside attributes)
  });
});
