import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { err } from '../testing/fixtures.js';
import { createTestApp, type TestApp } from '../testing/harness.js';
import { seedDemoContent } from './content.js';

/*
 * The demo's learning conversation (issue 17 "Demo"): Fjordby's forvaltning and Solsikkeskolen's leader, a spring
 * conversation with its agreement and an autumn package shared for the next one — read through the API.
 */
let t: TestApp;
const API = '/api/v1';

type Detail = {
  title: string;
  state: string;
  figures: { kind: string; figures: { key: string; value: number | null }[] }[];
  previous: { focus: string; nextStep: string } | null;
};

beforeAll(async () => {
  t = await createTestApp();
  expect(await seedDemoContent(t.ctx, { only: ['talsnak'] })).toBe(true);
});
afterAll(() => t?.close());

describe('demo learning conversations', () => {
  it('seeds once: the leader reads the autumn package with the spring agreement and the figures over time', async () => {
    expect(await seedDemoContent(t.ctx, { only: ['talsnak'] })).toBe(false);
    const leder = await t.as('leder');
    const list = (await leder.get(`${API}/conversations`)).json() as {
      items: { id: string; title: string }[];
    };
    expect(list.items.map((i) => i.title)).toEqual(['Læringssamtale efterår', 'Læringssamtale forår']);
    const autumn = (await leder.get(`${API}/conversations/${list.items[0].id}`)).json() as Detail;
    expect(autumn.state).toBe('shared');
    expect(autumn.figures.map((f) => f.kind)).toEqual([
      'observation',
      'progression',
      'csv',
      'csv',
      'tried',
      'training',
    ]);
    expect(autumn.figures[0].figures.length).toBeGreaterThan(0);
    // The progression summary: Solsikkeskolen's 3. årgang, shares of green/yellow/red per area (never a child).
    const progression = autumn.figures[1].figures;
    expect(progression.some((f) => f.key.endsWith(':groen') && f.value !== null)).toBe(true);
    expect(autumn.previous?.focus).toBe('Hvordan styrker vi elevernes læseforståelse i 3. årgang?');
    const cmp = (await leder.get(`${API}/conversations/${list.items[0].id}/compare`)).json() as {
      packages: unknown[];
      series: { key: string; values: (number | null)[] }[];
    };
    expect(cmp.packages).toHaveLength(2);
    expect(
      cmp.series.find((s) => s.key.endsWith(':3. årgang') && s.key.includes('læsetest'))?.values,
    ).toEqual([58, 67]);
    // The school's staff and the other kommune see none of it.
    const staff = await t.as('medarbejder');
    expect((await staff.get(`${API}/conversations`)).json().items).toEqual([]);
    expect(err(await staff.get(`${API}/conversations/${list.items[0].id}`))).toEqual([
      404,
      'conversation.not_found',
    ]);
  });
});
