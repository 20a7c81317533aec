/*
 * What "Mine data" puts in the ZIP: one JSON file per area, each the rows of one SQL query about the person
 * ($1). Every query selects a text key `_k` (unique within the area) that the export pages through with, 500 rows
 * at a time, so memory stays bounded however much a person has. Only the person's own rows, and only what they
 * may see: never an observer's view of someone else, never another person's comment or private video; secrets
 * (password hash, tokens, session ids) are left out. decisions.ts says where each reference to a person goes.
 */

export type Area = {
  /** The JSON file's name (without .json) and the i18n-free key of the area. */
  name: string;
  /** Danish heading in index.html. */
  title: string;
  /** One Danish sentence in index.html: what the rows are. */
  about: string;
  /** SELECT … with a text column `_k`; $1 is the person's id. */
  sql: string;
};

export const AREAS: Area[] = [
  {
    name: 'profile',
    title: 'Profil',
    about: 'Dit navn, din e-mail, dit sprog og din kontos status.',
    sql: `select id::text _k, id, name, email, locale, status, created_at, disabled_at from users where id = $1`,
  },
  {
    name: 'roles',
    title: 'Roller og adgange',
    about: 'Dine roller (med sted), hvor du må observere, og børnegrupper du har fået adgang til.',
    sql: `select 'r' || g.id::text _k, 'role' kind, g.role::text, k.name kommune, i.name institution, g.created_at
            from role_grants g left join kommuner k on k.id = g.kommune_id left join institutions i on i.id = g.institution_id
           where g.user_id = $1
          union all
          select 'o' || o.institution_id::text, 'observer', null, null, i.name, o.created_at
            from observation_observers o join institutions i on i.id = o.institution_id where o.user_id = $1
          union all
          select 'p' || d.group_id::text, 'progression_group', null, null, g.name, d.created_at
            from progression_delegations d join progression_groups g on g.id = d.group_id where d.user_id = $1`,
  },
  {
    name: 'teams',
    title: 'Teams',
    about: 'De teams, du er medlem af.',
    sql: `select m.team_id::text _k, t.name team, i.name institution, m.created_at joined_at
            from team_memberships m join teams t on t.id = m.team_id join institutions i on i.id = t.institution_id
           where m.user_id = $1`,
  },
  {
    name: 'videos',
    title: 'Dine videoer',
    about:
      'Oplysninger om dine optagelser og originalfilerne (navn, størrelse, længde, opløsning) — ikke selve videoerne; dem kan du hente på hver video.',
    sql: `select v.id::text _k, v.id, v.title, v.description, v.status, v.visibility, v.stage, v.created_at, v.updated_at,
                 v.ready_at, v.published_at, v.original_filename, v.original_size, v.duration_seconds, v.width, v.height,
                 v.age_band, v.pillars, v.clip_of, v.clip_start, v.clip_end, v.download_allowed, v.view_count,
                 c.pupils_appear, c.consent_level, c.withdrawn_at consent_withdrawn_at
            from videos v left join video_consents c on c.video_id = v.id where v.owner_id = $1`,
  },
  {
    name: 'comments',
    title: 'Kommentarer',
    about: 'Kommentarer og svar, du har skrevet (andres kommentarer er deres).',
    sql: `select id::text _k, id, video_id, post_id, parent_id, body, anchor_seconds, created_at, edited_at, deleted_at, hidden_at
            from comments where author_id = $1`,
  },
  {
    name: 'comment_reports',
    title: 'Indberettede kommentarer',
    about: 'Kommentarer, du har indberettet, og din begrundelse.',
    sql: `select id::text _k, comment_id, reason, created_at, resolved_at from comment_reports where reporter_id = $1`,
  },
  {
    name: 'notes',
    title: 'Private noter',
    about: 'Dine private noter til videoer.',
    sql: `select video_id::text _k, video_id, body, updated_at from video_notes where user_id = $1`,
  },
  {
    name: 'signals',
    title: '"Jeg har prøvet det"',
    about: 'Hvad du har prøvet fra videoer, om det virkede, og dine refleksioner.',
    sql: `select video_id::text _k, video_id, tried_at, worked, reflection, reflection_shared, updated_at
            from video_signals where user_id = $1`,
  },
  {
    name: 'feedback',
    title: 'Feedback på optagelser',
    about: 'Feedback, du har givet på optagelser, du havde adgang til.',
    sql: `select id::text _k, id, video_id, parent_id, at_seconds, kind, body, discussed_at, created_at, updated_at
            from video_feedback where author_id = $1`,
  },
  {
    name: 'feedback_prompts',
    title: 'Dine feedbackspørgsmål',
    about: 'Spørgsmål, du har gemt til at give feedback med.',
    sql: `select id::text _k, title, prompts, created_at, updated_at from feedback_prompt_sets where owner_id = $1`,
  },
  {
    name: 'video_grants',
    title: 'Personlig deling af optagelser',
    about: 'Optagelser, du har delt med en kollega, og optagelser, der er delt med dig.',
    sql: `select g.id::text _k, case when g.grantee_id = $1 then 'received' else 'given' end direction, g.video_id,
                 case when g.grantee_id = $1 then null else g.grantee_id end grantee_id, g.created_at, g.expires_at
            from video_grants g where g.grantee_id = $1 or g.granted_by = $1`,
  },
  {
    name: 'observation_visits',
    title: 'Observationer af dig og dine selvobservationer',
    about:
      'Besøg i din praksis og dine selvobservationer, med svar, noter og næste skridt — det samme, som du kan se i Amongi.',
    sql: `select v.id::text _k, v.id, v.kind, v.status, i.name institution, v.planned_for, v.term, v.class_label, v.subject,
                 v.grade, v.started_at, v.completed_at, v.duration_seconds, v.notes, v.class_size, v.reflection,
                 v.conversation_notes, v.next_step, v.next_step_teacher_agreed_at, v.next_step_observer_agreed_at,
                 (select coalesce(jsonb_agg(jsonb_build_object('item', a.item_key, 'pupil', a.pupil, 'value', a.value_num,
                         'text', a.value_text, 'answered_at', a.answered_at)), '[]'::jsonb)
                    from observation_answers a where a.visit_id = v.id) answers
            from observation_visits v join institutions i on i.id = v.institution_id where v.teacher_id = $1`,
  },
  {
    name: 'training_requests',
    title: 'Ønsker om træning',
    about: 'Metoder, du (eller en leder for dig) har ønsket træning i.',
    sql: `select id::text _k, method_id, video_id, team_id, course_id, requested_by = $1 requested_by_you, created_at
            from training_requests where user_id = $1 or requested_by = $1`,
  },
  {
    name: 'training_enrolments',
    title: 'Tilmeldinger til forløb',
    about: 'De træningsforløb, du er tilmeldt eller har været på.',
    sql: `select e.course_id::text _k, c.title course, e.status, e.queued_at, e.updated_at
            from training_enrolments e join training_courses c on c.id = e.course_id where e.user_id = $1`,
  },
  {
    name: 'training_courses_trained',
    title: 'Forløb, du er træner på',
    about: 'Træningsforløb, hvor du er træner.',
    sql: `select c.id::text _k, c.title, c.state, c.planned_at, c.completed_at
            from training_course_trainers t join training_courses c on c.id = t.course_id where t.user_id = $1`,
  },
  {
    name: 'training_methods',
    title: 'Metoder, du kan træne andre i',
    about: 'Metoder, du har sagt, at du kan træne kolleger i.',
    sql: `select method_id::text _k, method_id from training_coverage where user_id = $1`,
  },
  {
    name: 'notifications',
    title: 'Notifikationer',
    about: 'Beskeder, Amongi har vist eller sendt dig.',
    sql: `select id::text _k, kind, payload, created_at, read_at, email_state from notifications where user_id = $1`,
  },
  {
    name: 'notification_settings',
    title: 'Indstillinger for notifikationer',
    about: 'Hvordan du vil have besked om hver slags notifikation.',
    sql: `select kind _k, kind, delivery from notification_preferences where user_id = $1`,
  },
  {
    name: 'interests',
    title: 'Interesser',
    about: 'Aldersgrupper, fag/temaer og metoder, du har valgt at arbejde med.',
    sql: `select user_id::text _k, age_bands, subject_ids, method_ids, updated_at from person_interests where user_id = $1`,
  },
  {
    name: 'inquiry_reflections',
    title: 'Refleksioner i undersøgelsesforløb',
    about: 'Dine egne refleksioner i teamets forløb.',
    sql: `select r.cycle_id::text _k, c.title cycle, r.body, r.updated_at
            from inquiry_reflections r join inquiry_cycles c on c.id = r.cycle_id where r.user_id = $1`,
  },
  {
    name: 'inquiry_tasks',
    title: 'Opgaver',
    about: 'Opgaver i teamets forløb, du er ansvarlig for.',
    sql: `select id::text _k, title, kind, due_on, done_at, created_at from inquiry_tasks where owner_id = $1`,
  },
  {
    name: 'meeting_contributions',
    title: 'Bidrag på teammøder',
    about: 'Det, du har skrevet i runder på teamets møder.',
    sql: `select c.id::text _k, m.title meeting, r.prompt round, c.body, c.created_at
            from meeting_contributions c join meeting_rounds r on r.id = c.round_id join team_meetings m on m.id = r.meeting_id
           where c.author_id = $1`,
  },
  {
    name: 'meetings',
    title: 'Roller på teammøder',
    about: 'Møder, du har oprettet eller haft en rolle på (ordstyrer, tidtager, dataansvarlig).',
    sql: `select id::text _k, title, starts_at, state,
                 array_remove(array[case when facilitator_id = $1 then 'facilitator' end,
                   case when timekeeper_id = $1 then 'timekeeper' end, case when dataholder_id = $1 then 'dataholder' end,
                   case when created_by = $1 then 'created' end], null) roles
            from team_meetings where $1 in (facilitator_id, timekeeper_id, dataholder_id, created_by)`,
  },
  {
    name: 'stories',
    title: 'Praksisfortællinger',
    about: 'Praksisfortællinger, du senest har skrevet i.',
    sql: `select id::text _k, title, state, visibility, context, question, tried, learned, updated_at
            from practice_stories where updated_by = $1`,
  },
  {
    name: 'community_posts',
    title: 'Opslag i fællesskaber',
    about: 'Opslag, du har skrevet i fællesskaber (vedhæftede filer er ikke med; navn og størrelse er).',
    sql: `select id::text _k, community_id, kind, body, url, file_name, file_size, created_at, edited_at
            from community_posts where author_id = $1`,
  },
  {
    name: 'communities',
    title: 'Fællesskaber',
    about: 'Fællesskaber, du er medlem af eller har oprettet.',
    sql: `select c.id::text _k, c.name, m.role, m.joined_at, c.created_by = $1 created_by_you
            from communities c left join community_members m on m.community_id = c.id and m.user_id = $1
           where m.user_id = $1 or c.created_by = $1`,
  },
  {
    name: 'learning_packages',
    title: 'Læringspakker',
    about: 'Læringspakker, du ejer.',
    sql: `select id::text _k, title, description, visibility, created_at, updated_at from learning_packages where owner_id = $1`,
  },
  {
    name: 'evaluation_items',
    title: 'Evalueringsopgaver',
    about: 'Punkter i institutionens evalueringsplan, du er ansvarlig for.',
    sql: `select id::text _k, title, kind, collect_from, collect_to, analyse_on, note from evaluation_items where responsible_id = $1`,
  },
  {
    name: 'sessions',
    title: 'Log-ind',
    about: 'Hvornår du har været logget ind og fra hvilken browser (ikke selve nøglerne).',
    sql: `select to_char(created_at at time zone 'UTC', 'YYYYMMDDHH24MISSUS') || md5(id) _k, created_at, last_seen_at,
                 expires_at, user_agent from sessions where user_id = $1`,
  },
  {
    name: 'identity_links',
    title: 'Log-ind via andre tjenester',
    about: 'Tjenester (fx UNI-Login), du logger ind med, og dit id hos dem.',
    sql: `select l.id::text _k, p.name provider, l.subject, l.created_at, l.last_sign_in_at
            from identity_links l join identity_providers p on p.id = l.provider_id where l.user_id = $1`,
  },
  {
    name: 'audit',
    title: 'Logbog om dig',
    about: 'Følsomme handlinger, du har foretaget, og handlinger andre har foretaget om dig.',
    sql: `select id::text _k, action, subject_type, subject_id, actor_id = $1 by_you, created_at
            from audit_log where actor_id = $1 or subject_id = $1::text`,
  },
];

/** One area as written: how many rows, and the first few for index.html's table. */
export type AreaSummary = { area: Area; count: number; preview: Record<string, unknown>[] };

/** Said in index.html about what is deliberately not in the export. */
export const NOT_INCLUDED = [
  'Dine svar i trivsels- og samarbejdsundersøgelser er anonyme: Amongi gemmer dem uden forbindelse til dig, og derfor kan de hverken vises eller udleveres her.',
  'Selve videofilerne er ikke med (de kan være meget store); du kan hente hver af dine optagelser fra videoens side.',
  'Andre personers kommentarer, noter og observationer er ikke med, heller ikke når de handler om dine videoer — de er deres.',
  'Adgangskode, sessionsnøgler og andre hemmeligheder er ikke med.',
];
