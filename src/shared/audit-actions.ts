/*
 * The audit log's actions in readable words (issue 20 part 5): every action written with audit()/auditOnce()
 * has a label here (audit-actions.unit.test.ts greps the server's call sites and fails on one without), and a
 * group the log page filters by. Labels read as "<who> <label>": "Mette Holm så en privat video, der er delt med
 * hende" is written "så en privat video, der var delt med dem".
 */

export const AUDIT_GROUPS = [
  'access',
  'signin',
  'roles',
  'export',
  'erasure',
  'sync',
  'settings',
  'content',
] as const;
export type AuditGroup = (typeof AUDIT_GROUPS)[number];

export const AUDIT_GROUP_LABELS: Record<AuditGroup, { da: string; en: string }> = {
  access: { da: 'Opslag i følsomme data', en: 'Views of sensitive data' },
  signin: { da: 'Log ind', en: 'Sign-ins' },
  roles: { da: 'Personer og roller', en: 'People and roles' },
  export: { da: 'Eksport og download', en: 'Exports and downloads' },
  erasure: { da: 'Sletning og opbevaring', en: 'Erasure and retention' },
  sync: { da: 'Synkronisering og import', en: 'Sync and import' },
  settings: { da: 'Indstillinger', en: 'Settings' },
  content: { da: 'Indhold og deling', en: 'Content and sharing' },
};

type Label = { group: AuditGroup; da: string; en: string };
const l = (group: AuditGroup, da: string, en: string): Label => ({ group, da, en });

export const AUDIT_ACTIONS = {
  // Sign-in and the log itself
  'auth.sign_in': l('signin', 'loggede ind', 'signed in'),
  'sso.sign_in_refused': l(
    'signin',
    'blev afvist ved log-ind via en log-ind-tjeneste',
    'was refused signing in through a sign-in service',
  ),
  'sso.provider_created': l('settings', 'tilføjede en log-ind-tjeneste', 'added a sign-in service'),
  'sso.provider_updated': l('settings', 'ændrede en log-ind-tjeneste', 'changed a sign-in service'),
  'sso.provider_deleted': l('settings', 'fjernede en log-ind-tjeneste', 'removed a sign-in service'),
  'audit.export': l('export', 'hentede auditloggen som CSV', 'downloaded the audit log as CSV'),
  // Sensitive reads
  'video.view_shared': l(
    'access',
    'så en privat optagelse, der var delt med dem',
    'watched a private recording shared with them',
  ),
  'observation.data.view': l('access', 'så observationsdata', 'viewed observation data'),
  'observation.data.export': l(
    'export',
    'hentede observationsdata som CSV',
    'downloaded observation data as CSV',
  ),
  'progression.grid_read': l(
    'access',
    'så børnenes progression i en gruppe',
    'viewed the children’s progression in a group',
  ),
  'progression.conference_read': l(
    'access',
    'så et samtaleoverblik om et barn',
    'viewed a conference overview of a child',
  ),
  'progression.export': l('export', 'hentede en progressionsoversigt', 'downloaded a progression overview'),
  'progression.import.preview': l(
    'sync',
    'så et udkast til import af progression',
    'previewed a progression import',
  ),
  'video.download': l('export', 'hentede en optagelse', 'downloaded a recording'),
  'mydata.export.request': l('export', 'bestilte sine data (Mine data)', 'requested their data (My data)'),
  'mydata.export.download': l('export', 'hentede sine data (Mine data)', 'downloaded their data (My data)'),
  // People and roles
  'person.invite': l('roles', 'inviterede en person', 'invited a person'),
  'person.reinvite': l('roles', 'sendte en ny invitation', 'sent a new invitation'),
  'person.update': l(
    'roles',
    'ændrede en persons oplysninger eller status',
    'changed a person’s details or status',
  ),
  'role.grant': l('roles', 'gav en rolle', 'granted a role'),
  'role.revoke': l('roles', 'fjernede en rolle', 'revoked a role'),
  'team.add_member': l('roles', 'tilføjede en person til et team', 'added a person to a team'),
  'team.remove_member': l('roles', 'fjernede en person fra et team', 'removed a person from a team'),
  'observation.observer.grant': l('roles', 'gjorde en person til observatør', 'made a person an observer'),
  'observation.observer.revoke': l('roles', 'fjernede en observatør', 'removed an observer'),
  'progression.delegations': l(
    'roles',
    'ændrede, hvem der ser en progressionsgruppe',
    'changed who sees a progression group',
  ),
  'community.invite': l('roles', 'inviterede til et fællesskab', 'invited someone to a community'),
  'community.set_role': l('roles', 'ændrede en rolle i et fællesskab', 'changed a role in a community'),
  'community.remove_member': l('roles', 'fjernede et medlem af et fællesskab', 'removed a community member'),
  // Sync and import
  'import.staff': l('sync', 'importerede medarbejdere', 'imported staff'),
  'progression.import': l('sync', 'importerede progression', 'imported progression'),
  // Staff sync (issue 20 part 2): written by a source (no person as actor; the source is named in the details)
  'staff_sync.run': l('sync', 'synkroniserede medarbejdere fra en kilde', 'synchronised staff from a source'),
  'staff_sync.create': l(
    'sync',
    'oprettede en medarbejder ved synkronisering',
    'created a member of staff by sync',
  ),
  'staff_sync.update': l(
    'sync',
    'opdaterede en medarbejder ved synkronisering',
    'updated a member of staff by sync',
  ),
  'staff_sync.deactivate': l(
    'sync',
    'deaktiverede en medarbejder ved synkronisering',
    'deactivated a member of staff by sync',
  ),
  'staff_sync.remove_from_scope': l(
    'sync',
    'fjernede en medarbejders roller i kildens institutioner',
    'removed a member of staff’s roles in the source’s institutions',
  ),
  'staff_sync.reactivate': l(
    'sync',
    'genaktiverede en medarbejder ved synkronisering',
    'reactivated a member of staff by sync',
  ),
  'staff_sync.team_create': l('sync', 'oprettede et team ved synkronisering', 'created a team by sync'),
  'staff_sync.team_members': l(
    'sync',
    'ændrede et teams medlemmer ved synkronisering',
    'changed a team’s members by sync',
  ),
  'staff_sync.source_create': l('settings', 'tilføjede en synkroniseringskilde', 'added a sync source'),
  'staff_sync.source_update': l('settings', 'ændrede en synkroniseringskilde', 'changed a sync source'),
  'staff_sync.source_delete': l('settings', 'fjernede en synkroniseringskilde', 'removed a sync source'),
  'staff_sync.token_rotate': l('settings', 'lavede en ny SCIM-nøgle', 'made a new SCIM token'),
  'staff_sync.token_revoke': l('settings', 'trak en SCIM-nøgle tilbage', 'revoked a SCIM token'),
  'staff_sync.confirm': l('sync', 'bekræftede en standset synkronisering', 'confirmed a stopped sync'),
  // Erasure and retention
  'person.erase': l('erasure', 'slettede en person og deres data', 'erased a person and their data'),
  'retention.settings': l('settings', 'ændrede en opbevaringsperiode', 'changed a retention period'),
  'retention.purge': l(
    'erasure',
    'slettede data efter opbevaringsreglerne',
    'deleted data under the retention rules',
  ),
  'retention.video_delete': l(
    'erasure',
    'slettede en optagelse, hvor samtykket var trukket tilbage',
    'deleted a recording whose consent was withdrawn',
  ),
  'retention.original_delete': l(
    'erasure',
    'slettede den originale fil efter omkodning',
    'deleted the original file after transcoding',
  ),
  'progression.retention_purge': l(
    'erasure',
    'slettede forældede progressionsdata',
    'deleted expired progression data',
  ),
  'progression.child_leave': l(
    'erasure',
    'registrerede, at et barn forlod gruppen',
    'recorded that a child left the group',
  ),
  'video.delete': l('erasure', 'slettede en optagelse', 'deleted a recording'),
  'package.delete': l('erasure', 'slettede en læringspakke', 'deleted a learning package'),
  // Settings
  'observation.settings.update': l(
    'settings',
    'ændrede indstillinger for observation',
    'changed observation settings',
  ),
  'observation.schema.save': l('settings', 'gemte et observationsskema', 'saved an observation schema'),
  'observation.guide.save': l('settings', 'gemte en observationsguide', 'saved an observation guide'),
  'progression.settings': l(
    'settings',
    'ændrede indstillinger for progression',
    'changed progression settings',
  ),
  'training.threshold': l('settings', 'ændrede grænsen for efterspørgsel', 'changed the demand threshold'),
  'kommune.pillars': l('settings', 'ændrede kommunens søjler', 'changed the municipality’s pillars'),
  'kommune.create': l('settings', 'oprettede en kommune', 'created a municipality'),
  'kommune.update': l('settings', 'ændrede en kommune', 'changed a municipality'),
  'kommune.delete': l('settings', 'slettede en kommune', 'deleted a municipality'),
  'institution.create': l('settings', 'oprettede en institution', 'created an institution'),
  'institution.update': l('settings', 'ændrede en institution', 'changed an institution'),
  'institution.delete': l('settings', 'slettede en institution', 'deleted an institution'),
  'team.create': l('settings', 'oprettede et team', 'created a team'),
  'team.update': l('settings', 'ændrede et team', 'changed a team'),
  'team.delete': l('settings', 'slettede et team', 'deleted a team'),
  'evaluation.feed_renew': l('settings', 'fornyede sit kalenderlink', 'renewed their calendar link'),
  // Videos: sharing, consent, content
  'video.upload': l('content', 'uploadede en optagelse', 'uploaded a recording'),
  'video.clip': l('content', 'klippede en optagelse', 'cut a clip'),
  'video.update': l(
    'content',
    'ændrede en optagelse eller dens synlighed',
    'changed a recording or its visibility',
  ),
  'video.setup': l('content', 'gjorde en optagelse klar', 'set up a recording'),
  'video.consent.set': l(
    'content',
    'registrerede samtykke for en optagelse',
    'recorded consent for a recording',
  ),
  'video.consent.withdraw': l(
    'content',
    'registrerede, at samtykket blev trukket tilbage',
    'recorded that consent was withdrawn',
  ),
  'video.share.create': l('content', 'lavede et delingslink', 'created a share link'),
  'video.share.revoke': l('content', 'lukkede et delingslink', 'revoked a share link'),
  'video.grant.create': l(
    'content',
    'delte en privat optagelse med en kollega',
    'shared a private recording with a colleague',
  ),
  'video.grant.revoke': l(
    'content',
    'fjernede en kollegas adgang til en optagelse',
    'removed a colleague’s access to a recording',
  ),
  'video.grant.expire': l('content', 'en deling af en optagelse udløb', 'a share of a recording ended'),
  'video.download.set': l(
    'content',
    'ændrede, om en optagelse kan hentes',
    'changed whether a recording can be downloaded',
  ),
  'video.caption.put': l('content', 'uploadede undertekster', 'uploaded captions'),
  'video.caption.edit': l('content', 'rettede undertekster', 'edited captions'),
  'video.caption.delete': l('content', 'slettede undertekster', 'deleted captions'),
  'video.caption.transcribe': l('content', 'bad om automatiske undertekster', 'asked for automatic captions'),
  'video.chapters.edit': l('content', 'rettede kapitler', 'edited chapters'),
  'feedback.delete': l('content', 'slettede feedback', 'deleted feedback'),
  'comment.hide': l('content', 'skjulte en kommentar', 'hid a comment'),
  'comment.unhide': l('content', 'viste en skjult kommentar igen', 'showed a hidden comment again'),
  'comment.reports_resolved': l(
    'content',
    'afsluttede anmeldelser af en kommentar',
    'resolved reports of a comment',
  ),
  // Catalogue
  'catalogue.none': l('content', 'tog en optagelse ud af kataloget', 'took a recording out of the catalogue'),
  'catalogue.draft': l(
    'content',
    'gjorde et katalogforslag til kladde',
    'made a catalogue submission a draft',
  ),
  'catalogue.in_review': l(
    'content',
    'indsendte en optagelse til kataloget',
    'submitted a recording to the catalogue',
  ),
  'catalogue.returned': l('content', 'sendte en optagelse tilbage', 'returned a recording'),
  'catalogue.published': l(
    'content',
    'udgav en optagelse i kataloget',
    'published a recording in the catalogue',
  ),
  'catalogue.metadata': l('content', 'ændrede katalogoplysninger', 'changed catalogue details'),
  'collection.create': l('content', 'oprettede en samling', 'created a collection'),
  'collection.update': l('content', 'ændrede en samling', 'changed a collection'),
  'collection.delete': l('content', 'slettede en samling', 'deleted a collection'),
  'collection.order': l('content', 'ændrede samlingernes rækkefølge', 'reordered collections'),
  'collection.add_video': l(
    'content',
    'føjede en optagelse til en samling',
    'added a recording to a collection',
  ),
  'collection.remove_video': l(
    'content',
    'fjernede en optagelse fra en samling',
    'removed a recording from a collection',
  ),
  'collection.order_videos': l('content', 'ændrede rækkefølgen i en samling', 'reordered a collection'),
  'taxonomy.create': l('content', 'oprettede et emneord', 'created a term'),
  'taxonomy.rename': l('content', 'omdøbte et emneord', 'renamed a term'),
  'taxonomy.merge': l('content', 'slog emneord sammen', 'merged terms'),
  'taxonomy.delete': l('content', 'slettede et emneord', 'deleted a term'),
  // Communities
  'community.create': l('content', 'oprettede et fællesskab', 'created a community'),
  'community.update': l('content', 'ændrede et fællesskab', 'changed a community'),
  'community.delete': l('content', 'slettede et fællesskab', 'deleted a community'),
  'community.remove_video': l(
    'content',
    'fjernede en optagelse fra et fællesskab',
    'removed a recording from a community',
  ),
  'community.post': l('content', 'skrev et opslag', 'posted'),
  'community.event': l('content', 'oprettede en begivenhed', 'created an event'),
  'community.post_delete': l('content', 'slettede et opslag', 'deleted a post'),
  // Learning conversations, evaluation, progression
  'conversation.create': l('content', 'oprettede en læringssamtale', 'created a learning conversation'),
  'conversation.update': l('content', 'ændrede en læringssamtale', 'changed a learning conversation'),
  'conversation.delete': l('content', 'slettede en læringssamtale', 'deleted a learning conversation'),
  'conversation.figures': l(
    'content',
    'indlæste tal til en læringssamtale',
    'loaded figures for a learning conversation',
  ),
  'conversation.share': l(
    'content',
    'delte en læringssamtale med institutionen',
    'shared a learning conversation with the institution',
  ),
  'conversation.record': l(
    'content',
    'skrev referat af en læringssamtale',
    'wrote a learning conversation record',
  ),
  'conversation.hand_down': l(
    'content',
    'gav en læringssamtale videre',
    'handed down a learning conversation',
  ),
  'evaluation.item_create': l(
    'content',
    'tilføjede et punkt til evalueringsplanen',
    'added an evaluation plan item',
  ),
  'evaluation.item_update': l(
    'content',
    'ændrede et punkt i evalueringsplanen',
    'changed an evaluation plan item',
  ),
  'evaluation.item_delete': l(
    'content',
    'slettede et punkt i evalueringsplanen',
    'deleted an evaluation plan item',
  ),
  'evaluation.plan_copy': l('content', 'kopierede en evalueringsplan', 'copied an evaluation plan'),
  'evaluation.publish': l('content', 'offentliggjorde en evalueringsplan', 'published an evaluation plan'),
  'evaluation.unpublish': l('content', 'trak en evalueringsplan tilbage', 'unpublished an evaluation plan'),
  'progression.child_add': l('content', 'tilføjede et barn til en gruppe', 'added a child to a group'),
  'progression.child_update': l('content', 'ændrede et barns oplysninger', 'changed a child’s details'),
  'progression.child_move': l(
    'content',
    'flyttede et barn til en anden gruppe',
    'moved a child to another group',
  ),
  'progression.conference_create': l(
    'content',
    'oprettede et samtaleoverblik',
    'created a conference overview',
  ),
  'progression.conference_update': l(
    'content',
    'ændrede et samtaleoverblik',
    'changed a conference overview',
  ),
  'progression.group.create': l('content', 'oprettede en progressionsgruppe', 'created a progression group'),
  'progression.group.team': l(
    'content',
    'ændrede en progressionsgruppes team',
    'changed a progression group’s team',
  ),
  // Inquiry cycles and stories
  'inquiry.cycle.create': l('content', 'startede et undersøgelsesforløb', 'started an inquiry cycle'),
  'inquiry.cycle.update': l('content', 'ændrede et undersøgelsesforløb', 'changed an inquiry cycle'),
  'inquiry.cycle.next_loop': l(
    'content',
    'startede en ny runde i et forløb',
    'started a new loop of a cycle',
  ),
  'inquiry.cycle.reflect': l('content', 'skrev en refleksion i et forløb', 'wrote a reflection in a cycle'),
  'inquiry.evidence_add': l('content', 'tilføjede dokumentation', 'added evidence'),
  'inquiry.evidence_delete': l('content', 'slettede dokumentation', 'deleted evidence'),
  'inquiry.meeting_create': l('content', 'oprettede et møde', 'created a meeting'),
  'inquiry.task_create': l('content', 'oprettede en opgave', 'created a task'),
  'inquiry.task_update': l('content', 'ændrede en opgave', 'changed a task'),
  'inquiry.task_delete': l('content', 'slettede en opgave', 'deleted a task'),
  'inquiry.template.create': l('content', 'oprettede en forløbsskabelon', 'created a cycle template'),
  'inquiry.template.archive': l('content', 'arkiverede en forløbsskabelon', 'archived a cycle template'),
  'inquiry.story.create': l('content', 'skrev en praksisfortælling', 'wrote a practice story'),
  'inquiry.story.update': l('content', 'ændrede en praksisfortælling', 'changed a practice story'),
  'inquiry.story.draft': l(
    'content',
    'gjorde en praksisfortælling til kladde',
    'made a practice story a draft',
  ),
  'inquiry.story.in_review': l(
    'content',
    'sendte en praksisfortælling til godkendelse',
    'submitted a practice story for review',
  ),
  'inquiry.story.returned': l('content', 'sendte en praksisfortælling tilbage', 'returned a practice story'),
  'inquiry.story.published': l('content', 'udgav en praksisfortælling', 'published a practice story'),
  'inquiry.story.try': l('content', 'afprøvede en praksisfortælling', 'tried a practice story'),
  'team.agreement.update': l('content', 'ændrede teamets aftaler', 'changed the team agreement'),
} as const satisfies Record<string, Label>;

export type AuditAction = keyof typeof AUDIT_ACTIONS;

export const isAuditAction = (a: string): a is AuditAction => Object.hasOwn(AUDIT_ACTIONS, a);

/** The readable label of an action; an action without one (written by a newer version) shows as its name. */
export function auditLabel(action: string, locale: 'da' | 'en' = 'da'): string {
  return isAuditAction(action) ? AUDIT_ACTIONS[action][locale] : action;
}

/** The actions of one group (the log page's "Handling" filter). */
export const actionsOfGroup = (g: AuditGroup): AuditAction[] =>
  (Object.keys(AUDIT_ACTIONS) as AuditAction[]).filter((a) => AUDIT_ACTIONS[a].group === g);
