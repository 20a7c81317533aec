import { afterAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../testing/harness.js';

/*
 * Issue 20 part 6: who runs this Amongi, for /tilgaengelighed and /privatliv, and /was — the short address Danish
 * public sites give their accessibility statement — leading to the operator's official statement when there is one.
 */
const apps: TestApp[] = [];
afterAll(async () => {
  for (const a of apps) await a.close();
});

describe('about this site', () => {
  it('without operator settings: no operator, /was leads to our statement', async () => {
    const t = await createTestApp();
    apps.push(t);
    const about = await t.app.inject({ method: 'GET', url: '/api/v1/about' });
    expect(about.statusCode).toBe(200);
    expect(about.json()).toEqual({ operator: null, statementUrl: null });
    const was = await t.app.inject({ method: 'GET', url: '/was' });
    expect([was.statusCode, was.headers.location]).toEqual([302, '/tilgaengelighed']);
  });

  it("with them: anyone (signed out too) reads the operator's contact, /was leads to the WAS-Tool statement", async () => {
    const t = await createTestApp({
      OPERATOR_NAME: 'Fjordby Kommune, Børn og Unge',
      OPERATOR_EMAIL: 'tilgaengelighed@fjordby.dk',
      OPERATOR_PHONE: '70 10 20 30',
      ACCESSIBILITY_STATEMENT_URL: 'https://www.was.digst.dk/amongi-fjordby-dk',
    });
    apps.push(t);
    const about = await t.app.inject({ method: 'GET', url: '/api/v1/about' });
    expect(about.json()).toEqual({
      operator: {
        name: 'Fjordby Kommune, Børn og Unge',
        email: 'tilgaengelighed@fjordby.dk',
        phone: '70 10 20 30',
      },
      statementUrl: 'https://www.was.digst.dk/amongi-fjordby-dk',
    });
    const was = await t.app.inject({ method: 'GET', url: '/was' });
    expect([was.statusCode, was.headers.location]).toEqual([
      302,
      'https://www.was.digst.dk/amongi-fjordby-dk',
    ]);
  });
});
