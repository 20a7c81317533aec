/*
 * The notifications module's front door (issue 14): what other modules, app.ts and the worker (main.ts) may
 * use. Everything else in this folder is internal.
 */
export { sendDueDigests } from './digest.js';
export { sendDueNotificationEmails } from './email.js';
export { type NotificationPayload, notify, notifyMany } from './notify.js';
export { notificationRoutes } from './routes.js';
export { createNotificationService } from './service.js';
export { copenhagenInstant } from './time.js';
export { notificationMailHeaders } from './unsubscribe.js';
