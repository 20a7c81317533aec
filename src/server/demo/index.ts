/**
 * The demo (README "Demo accounts" and "Demo content"): what start-up, tests, tools and the benchmark use. The
 * parts: constants.ts and types.ts (leaves every part may import), organisation.ts (kommuner, institutions,
 * teams, the accounts; with training.ts's extra staff), content.ts (the catalogue, calling community.ts,
 * observation.ts and training.ts; data in videos*.ts, talk.ts, packages.ts) and media.ts (the videos' media
 * through the real pipeline, made by look.ts).
 */
export { DEMO_DOMAIN, DEMO_PASSWORD } from './constants.js';
export { seedDemoContent } from './content.js';
export { defaultDemoCacheDir, startDemoMedia } from './media.js';
export { DEMO_ACCOUNTS, disableDemoPasswords, seedDemo } from './organisation.js';
export { demoMediaProgress, progressLine } from './progress.js';
export { demoRoutes } from './routes.js';
export { DEMO_TEACHERS } from './training.js';
