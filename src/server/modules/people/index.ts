/*
 * The people module's front door (issue 14): people, their roles and teams, invitations and the profile (/me).
 * `personDetail` is also what app.ts hands to installSession to load the person behind a session.
 */
export { createAdministrator } from './first-admin.js';
export { createInterestsService, type Interests, type InterestsService } from './interests.js';
export { personDetail } from './repo.js';
export { peopleRoutes } from './routes.js';
export { createPeopleService } from './service.js';
export { disablePeople, reactivatePeople } from './status.js';
