import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { VisitDetail } from '../../../shared/contracts/observation-visits.js';
import type { TestApp, TestClient } from '../../testing/harness.js';
import { fullAnswers, observationWorld, syncOf } from './observation.testing.js';

/*
 * Issue 14: observation's answers leave through their contracts (src/shared/contracts/observation-*.ts): a visit
 * comes back with exactly the contract's fields and ISO timestamps, and the CSV routes are documented and served
 * as text/csv, not as a JSON string.
 */
let t: TestApp;
let sol: string;
let schemaId: string;
let ids: Awaited<ReturnType<typeof observationWorld>>['ids'];
const c: Record<string, TestClient> = {};

beforeAll(async () => {
  const w = await observationWorld(['leder', 'ressourceperson', 'medarbejder']);
  ({ t, sol, schemaId, ids } = w);
  Object.assign(c, w.c);
});
afterAll(() => t?.close());

describe('observation answers through their contracts', () => {
  it('a recorded visit has exactly the fields of VisitDetail, timestamps as ISO strings', async () => {
    const planned = await c.leder.post('/api/v1/observation/visits', {
      institutionId: sol,
      teacherId: ids.user.medarbejder,
      observerId: ids.user.ressourceperson,
      plannedFor: '2026-03-10',
    });
    expect(planned.statusCode, planned.body).toBe(201);
    const url = `/api/v1/observation/visits/${planned.json().id}`;
    const synced = await c.ressourceperson.put(
      `${url}/record`,
      syncOf(schemaId, fullAnswers(), { complete: true }),
    );
    expect(synced.statusCode, synced.body).toBe(200);
    expect(synced.json().syncedAt).toMatch(/^\d{4}-\d{2}-\d{2}T.*Z$/);

    const got = (await c.medarbejder.get(url)).json();
    expect(Object.keys(got).sort()).toEqual(Object.keys(VisitDetail.shape).sort());
    expect(() => z.decode(VisitDetail, got)).not.toThrow();
    expect(got.completedAt).toMatch(/^\d{4}-\d{2}-\d{2}T.*Z$/);
    expect(got.schema.createdAt).toMatch(/^\d{4}-\d{2}-\d{2}T.*Z$/);
    expect(got.answers.length).toBe(fullAnswers().length);
  });

  it('the CSV routes are documented as text/csv and answer the file itself', async () => {
    const doc = (await t.client().request('GET', '/api/openapi.json')).json();
    const paths = [
      '/api/v1/observation/institutions/{id}/data.csv',
      '/api/v1/observation/kommuner/{id}/data.csv',
    ];
    for (const p of paths) {
      const ok = doc.paths[p].get.responses['200'];
      expect(Object.keys(ok.content), p).toEqual(['text/csv']);
      expect(ok.content['text/csv'].schema.type, p).toBe('string');
    }
    const json = doc.paths['/api/v1/observation/institutions/{id}/data'].get.responses['200'];
    expect(Object.keys(json.content['application/json'].schema.properties)).toContain('total');

    const res = await c.leder.get(`/api/v1/observation/institutions/${sol}/data.csv`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/csv/);
    expect(res.body.startsWith('\uFEFF')).toBe(true);
  });
});
