// The front door of the communities module (communities, members, feeds): what app.ts uses.
export { createFeedService } from './feed.js';
export { postRoutes } from './post-routes.js';
export { createPostService } from './posts.js';
export { communityRoutes } from './routes.js';
export { createCommunityService } from './service.js';
