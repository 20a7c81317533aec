import type { TestClient } from '../../testing/harness.js';

/** Helpers of the evaluation plan tests: a valid item in school year 2031/32, and adding one. */
export const API = '/api/v1';
export const YEAR = 2031;

export const item = (
  plan: { scope: 'kommune' | 'institution' | 'team'; ownerId: string; schoolYear?: number },
  extra: Record<string, unknown> = {},
) => ({
  plan: { schoolYear: YEAR, ...plan },
  title: 'Nationale test i dansk og matematik',
  kind: 'nationale_test',
  groups: '2., 4., 6. og 8. årgang',
  responsibleText: 'Læsevejlederen',
  collectFrom: '2032-01-10',
  collectTo: '2032-03-20',
  analyseOn: '2032-04-05',
  meetingKind: 'laeringssamtale',
  ...extra,
});

export async function addItem(client: TestClient, body: ReturnType<typeof item>) {
  const res = await client.post(`${API}/evaluation/items`, body);
  if (res.statusCode !== 201) throw new Error(`add item: ${res.statusCode} ${res.body}`);
  return res.json() as { id: string; version: number; planId: string; title: string };
}

/** An item's body for PUT: every field of `created` again, with changes. */
export const itemUpdate = (
  body: ReturnType<typeof item>,
  version: number,
  extra: Record<string, unknown> = {},
) => {
  const { plan: _plan, ...rest } = body;
  return { ...rest, version, ...extra };
};
