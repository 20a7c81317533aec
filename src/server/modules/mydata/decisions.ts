/*
 * Every column that refers to a person (a foreign key to users), and what "Mine data" and erasure do with it.
 * decisions.int.test.ts compares this list with the database's foreign keys: a new table that refers to people
 * fails that test until someone decides here what its rows mean for a person's export and erasure.
 */

/**
 * - `remove`: the rows are the person's own (or about them) and go with them (deleted by the FK's cascade or here).
 * - `anonymise`: the rows are shared work others rely on (a comment in a discussion, a post, a course); they stay
 *   and point to "Tidligere medarbejder" instead (FORMER_EMPLOYEE_ID).
 * - `unlink`: the rows belong to something else and only name the person as who did it (set null by the FK).
 */
type EraseAction = 'remove' | 'anonymise' | 'unlink';

/** The export area (a JSON file in the ZIP) that holds the rows, or why the export leaves them out. */
type Decision = { erase: EraseAction; area: string } | { erase: EraseAction; omit: string };

export const USER_REFERENCES: Record<string, Decision> = {
  'audit_log.actor_id': { erase: 'unlink', area: 'audit' },
  'auth_tokens.user_id': { erase: 'remove', omit: 'one-time sign-in tokens: secrets, not information' },
  'collections.created_by': { erase: 'unlink', omit: 'editorial collections of the catalogue' },
  'comment_reports.reporter_id': { erase: 'remove', area: 'comment_reports' },
  'comment_reports.resolved_by': { erase: 'unlink', omit: 'a moderator’s work on others’ reports' },
  'comments.author_id': { erase: 'anonymise', area: 'comments' },
  'comments.hidden_by': { erase: 'unlink', omit: 'a moderator’s work on others’ comments' },
  'communities.created_by': { erase: 'unlink', area: 'communities' },
  'community_members.invited_by': { erase: 'unlink', omit: 'who invited someone else' },
  'community_members.user_id': { erase: 'remove', area: 'communities' },
  'community_posts.author_id': { erase: 'anonymise', area: 'community_posts' },
  'community_videos.added_by': { erase: 'unlink', omit: 'a community’s shelf' },
  'conversation_packages.created_by': { erase: 'unlink', omit: 'a forvaltning’s work about a unit' },
  'conversation_records.updated_by': { erase: 'unlink', omit: 'a forvaltning’s work about a unit' },
  'data_exports.user_id': { erase: 'remove', omit: 'the export itself' },
  'evaluation_feed_tokens.user_id': { erase: 'remove', omit: 'a calendar feed secret' },
  'evaluation_items.created_by': { erase: 'unlink', omit: 'the institution’s evaluation plan' },
  'evaluation_items.responsible_id': { erase: 'unlink', area: 'evaluation_items' },
  'evaluation_items.updated_by': { erase: 'unlink', omit: 'the institution’s evaluation plan' },
  'evaluation_plans.created_by': { erase: 'unlink', omit: 'the institution’s evaluation plan' },
  'evaluation_plans.published_by': { erase: 'unlink', omit: 'the institution’s evaluation plan' },
  'feedback_prompt_sets.owner_id': { erase: 'remove', area: 'feedback_prompts' },
  'identity_links.user_id': { erase: 'remove', area: 'identity_links' },
  'inquiry_cycles.created_by': { erase: 'unlink', omit: 'the team’s cycle' },
  'inquiry_evidence.added_by': { erase: 'unlink', omit: 'the team’s evidence' },
  'inquiry_reflections.user_id': { erase: 'remove', area: 'inquiry_reflections' },
  'inquiry_tasks.created_by': { erase: 'unlink', omit: 'the team’s tasks' },
  'inquiry_tasks.owner_id': { erase: 'unlink', area: 'inquiry_tasks' },
  'inquiry_templates.created_by': { erase: 'unlink', omit: 'a kommune’s templates' },
  'learning_packages.owner_id': { erase: 'anonymise', area: 'learning_packages' },
  'meeting_contributions.author_id': { erase: 'anonymise', area: 'meeting_contributions' },
  'meeting_decisions.created_by': { erase: 'unlink', omit: 'the team’s decisions' },
  'notification_preferences.user_id': { erase: 'remove', area: 'notification_settings' },
  'notifications.user_id': { erase: 'remove', area: 'notifications' },
  'observation_data_teachers.teacher_id': {
    erase: 'remove',
    omit: 'who counts in the aggregate (not shown)',
  },
  'observation_guide_reads.user_id': { erase: 'remove', omit: 'a "read" mark on a guide' },
  'observation_guides.updated_by': { erase: 'unlink', omit: 'the institution’s guide' },
  'observation_observers.granted_by': { erase: 'unlink', omit: 'who delegated observing to someone else' },
  'observation_observers.user_id': { erase: 'remove', area: 'roles' },
  'observation_schemas.created_by': { erase: 'unlink', omit: 'the institution’s schema' },
  'observation_settings.updated_by': { erase: 'unlink', omit: 'the institution’s settings' },
  'observation_syncs.user_id': { erase: 'unlink', omit: 'offline sync bookkeeping' },
  'observation_visit_guests.user_id': {
    erase: 'remove',
    omit: 'invited to another person’s private self-observation',
  },
  'observation_visits.observer_id': { erase: 'unlink', omit: 'visits to other people are about them' },
  'observation_visits.planned_by': { erase: 'unlink', omit: 'who planned a visit' },
  'observation_visits.teacher_id': { erase: 'remove', area: 'observation_visits' },
  'person_interests.user_id': { erase: 'remove', area: 'interests' },
  'practice_stories.reviewed_by': { erase: 'unlink', omit: 'an editor’s review of a team’s story' },
  'practice_stories.updated_by': { erase: 'unlink', area: 'stories' },
  'progression_conferences.created_by': { erase: 'unlink', omit: 'a conference about a child group' },
  'progression_conferences.resource_person_id': { erase: 'unlink', omit: 'a conference about a child group' },
  'progression_delegations.granted_by': { erase: 'unlink', omit: 'who delegated to someone else' },
  'progression_delegations.user_id': { erase: 'remove', area: 'roles' },
  'progression_import_bands.updated_by': { erase: 'unlink', omit: 'the kommune’s settings' },
  'progression_statuses.updated_by': { erase: 'unlink', omit: 'data about children, not the person' },
  'retention_settings.updated_by': { erase: 'unlink', omit: 'an administrator’s settings' },
  'role_grants.user_id': { erase: 'remove', area: 'roles' },
  'sessions.user_id': { erase: 'remove', area: 'sessions' },
  'staff_sync_people.user_id': { erase: 'remove', omit: 'the staff sync’s link to the source system' },
  'survey_invitations.user_id': { erase: 'remove', omit: 'survey answers are anonymous by design' },
  'survey_questionnaires.created_by': { erase: 'unlink', omit: 'the kommune’s questionnaire' },
  'survey_rounds.created_by': { erase: 'unlink', omit: 'the kommune’s survey round' },
  'team_meetings.created_by': { erase: 'unlink', area: 'meetings' },
  'team_meetings.dataholder_id': { erase: 'unlink', area: 'meetings' },
  'team_meetings.facilitator_id': { erase: 'unlink', area: 'meetings' },
  'team_meetings.timekeeper_id': { erase: 'unlink', area: 'meetings' },
  'team_memberships.user_id': { erase: 'remove', area: 'teams' },
  'team_spaces.updated_by': { erase: 'unlink', omit: 'the team’s space' },
  'training_course_trainers.user_id': { erase: 'anonymise', area: 'training_courses_trained' },
  'training_courses.planner_id': { erase: 'unlink', omit: 'who planned a course' },
  'training_coverage.user_id': { erase: 'remove', area: 'training_methods' },
  'training_enrolments.user_id': { erase: 'remove', area: 'training_enrolments' },
  'training_requests.requested_by': { erase: 'unlink', area: 'training_requests' },
  'training_requests.user_id': { erase: 'remove', area: 'training_requests' },
  'video_chapters.updated_by': { erase: 'unlink', omit: 'a video’s chapters' },
  'video_consents.recorded_by': { erase: 'unlink', omit: 'consent records of a video' },
  'video_feedback.author_id': { erase: 'anonymise', area: 'feedback' },
  'video_feedback.discussed_by': { erase: 'unlink', omit: 'a mark on others’ feedback' },
  'video_grants.granted_by': { erase: 'unlink', area: 'video_grants' },
  'video_grants.grantee_id': { erase: 'remove', area: 'video_grants' },
  'video_notes.user_id': { erase: 'remove', area: 'notes' },
  'video_shares.created_by': { erase: 'unlink', omit: 'a share link of a video' },
  'video_signals.user_id': { erase: 'remove', area: 'signals' },
  'video_transcriptions.requested_by': {
    erase: 'unlink',
    omit: 'who asked for a video’s automatic captions',
  },
  'video_views.user_id': { erase: 'unlink', omit: 'view counts (the count stays, not who)' },
  'videos.owner_id': { erase: 'remove', area: 'videos' },
  'videos.reviewed_by': { erase: 'unlink', omit: 'an editor’s review of someone else’s video' },
};

/** The columns erasure points to "Tidligere medarbejder" (table, column). */
export const ANONYMISED = Object.entries(USER_REFERENCES)
  .filter(([, d]) => d.erase === 'anonymise')
  .map(([k]) => k.split('.') as [string, string]);
