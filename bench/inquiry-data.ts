/**
 * The inquiry benchmark's data set (issue 16): 500 teams over 100 institutions (skoler, dagtilbud, klubber) in
 * three kommuner, 31 people an institution (a leader and 30 staff, each in one or two teams of 8), 10 cycles a
 * team from the built-in templates (series of several loops, answers in their phases, some shared with the
 * leaders), 40 pieces of evidence a cycle (notes, quotes, tables, files, linked visits and videos, some of the
 * videos private so that most readers see them as unavailable), 6 tasks a cycle, 4 meetings a team with
 * decisions, reflections, agreements; plus one team of 30 for meeting mode.
 *
 * Bulk SQL (insert … select over generate_series), deterministic: every id is an md5 of the row's ordinals made
 * into a version-4 UUID, and every "random" choice is a hash of ordinals, so that two runs build the same rows.
 */
import { type SQL, sql } from 'drizzle-orm';
import type { Db } from '../src/server/db/index.js';
import { rows } from '../src/server/db/rows.js';
import { benchDefinition, insertSchema } from '../src/server/modules/observation/data/data.testing.js';

/** BENCH_SCALE (default 1) shrinks the number of institutions for a trial run; only scale 1 is recorded. */
const scale = Number(process.env.BENCH_SCALE ?? 1);
export const INQUIRY_SIZES = {
  kommuner: 3,
  institutions: Math.max(2, Math.round(100 * scale)),
  teamsPerInstitution: 5,
  staffPerInstitution: 30,
  membersPerTeam: 8,
  cyclesPerTeam: 10,
  evidencePerCycle: 40,
  tasksPerCycle: 6,
  meetingsPerTeam: 4,
  videosPerTeam: 6,
};
const S = INQUIRY_SIZES;

/** A deterministic version-4 UUID from a text (SQL): md5, with the version and variant nibbles set. */
const uid = (expr: SQL) =>
  sql`(overlay(overlay(md5(${expr}) placing '4' from 13) placing '8' from 17))::uuid`;
/** A non-negative hash of a text (SQL). */
const h = (expr: SQL) => sql`(hashtext(${expr}) & 2147483647)`;
/** One of `xs`, chosen by a hash (SQL). */
const pick = (xs: string[], key: SQL) =>
  sql`(array[${sql.join(
    xs.map((x) => sql`${x}`),
    sql`, `,
  )}]::text[])[1 + ${h(key)} % ${sql.raw(String(xs.length))}]`;

/** Ids the benchmark derives again (same formulas as the SQL below). */
export const personEmail = (inst: number, s: number) => `inq-${inst}-${s}@bench.amongi.dk`;
/** The staff numbers (1…30) of team k (0…4) of an institution: 8 in a row, overlapping the next team by two. */
export const teamStaff = (k: number) =>
  Array.from({ length: S.membersPerTeam }, (_, j) => 1 + ((k * 6 + j) % S.staffPerInstitution));

const FIRST = [
  'Anne',
  'Mette',
  'Lars',
  'Søren',
  'Camilla',
  'Jens',
  'Louise',
  'Mads',
  'Hanne',
  'Peter',
  'Sofie',
];
const LAST = ['Jensen', 'Nielsen', 'Hansen', 'Pedersen', 'Andersen', 'Christensen', 'Larsen', 'Sørensen'];
const TITLES = [
  'Elevernes stemme i matematik',
  'Rolige overgange i indskolingen',
  'Feedback der bliver brugt',
  'Sprog i hverdagens rutiner',
  'Læsning på mellemtrinnet',
  'Fællesskab i frikvarteret',
  'Tydelige mål i naturfag',
  'Legen som læringsrum',
  'Deltagelse i klassens samtaler',
  'Skriveprocesser med makkerpar',
  'Motivation i udskolingen',
  'Børnenes perspektiv i samlingen',
];
const QUESTIONS = [
  'Hvordan kan vi få flere elever til at byde ind, når vi samler op på timen?',
  'Hvad sker der med roen, når vi bruger faste signaler ved overgange?',
  'Hvordan bruger eleverne den feedback, de får på deres skriftlige arbejde?',
  'Hvordan understøtter vi børnenes sprog i garderoben og ved måltidet?',
  'Hvilke læsestrategier bruger eleverne, når teksten bliver svær?',
  'Hvem deltager i legen, og hvem står udenfor, og hvad kan vi gøre ved det?',
  'Kan eleverne forklare målet med timen med egne ord?',
  'Hvordan kan vi som voksne gå med ind i legen uden at overtage den?',
];
const NOTES = [
  'Vi så at eleverne ved bordet ved vinduet sjældent fik ordet. Vi prøver makkerpar før fælles opsamling.',
  'Overgangen fra frikvarter til time tog i gennemsnit syv minutter. Efter tre uger med faste signaler var det fire.',
  'Pædagogen satte ord på børnenes handlinger under måltidet, og flere børn tog selv initiativ til samtaler.',
  'Exit tickets viste at halvdelen af klassen kunne forklare målet. Vi skriver målet på tavlen fremover.',
  'Teamet aftalte at hver især observerer to lektioner og noterer hvem der får ordet.',
  'I legen ved sandkassen var der tre børn der ofte stod udenfor. Vi har lavet små legegrupper.',
  'Eleverne brugte feedbacken når den var konkret og kom inden næste skrivedag.',
  'Vi har samlet elevernes udsagn fra klassens time og sorteret dem i tre temaer.',
];
const QUOTES = [
  'Jeg kan bedre lide at snakke med min makker først, så tør jeg sige det højt bagefter.',
  'Når læreren viser målet, ved jeg hvad jeg skal blive bedre til.',
  'Det er svært at komme ind i legen når de andre allerede er i gang.',
  'Jeg forstod det først da vi tegnede det.',
  'Vi fik lov at vælge selv, og så gad jeg godt.',
  'Det hjælper når der er ro, så kan jeg tænke.',
];
const ANSWERS = [
  'Vi er nysgerrige på hvordan vores egne valg i undervisningen påvirker elevernes deltagelse.',
  'Vores antagelse er at faste rutiner giver mere tid til læring.',
  'Data: observationer i to uger, exit tickets og korte elevinterviews.',
  'Vi analyserer sammen på teammødet i uge 47 med analysemodellen.',
  'Vi har lært at små ændringer i opsamlingen giver flere elever ordet.',
  'Prøvehandling: makkerpar i to minutter før hver fælles opsamling.',
  'Evaluering: flere elever byder ind, men de samme tre taler stadig mest.',
];
const REFLECTIONS = [
  'Jeg blev overrasket over hvor meget pausen før opsamlingen betød.',
  'For mig var det vigtigste at vi så det samme i hinandens klasser.',
  'Jeg vil fortsætte med makkerpar, men prøve det i flere fag.',
  'Det var svært at finde tid til observationerne, men det var det værd.',
];
const TASKS = [
  'Observér to lektioner og notér hvem der får ordet',
  'Saml exit tickets fra 5.b',
  'Interview fire elever om målet med timen',
  'Tæl minutter i overgangene i en uge',
  'Skriv prøvehandlingen ind i årsplanen',
  'Del resultaterne med ledelsen',
];

/**
 * Fills a migrated database that holds the demo organisation and the built-in templates. Returns the counts and
 * the meeting team's id.
 */
export async function generateInquiry(db: Db) {
  const N = S.institutions;
  const exec = (q: SQL) => db.execute(q);
  const inst = sql`generate_series(1, ${sql.raw(String(N))})`;

  await exec(sql`insert into kommuner (id, name)
    select ${uid(sql`'inq-kommune-' || k`)}, 'Undersøgelseskommune ' || k from generate_series(1, ${sql.raw(String(S.kommuner))}) k`);
  // Institutions: 7 in 10 skoler, 2 dagtilbud, 1 klub.
  await exec(sql`insert into institutions (id, kommune_id, name, type)
    select ${uid(sql`'inq-inst-' || n`)}, ${uid(sql`'inq-kommune-' || (1 + n % ${sql.raw(String(S.kommuner))})`)},
      case when n % 10 in (0, 1) then 'Børnehuset Kilden ' when n % 10 = 2 then 'Klubben ' else 'Undersøgelsesskolen ' end || n,
      (case when n % 10 in (0, 1) then 'dagtilbud' when n % 10 = 2 then 'klub' else 'skole' end)::institution_type
    from ${inst} n`);
  // People: s = 0 the leader, 1…30 staff; the demo password (its hash copied).
  await exec(sql`insert into users (id, email, name, status, password_hash)
    select ${uid(sql`'inq-person-' || n || '-' || s`)}, 'inq-' || n || '-' || s || '@bench.amongi.dk',
      ${pick(FIRST, sql`'f' || n || '-' || s`)} || ' ' || ${pick(LAST, sql`'l' || n || '-' || s`)},
      'active'::user_status, (select password_hash from users where email = 'medarbejder@demo.amongi.dk')
    from ${inst} n, generate_series(0, ${sql.raw(String(S.staffPerInstitution))}) s`);
  await exec(sql`insert into role_grants (user_id, role, institution_id)
    select ${uid(sql`'inq-person-' || n || '-' || s`)}, (case when s = 0 then 'leder' else 'medarbejder' end)::role,
      ${uid(sql`'inq-inst-' || n`)}
    from ${inst} n, generate_series(0, ${sql.raw(String(S.staffPerInstitution))}) s`);
  // Teams: 5 an institution, of the kinds its type has; team t = (n - 1) * 5 + k + 1.
  await exec(sql`insert into teams (id, institution_id, name, type)
    select ${uid(sql`'inq-team-' || ((n - 1) * 5 + k + 1)`)}, ${uid(sql`'inq-inst-' || n`)},
      (array['Matematikteamet', '3. årgang', 'Indskolingen', 'Ledelsesteamet', 'Dansk og sprog'])[k + 1],
      (case when n % 10 in (0, 1) then (array['stue', 'stue', 'gruppe', 'ledelsesteam', 'gruppe'])[k + 1]
            else (array['fagteam', 'aargangsteam', 'afdeling', 'ledelsesteam', 'fagteam'])[k + 1] end)::team_type
    from ${inst} n, generate_series(0, 4) k`);
  // Members: team k has staff 1 + (6k + j) % 30, j = 0…7 (so most staff are in one team, some in two).
  const member = (j: SQL) => uid(sql`'inq-person-' || n || '-' || (1 + (k * 6 + ${j}) % 30)`);
  await exec(sql`insert into team_memberships (team_id, user_id)
    select ${uid(sql`'inq-team-' || ((n - 1) * 5 + k + 1)`)}, ${member(sql`j`)}
    from ${inst} n, generate_series(0, 4) k, generate_series(0, ${sql.raw(String(S.membersPerTeam - 1))}) j`);
  await exec(sql`insert into team_spaces (team_id, agreement, version, updated_by, updated_at)
    select ${uid(sql`'inq-team-' || ((n - 1) * 5 + k + 1)`)},
      'Vi lytter til hinanden og taler ud fra data. Alle får ordet i runder. Vi holder tiden og aftaler næste skridt.',
      1, ${member(sql`0`)}, now() - interval '30 days'
    from ${inst} n, generate_series(0, 4) k`);

  // An observation schema per institution; a completed visit (by the leader) and a self-observation per staff.
  for (let n = 1; n <= N; n++) {
    const [{ id }] = await rows<{ id: string }>(db, sql`select ${uid(sql`${`inq-inst-${n}`}`)} as id`);
    await insertSchema(db, id, benchDefinition(6), { version: 1 });
  }
  await exec(sql`insert into observation_visits (id, institution_id, kind, status, schema_id, teacher_id, observer_id,
      planned_by, planned_for, term, subject, grade, started_at, completed_at, duration_seconds)
    select ${uid(sql`'inq-visit-' || n || '-' || s || '-' || v`)}, i.id, case when v = 0 then 'visit' else 'self' end,
      'completed', sc.id, ${uid(sql`'inq-person-' || n || '-' || s`)},
      case when v = 0 then ${uid(sql`'inq-person-' || n || '-0'`)} else ${uid(sql`'inq-person-' || n || '-' || s`)} end,
      ${uid(sql`'inq-person-' || n || '-0'`)}, d.day, case when extract(month from d.day) >= 8 then '2026-2' else '2026-1' end,
      'Matematik', 4, d.day::timestamptz, d.day::timestamptz + interval '45 minutes', 2700
    from ${inst} n
    join institutions i on i.id = ${uid(sql`'inq-inst-' || n`)}
    join observation_schemas sc on sc.institution_id = i.id
    cross join generate_series(1, 30) s cross join generate_series(0, 1) v
    cross join lateral (select ('2026-01-12'::date + (${h(sql`'d' || n || '-' || s || '-' || v`)} % 320))::date as day) d`);
  // Videos: per team 5 shared with the team and 1 private to its first member (others see it as unavailable).
  await exec(sql`insert into videos (id, owner_id, institution_id, kommune_id, team_id, title, description, status,
      visibility, original_filename, original_size, duration_seconds, width, height, media, ready_at, created_at)
    select ${uid(sql`'inq-video-' || ((n - 1) * 5 + k + 1) || '-' || v`)}, ${member(sql`v`)}, i.id, i.kommune_id,
      ${uid(sql`'inq-team-' || ((n - 1) * 5 + k + 1)`)}, ${pick(TITLES, sql`'vt' || n || k || v`)} || ' – optagelse ' || (v + 1),
      ${pick(NOTES, sql`'vd' || n || k || v`)}, 'ready', case when v = 5 then 'private' else 'team' end,
      'bench.mp4', 10000000, 300, 1280, 720,
      '{"rungs":[{"name":"720p","width":1280,"height":720,"bandwidth":2500000}],"hasAudio":true,"remuxed":false,"poster":true,"sprite":true}'::jsonb,
      now() - (v || ' days')::interval, now() - (v || ' days')::interval
    from ${inst} n join institutions i on i.id = ${uid(sql`'inq-inst-' || n`)},
      generate_series(0, 4) k, generate_series(0, ${sql.raw(String(S.videosPerTeam - 1))}) v`);

  // Cycles: c = 0…9 per team, c = 9 the newest. Loops: c 0–3 one series, c 4–5 another, the rest their own.
  // c = 9 is active (før/under/efter), c = 8 active in every other team; the rest finished. Answers: every field
  // of a finished cycle, the før fields of an active one.
  const cycleId = (c: SQL) => uid(sql`'inq-cycle-' || t.t || '-' || ${c}`);
  await exec(sql`insert into inquiry_cycles (id, team_id, template_id, template_name, phases, series_id, loop, title,
      question, state, content, shared_with_leaders, version, created_by, created_at, updated_at, finished_at)
    select ${cycleId(sql`c`)}, t.id, tpl.id, tpl.name, tpl.phases,
      ${cycleId(sql`case when c < 4 then 0 when c < 6 then 4 else c end`)},
      case when c < 4 then c + 1 when c < 6 then c - 3 else 1 end,
      ${pick(TITLES, sql`'t' || t.t || '-' || c`)}, ${pick(QUESTIONS, sql`'q' || t.t || '-' || c`)}, st.state,
      (select coalesce(jsonb_object_agg(p->>'key', (select coalesce(jsonb_object_agg(f->>'key',
          case when f->>'kind' = 'date' then '2026-11-16' else ${pick(ANSWERS, sql`'a' || t.t || c || (f->>'key')`)} end), '{}'::jsonb)
          from jsonb_array_elements(p->'fields') f)), '{}'::jsonb)
        from jsonb_array_elements(tpl.phases) p where st.state = 'afsluttet' or p->>'stage' = 'foer'),
      ${h(sql`'s' || t.t || '-' || c`)} % 10 < 4, 1 + ${h(sql`'v' || t.t || '-' || c`)} % 6,
      ${uid(sql`'inq-person-' || t.n || '-' || (1 + (t.k * 6) % 30)`)},
      now() - ((10 - c) * 60 || ' days')::interval - (t.t || ' minutes')::interval,
      now() - ((10 - c) * 60 - 20 || ' days')::interval - (t.t || ' minutes')::interval,
      case when st.state = 'afsluttet' then now() - ((10 - c) * 60 - 50 || ' days')::interval end
    from (select n, k, (n - 1) * 5 + k + 1 as t, ${uid(sql`'inq-team-' || ((n - 1) * 5 + k + 1)`)} as id,
            (select type from institutions where id = ${uid(sql`'inq-inst-' || n`)}) as itype
          from ${inst} n, generate_series(0, 4) k) t
    cross join generate_series(0, ${sql.raw(String(S.cyclesPerTeam - 1))}) c
    cross join lateral (select case
        when c = 9 then (array['foer', 'under', 'efter'])[1 + t.t % 3]
        when c = 8 and t.t % 2 = 0 then 'under' else 'afsluttet' end as state) st
    cross join lateral (select id, name, phases from inquiry_templates
        where key is not null and t.itype::text = any(kinds)
        order by key offset ${h(sql`'tpl' || t.t || '-' || c`)} % (select count(*) from inquiry_templates
          where key is not null and t.itype::text = any(kinds)) limit 1) tpl`);

  // Evidence: 40 a cycle. e % 20: 0–1 a linked visit, 2–3 a linked video, 4 a file, 5–7 a table, 8–12 a quote,
  // the rest notes. Added by the team's members in turn.
  await exec(sql`insert into inquiry_evidence (cycle_id, kind, title, body, visit_id, video_id, file_key, file_name,
      file_type, file_size, data, added_by, created_at)
    select ${uid(sql`'inq-cycle-' || ((n - 1) * 5 + k + 1) || '-' || c`)}, kind.kind,
      case when kind.kind in ('note', 'table') then ${pick(TITLES, sql`'et' || n || k || c || e`)} else '' end,
      case when kind.kind = 'note' then ${pick(NOTES, sql`'en' || n || k || c || e`)}
           when kind.kind = 'quote' then ${pick(QUOTES, sql`'eq' || n || k || c || e`)} else '' end,
      case when kind.kind = 'visit' then ${uid(sql`'inq-visit-' || n || '-' || (1 + (k * 6 + e % 8) % 30) || '-' || (e % 2)`)} end,
      case when kind.kind = 'video' then ${uid(sql`'inq-video-' || ((n - 1) * 5 + k + 1) || '-' || (e % 6)`)} end,
      case when kind.kind = 'file' then 'inquiry-files/bench/' || n || '-' || k || '-' || c || '-' || e end,
      case when kind.kind = 'file' then 'Elevbesvarelser uge ' || (e + 1) || '.pdf' end,
      case when kind.kind = 'file' then 'application/pdf' end,
      case when kind.kind = 'file' then 120000 + e * 1000 end,
      case when kind.kind = 'table' then jsonb_build_object('columns', jsonb_build_array('Uge', 'Elever der bød ind', 'Minutter i overgang'),
        'rows', jsonb_build_array(jsonb_build_array('44', (8 + e % 5)::text, '7'), jsonb_build_array('45', (10 + e % 4)::text, '5'),
          jsonb_build_array('46', (13 + e % 3)::text, '4'))) end,
      ${member(sql`e % 8`)}, now() - ((10 - c) * 60 - 25 || ' days')::interval + (e || ' hours')::interval
    from ${inst} n, generate_series(0, 4) k, generate_series(0, ${sql.raw(String(S.cyclesPerTeam - 1))}) c,
      generate_series(0, ${sql.raw(String(S.evidencePerCycle - 1))}) e
    cross join lateral (select case when e % 20 < 2 then 'visit' when e % 20 < 4 then 'video' when e % 20 = 4 then 'file'
      when e % 20 < 8 then 'table' when e % 20 < 13 then 'quote' else 'note' end as kind) kind`);

  // Tasks: 4 data-plan lines and 2 action items a cycle; done in finished cycles.
  await exec(sql`insert into inquiry_tasks (team_id, cycle_id, kind, title, owner_id, due_on, analyse_on, position,
      done_at, created_by, created_at)
    select cy.team_id, cy.id, case when j < 4 then 'data' else 'action' end, ${pick(TASKS, sql`'k' || cy.id || j`)},
      ${member(sql`j`)}, (cy.created_at + ((j + 1) * 7 || ' days')::interval)::date,
      case when j < 4 then (cy.created_at + ((j + 3) * 7 || ' days')::interval)::date end, j,
      case when cy.state = 'afsluttet' then cy.finished_at end, cy.created_by, cy.created_at
    from ${inst} n cross join generate_series(0, 4) k
    cross join generate_series(0, ${sql.raw(String(S.cyclesPerTeam - 1))}) c
    join inquiry_cycles cy on cy.id = ${uid(sql`'inq-cycle-' || ((n - 1) * 5 + k + 1) || '-' || c`)}
    cross join generate_series(0, ${sql.raw(String(S.tasksPerCycle - 1))}) j`);
  // Reflections: four members in every finished cycle.
  await exec(sql`insert into inquiry_reflections (cycle_id, user_id, body)
    select cy.id, ${member(sql`j`)}, ${pick(REFLECTIONS, sql`'r' || cy.id || j`)}
    from ${inst} n cross join generate_series(0, 4) k
    cross join generate_series(0, ${sql.raw(String(S.cyclesPerTeam - 1))}) c
    join inquiry_cycles cy on cy.id = ${uid(sql`'inq-cycle-' || ((n - 1) * 5 + k + 1) || '-' || c`)}
    cross join generate_series(0, 3) j where cy.state = 'afsluttet'`);
  // Meetings: 4 a team (3 held, 1 planned), about the newest cycles; two decisions a held one.
  await exec(sql`insert into team_meetings (id, team_id, cycle_id, title, starts_at, purpose, facilitator_id,
      timekeeper_id, dataholder_id, state, notes, created_by, started_at, ended_at)
    select ${uid(sql`'inq-meeting-' || ((n - 1) * 5 + k + 1) || '-' || m`)}, ${uid(sql`'inq-team-' || ((n - 1) * 5 + k + 1)`)},
      ${uid(sql`'inq-cycle-' || ((n - 1) * 5 + k + 1) || '-' || (6 + m)`)}, 'Teammøde ' || (m + 1),
      now() + ((m - 2) * 14 || ' days')::interval, 'Vi analyserer data fra prøvehandlingen og aftaler næste skridt.',
      ${member(sql`m`)}, ${member(sql`m + 1`)}, ${member(sql`m + 2`)},
      case when m < 3 then 'ended' else 'planned' end, ${pick(NOTES, sql`'mn' || n || k || m`)}, ${member(sql`0`)},
      case when m < 3 then now() + ((m - 2) * 14 || ' days')::interval end,
      case when m < 3 then now() + ((m - 2) * 14 || ' days')::interval + interval '1 hour' end
    from ${inst} n, generate_series(0, 4) k, generate_series(0, ${sql.raw(String(S.meetingsPerTeam - 1))}) m`);
  await exec(sql`insert into meeting_decisions (meeting_id, body, created_by)
    select mt.id, ${pick(ANSWERS, sql`'md' || mt.id || d`)}, mt.facilitator_id
    from team_meetings mt cross join generate_series(0, 1) d
    where mt.state = 'ended' and mt.team_id in (select id from teams where institution_id in
      (select id from institutions where name like 'Undersøgelsesskolen %' or name like 'Børnehuset Kilden %'
        or name like 'Klubben %'))`);

  // Meeting mode: one team of all 30 staff of the first institution.
  const [{ id: meetingTeamId }] = await rows<{ id: string }>(
    db,
    sql`insert into teams (id, institution_id, name, type)
      values (${uid(sql`'inq-meeting-team'`)}, ${uid(sql`'inq-inst-1'`)}, 'Hele personalegruppen', 'afdeling')
      returning id`,
  );
  await exec(sql`insert into team_memberships (team_id, user_id)
    select ${meetingTeamId}::uuid, ${uid(sql`'inq-person-1-' || s`)} from generate_series(1, 30) s`);

  await exec(sql`analyze`);
  const [counts] = await rows<Record<string, number>>(
    db,
    sql`select (select count(*)::int from teams where id in (select team_id from inquiry_cycles)) as teams,
      (select count(*)::int from inquiry_cycles) as cycles, (select count(*)::int from inquiry_evidence) as evidence,
      (select count(*)::int from inquiry_tasks) as tasks, (select count(*)::int from team_meetings) as meetings,
      (select count(*)::int from users where email like 'inq-%') as people,
      (select count(*)::int from observation_visits) as visits, (select count(*)::int from videos) as videos`,
  );
  return { counts, meetingTeamId };
}

const STORY_WHO = [
  'eleverne i 4. klasse',
  'børnene på stuen',
  'de unge i klubben',
  'eleverne i udskolingen',
  'børnene i vuggestuen',
  'eleverne i indskolingen',
  'de tosprogede elever',
  'drengene i 6. klasse',
];
const STORY_WHAT = [
  'makkerpar før opsamling',
  'faste signaler ved overgange',
  'exit tickets',
  'legegrupper i frikvarteret',
  'dialogisk læsning',
  'tydelige læringsmål på tavlen',
  'feedback med ét kriterium',
  'rollefordeling i gruppearbejde',
  'pædagogisk måltid',
  'bevægelse i matematik',
  'skrivemakkere',
  'samtalekort ved samling',
];
const STORY_FOUND = [
  'flere bød ind',
  'overgangene blev kortere',
  'roen kom hurtigere',
  'færre stod udenfor legen',
  'ordforrådet voksede',
  'flere kunne forklare målet',
  'feedbacken blev brugt',
  'samarbejdet blev bedre',
];

/**
 * 20,000 published practice stories (when the stories schema exists): over the bench institutions and their
 * kommuner, by the bench teams, every finished cycle's loop-1 story linked to its cycle (the cycle key is unique),
 * the rest without a cycle; subject, age bands, 1–2 methods, pillars and visibilities varied; the Danish search
 * document as the column's comment describes it (title A, methods and subject B, context/question/tried C,
 * learned/materials D).
 */
export async function generateStories(db: Db, count = Math.round(20_000 * scale)) {
  const exec = (q: SQL) => db.execute(q);
  const n = sql.raw(String(S.institutions));
  const ageBands = sql`(array['0-2', '3-5', 'kl0-3', 'kl4-6', 'kl7-10', 'klub'])`;
  const pillars = sql`(array['vision', 'laering', 'samarbejde', 'dialog', 'deprivatisering'])`;
  await exec(sql`insert into practice_stories (id, cycle_id, team_id, institution_id, kommune_id, template_name, title,
      context, question, tried, learned, materials, subject_id, age_bands, pillars, state, visibility, published_at,
      updated_at, created_at)
    select ${uid(sql`'inq-story-' || x`)},
      (select c.id from inquiry_cycles c where c.id = ${uid(sql`'inq-cycle-' || (1 + (x - 1) % (${n} * 5)) || '-' || ((x - 1) / (${n} * 5))`)}
        and c.state = 'afsluttet'),
      ${uid(sql`'inq-team-' || (1 + (x - 1) % (${n} * 5))`)}, i.id, i.kommune_id,
      (array['Læringscirklen', 'SMTTE', 'Prøvehandling', 'Positive afvigelser'])[1 + x % 4],
      upper(left(${pick(STORY_WHAT, sql`'sw' || x`)}, 1)) || substr(${pick(STORY_WHAT, sql`'sw' || x`)}, 2) || ' med ' || ${pick(STORY_WHO, sql`'so' || x`)} || ' (' || x || ')',
      'Vi arbejdede med ' || ${pick(STORY_WHO, sql`'so' || x`)} || '. ' || ${pick(NOTES, sql`'sc' || x`)},
      ${pick(QUESTIONS, sql`'sq' || x`)},
      'Vi prøvede ' || ${pick(STORY_WHAT, sql`'sw' || x`)} || ' i seks uger. ' || ${pick(ANSWERS, sql`'st' || x`)},
      'Vi så at ' || ${pick(STORY_FOUND, sql`'sf' || x`)} || '. ' || ${pick(REFLECTIONS, sql`'sl' || x`)},
      case when x % 3 = 0 then 'Observationsskema, exit tickets og elevinterviews.' else '' end,
      (select id from taxonomy_terms where kind = 'subject' order by label offset ${h(sql`'ss' || x`)} % greatest(1,
        (select count(*) from taxonomy_terms where kind = 'subject')) limit 1),
      array[${ageBands}[1 + ${h(sql`'sa' || x`)} % 6]] ||
        case when x % 4 = 0 then array[${ageBands}[1 + ${h(sql`'sb' || x`)} % 6]] else '{}'::text[] end,
      array(select distinct p from unnest(array[${pillars}[1 + ${h(sql`'sp' || x`)} % 5],
        ${pillars}[1 + ${h(sql`'sr' || x`)} % 5]]) p order by p),
      'published', (array['institution', 'kommune', 'kommune', 'all', 'all', 'all', 'public', 'public'])[1 + ${h(sql`'sv' || x`)} % 8],
      now() - (${h(sql`'sd' || x`)} % 700 || ' days')::interval, now() - (${h(sql`'sd' || x`)} % 700 || ' days')::interval,
      now() - (${h(sql`'sd' || x`)} % 700 + 30 || ' days')::interval
    from generate_series(1, ${sql.raw(String(count))}) x
    join institutions i on i.id = ${uid(sql`'inq-inst-' || (1 + ((x - 1) % (${n} * 5)) / 5)`)}`);
  // Age bands must be distinct (a set): the second is dropped when it repeats the first.
  await exec(sql`update practice_stories set age_bands = array(select distinct unnest(age_bands))
    where id in (select id from practice_stories where cardinality(age_bands) = 2 and age_bands[1] = age_bands[2])`);
  await exec(sql`insert into story_methods (story_id, term_id)
    select distinct s.id, t.id from practice_stories s
    cross join generate_series(0, 1) j
    cross join lateral (select id from taxonomy_terms where kind = 'method' order by label
      offset ${h(sql`s.id::text || j`)} % greatest(1, (select count(*) from taxonomy_terms where kind = 'method')) limit 1) t
    where s.title like '% (%)' and (j = 0 or ${h(sql`'m2' || s.id::text`)} % 2 = 0)`);
  await exec(sql`insert into story_videos (story_id, video_id, position)
    select s.id, v.id, 0 from practice_stories s
    join videos v on v.team_id = s.team_id and v.title like '% – optagelse 1'
    where ${h(sql`'sv2' || s.id::text`)} % 3 = 0`);
  await exec(sql`update practice_stories s set search_document =
      setweight(to_tsvector('danish', s.title), 'A') ||
      setweight(to_tsvector('danish', coalesce((select string_agg(t.label, ' ') from story_methods m
        join taxonomy_terms t on t.id = m.term_id where m.story_id = s.id), '') || ' ' ||
        coalesce((select label from taxonomy_terms where id = s.subject_id), '')), 'B') ||
      setweight(to_tsvector('danish', s.context || ' ' || s.question || ' ' || s.tried), 'C') ||
      setweight(to_tsvector('danish', s.learned || ' ' || s.materials), 'D')
    where s.search_document is null`);
  // The two updates above left a dead copy of every row: compact the table as a real one would be.
  await exec(sql`vacuum full practice_stories`);
  await exec(sql`analyze`);
  const [c] = await rows<{ stories: number; withCycle: number; methods: number; videos: number }>(
    db,
    sql`select (select count(*)::int from practice_stories) as stories,
      (select count(*)::int from practice_stories where cycle_id is not null) as "withCycle",
      (select count(*)::int from story_methods) as methods, (select count(*)::int from story_videos) as videos`,
  );
  return c;
}
