import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { notifications } from '../../db/community-schema.js';
import { auditLog } from '../../db/schema.js';
import { demoIds, err } from '../../testing/fixtures.js';
import { createTestApp, type TestApp, type TestClient } from '../../testing/harness.js';

let t: TestApp;
let ids: Awaited<ReturnType<typeof demoIds>>;
const as: Record<string, TestClient> = {};
const API = '/api/v1/communities';

beforeAll(async () => {
  t = await createTestApp();
  ids = await demoIds(t.database.db);
  for (const r of ['medarbejder', 'medarbejder2', 'ressourceperson', 'leder', 'leder2', 'administrator'])
    as[r] = await t.as(r);
}, 60_000);
afterAll(() => t?.close());

async function create(c: TestClient, body: Record<string, unknown>) {
  const res = await c.post(API, body);
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; name: string };
}
const names = (res: { json: () => { items: { name: string }[] } }) => res.json().items.map((i) => i.name);

describe('open communities: create, list, search, join, leave', () => {
  let open: { id: string };
  it('anyone signed in creates one and becomes its moderator; names are unique in any case', async () => {
    open = await create(as.medarbejder2, {
      name: 'Legende læring',
      description: 'Leg som vej til læring i dagtilbud og indskoling.',
      access: 'open',
    });
    expect(open).toMatchObject({
      name: 'Legende læring',
      access: 'open',
      memberCount: 1,
      membership: { role: 'moderator', joined: true },
      can: { join: false, leave: true, post: true, moderate: true },
    });
    expect(err(await as.medarbejder.post(API, { name: '  LEGENDE LÆRING ' }))).toEqual([
      409,
      'community.name_taken',
    ]);
    expect(err(await as.medarbejder.post(API, { name: '' }))).toEqual([400, 'request.invalid']);
    expect(err(await t.client().post(API, { name: 'Uden login' }))[0]).toBe(401);
  });

  it('others see it, with the member count, join it and leave it again', async () => {
    const before = await as.medarbejder.get(`${API}?membership=none`);
    expect(names(before)).toContain('Legende læring');
    expect((await as.medarbejder.get(`${API}/${open.id}`)).json()).toMatchObject({
      membership: null,
      can: { join: true, leave: false, post: false, moderate: false },
    });
    const joined = await as.medarbejder.post(`${API}/${open.id}/join`);
    expect(joined.json()).toMatchObject({ memberCount: 2, membership: { role: 'member', joined: true } });
    // Joining again changes nothing.
    expect((await as.medarbejder.post(`${API}/${open.id}/join`)).json().memberCount).toBe(2);
    expect(names(await as.medarbejder.get(`${API}?membership=joined`))).toContain('Legende læring');
    const members = (await as.medarbejder.get(`${API}/${open.id}/members`)).json();
    expect(members.items.map((m: { name: string; role: string }) => [m.name, m.role])).toEqual([
      ['Mads Østergaard', 'moderator'],
      ['Mette Nørgaard', 'member'],
    ]);
    expect(members.items[0]).not.toHaveProperty('email');

    const left = await as.medarbejder.post(`${API}/${open.id}/leave`);
    expect(left.json().community).toMatchObject({ memberCount: 1, membership: null });
    expect(err(await as.medarbejder.post(`${API}/${open.id}/leave`))).toEqual([409, 'community.not_member']);
  });

  it('searches by name (wildcards are text) and pages through every community exactly once', async () => {
    for (let n = 0; n < 7; n++) await create(as.leder, { name: `Søgetest ${n} 100%_sikker` });
    expect(names(await as.medarbejder.get(`${API}?q=${encodeURIComponent('søgetest 3')}`))).toEqual([
      'Søgetest 3 100%_sikker',
    ]);
    expect(names(await as.medarbejder.get(`${API}?q=${encodeURIComponent('%')}`))).toHaveLength(7);
    expect(names(await as.medarbejder.get(`${API}?q=${encodeURIComponent('0%_s')}`))).toHaveLength(7);
    expect(names(await as.medarbejder.get(`${API}?q=findes+ikke`))).toEqual([]);
    const all = names(await as.medarbejder.get(`${API}?limit=100`));
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page = (
        await as.medarbejder.get(`${API}?limit=3${cursor ? `&cursor=${cursor}` : ''}`)
      ).json() as { items: { name: string }[]; nextCursor: string | null };
      seen.push(...page.items.map((i) => i.name));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(all);
    expect(new Set(seen).size).toBe(seen.length);
    expect(err(await as.medarbejder.get(`${API}?cursor=noget-vroevl`))).toEqual([400, 'request.invalid']);
  });
});

describe('invite-only communities', () => {
  let closed: { id: string };
  beforeAll(async () => {
    closed = await create(as.medarbejder, { name: 'Matematiklærernes værksted', access: 'invite' });
  });

  it('are hidden from non-members: 404 everywhere, absent from lists, cannot be joined', async () => {
    const other = as.medarbejder2;
    for (const url of [`${API}/${closed.id}`, `${API}/${closed.id}/members`, `${API}/${closed.id}/feed`])
      expect(err(await other.get(url)), url).toEqual([404, 'community.not_found']);
    expect(err(await other.post(`${API}/${closed.id}/join`))).toEqual([404, 'community.not_found']);
    expect(names(await other.get(`${API}?limit=100`))).not.toContain('Matematiklærernes værksted');
    // An administrator sees it, but cannot simply join.
    expect((await as.administrator.get(`${API}/${closed.id}`)).statusCode).toBe(200);
    expect(err(await as.administrator.post(`${API}/${closed.id}/join`))).toEqual([403, 'policy.forbidden']);
  });

  it('moderators invite people they can see; the invited person is notified, sees it and accepts', async () => {
    // Mads works at another institution: Mette may not see him, so she cannot invite him.
    expect(
      err(await as.medarbejder.post(`${API}/${closed.id}/invitations`, { personId: ids.user.medarbejder2 })),
    ).toEqual([404, 'person.not_found']);
    const res = await as.medarbejder.post(`${API}/${closed.id}/invitations`, {
      personId: ids.user.ressourceperson,
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(
      err(
        await as.medarbejder.post(`${API}/${closed.id}/invitations`, { personId: ids.user.ressourceperson }),
      ),
    ).toEqual([409, 'community.already_member']);
    const [n] = await t.database.db
      .select()
      .from(notifications)
      .where(
        and(eq(notifications.userId, ids.user.ressourceperson), eq(notifications.kind, 'community.invited')),
      );
    expect(n.payload).toMatchObject({
      communityId: closed.id,
      communityName: 'Matematiklærernes værksted',
      invitedByName: 'Mette Nørgaard',
    });

    const rp = as.ressourceperson;
    expect(names(await rp.get(`${API}?membership=invited`))).toEqual(['Matematiklærernes værksted']);
    expect((await rp.get(`${API}/${closed.id}`)).json()).toMatchObject({
      membership: { role: 'member', joined: false },
      can: { join: true, leave: true, post: false, moderate: false },
    });
    // Only moderators see open invitations.
    expect(err(await rp.get(`${API}/${closed.id}/members?status=invited`))).toEqual([
      403,
      'policy.forbidden',
    ]);
    const pending = (await as.medarbejder.get(`${API}/${closed.id}/members?status=invited`)).json();
    expect(pending.items.map((m: { name: string }) => m.name)).toEqual(['Rasmus Kjær']);

    const accepted = await rp.post(`${API}/${closed.id}/join`);
    expect(accepted.json()).toMatchObject({ memberCount: 2, membership: { role: 'member', joined: true } });
  });

  it('an invited person may decline, and the community is hidden again', async () => {
    await as.medarbejder.post(`${API}/${closed.id}/invitations`, { personId: ids.user.leder });
    expect((await as.leder.get(`${API}/${closed.id}`)).statusCode).toBe(200);
    const declined = await as.leder.post(`${API}/${closed.id}/leave`);
    expect(declined.json()).toEqual({ community: null });
    expect(err(await as.leder.get(`${API}/${closed.id}`))).toEqual([404, 'community.not_found']);
  });

  it('a member cannot moderate (403), and moderation is audited', async () => {
    const rp = as.ressourceperson;
    const c = `${API}/${closed.id}`;
    expect(err(await rp.patch(c, { name: 'Overtaget' }))).toEqual([403, 'policy.forbidden']);
    expect(err(await rp.delete(c))).toEqual([403, 'policy.forbidden']);
    expect(err(await rp.post(`${c}/invitations`, { personId: ids.user.leder }))).toEqual([
      403,
      'policy.forbidden',
    ]);
    expect(err(await rp.patch(`${c}/members/${ids.user.ressourceperson}`, { role: 'moderator' }))).toEqual([
      403,
      'policy.forbidden',
    ]);
    expect(err(await rp.delete(`${c}/members/${ids.user.medarbejder}`))).toEqual([403, 'policy.forbidden']);

    const edited = await as.medarbejder.patch(c, { description: 'Vi deler opgaver, der virker.' });
    expect(edited.json()).toMatchObject({ description: 'Vi deler opgaver, der virker.' });
    const actions = (
      await t.database.db
        .select({ action: auditLog.action })
        .from(auditLog)
        .where(eq(auditLog.subjectId, closed.id))
    ).map((a) => a.action);
    expect(actions).toEqual(
      expect.arrayContaining(['community.create', 'community.invite', 'community.update']),
    );
  });

  it('keeps at least one moderator: the last one cannot leave or step down without handing over', async () => {
    const c = `${API}/${closed.id}`;
    const mod = as.medarbejder;
    expect(err(await mod.post(`${c}/leave`))).toEqual([409, 'community.last_moderator']);
    expect(err(await mod.patch(`${c}/members/${ids.user.medarbejder}`, { role: 'member' }))).toEqual([
      409,
      'community.last_moderator',
    ]);
    // Only members can be promoted.
    expect(err(await mod.patch(`${c}/members/${ids.user.leder}`, { role: 'moderator' }))).toEqual([
      409,
      'community.not_member',
    ]);
    expect(
      (await mod.patch(`${c}/members/${ids.user.ressourceperson}`, { role: 'moderator' })).statusCode,
    ).toBe(200);
    expect((await mod.post(`${c}/leave`)).statusCode).toBe(200);
    // Rasmus is now the only moderator.
    const rp = as.ressourceperson;
    expect(err(await rp.patch(`${c}/members/${ids.user.ressourceperson}`, { role: 'member' }))).toEqual([
      409,
      'community.last_moderator',
    ]);
    expect(err(await as.administrator.delete(`${c}/members/${ids.user.ressourceperson}`))).toEqual([
      409,
      'community.last_moderator',
    ]);
    // He invites Mette back, she accepts, he removes her again; then withdraws an invitation.
    await rp.post(`${c}/invitations`, { personId: ids.user.medarbejder });
    await as.medarbejder.post(`${c}/join`);
    expect((await rp.delete(`${c}/members/${ids.user.medarbejder}`)).statusCode).toBe(200);
    await rp.post(`${c}/invitations`, { personId: ids.user.leder });
    expect((await rp.delete(`${c}/members/${ids.user.leder}`)).statusCode).toBe(200);
    expect(err(await as.leder.get(c))).toEqual([404, 'community.not_found']);
    expect(err(await rp.delete(`${c}/members/${ids.user.leder}`))).toEqual([409, 'community.not_member']);
    const actions = (
      await t.database.db
        .select({ action: auditLog.action })
        .from(auditLog)
        .where(eq(auditLog.subjectId, closed.id))
    ).map((a) => a.action);
    expect(actions).toEqual(expect.arrayContaining(['community.set_role', 'community.remove_member']));
  });

  it('moderators delete the community', async () => {
    const c = `${API}/${closed.id}`;
    expect((await as.ressourceperson.delete(c)).statusCode).toBe(200);
    expect(err(await as.ressourceperson.get(c))).toEqual([404, 'community.not_found']);
    const [row] = await t.database.db
      .select({ details: auditLog.details })
      .from(auditLog)
      .where(and(eq(auditLog.subjectId, closed.id), eq(auditLog.action, 'community.delete')));
    expect(row.details).toEqual({ name: 'Matematiklærernes værksted' });
  });
});
