import fastifyCookie from '@fastify/cookie';
import fastifySwagger from '@fastify/swagger';
import Fastify, { type FastifyInstance } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { trustProxyHops } from './auth/rate-limit.js';
import { installSession } from './auth/session.js';
import type { Config } from './config.js';
import { type AppContext, buildContext, closeContext } from './context.js';
import type { Database } from './db/index.js';
import { demoRoutes } from './demo/index.js';
import { aboutRoutes, registerWasRedirect } from './http/about.js';
import { backgroundSettled } from './http/background.js';
import { installEdgeValidation } from './http/edge-validation.js';
import { frameworkErrors, installErrorHandler } from './http/error-handler.js';
import { installHeavyReads } from './http/heavy-reads.js';
import { installSecurityHeaders } from './http/security-headers.js';
import { installCompression, serveWebApp } from './http/static.js';
import { installSystemRoutes } from './http/system.js';
import { auditLogRoutes, createAuditLogService } from './modules/audit-log/index.js';
import {
  authRoutes,
  createAuthService,
  createIdentityProviderService,
  createOidcSignIn,
  oidcRoutes,
} from './modules/auth/index.js';
import {
  catalogueRoutes,
  createCatalogueService,
  createCollectionService,
  createTaxonomyService,
} from './modules/catalogue/index.js';
import { commentRoutes, createCommentService } from './modules/comments/index.js';
import {
  communityRoutes,
  createCommunityService,
  createFeedService,
  createPostService,
  postRoutes,
} from './modules/communities/index.js';
import { conversationRoutes } from './modules/conversations/index.js';
import { evaluationRoutes } from './modules/evaluation/index.js';
import { createFeedbackService, feedbackRoutes } from './modules/feedback/index.js';
import { createImportService, importRoutes } from './modules/import/index.js';
import { inquiryRoutes } from './modules/inquiry/index.js';
import { createExportService, mydataRoutes } from './modules/mydata/index.js';
import { createNotificationService, notificationRoutes } from './modules/notifications/index.js';
import {
  observationDataRoutes,
  observationSetupRoutes,
  observationVisitRoutes,
} from './modules/observation/index.js';
import { createOrgService, orgRoutes } from './modules/org/index.js';
import { createOutboxService, outboxRoutes } from './modules/outbox/index.js';
import { createPackageService, packageRoutes } from './modules/packages/index.js';
import {
  createInterestsService,
  createPeopleService,
  peopleRoutes,
  personDetail,
} from './modules/people/index.js';
import { progressionRoutes } from './modules/progression/index.js';
import {
  createReflectionService,
  createStatisticsService,
  reflectionRoutes,
} from './modules/reflection/index.js';
import { createRetentionService, retentionRoutes } from './modules/retention/index.js';
import { createHomeService, createSearchService, searchRoutes } from './modules/search/index.js';
import { createStaffSyncService, scimRoutes, staffSyncRoutes } from './modules/staff-sync/index.js';
import { surveyRoutes } from './modules/survey/index.js';
import {
  courseRoutes,
  createCourseService,
  createDemandService,
  demandRoutes,
} from './modules/training/index.js';
import {
  clipRoutes,
  createCaptionService,
  createClipService,
  createCueEditorService,
  createGrantService,
  createSharingService,
  createVideoService,
  cueEditorRoutes,
  grantRoutes,
  mediaRoutes,
  uploadRoutes,
  videoRoutes,
  withPreview,
} from './modules/videos/index.js';

export type BuildOptions = {
  config: Config;
  database: Database;
  secret: string;
  logger?: boolean;
  /** A context built before (main.ts); by default buildApp builds one, and closing the app closes it. */
  ctx?: AppContext;
};

/** Builds the Fastify app with every module. Used by main.ts (web) and by the tests. */
export async function buildApp(opts: BuildOptions): Promise<{ app: FastifyInstance; ctx: AppContext }> {
  const ctx =
    opts.ctx ??
    (await buildContext({
      config: opts.config,
      database: opts.database,
      secret: opts.secret,
      log: opts.logger === false ? false : undefined,
    }));
  const app = Fastify({
    loggerInstance: ctx.log,
    trustProxy: trustProxyHops(opts.config.trustProxy),
    bodyLimit: 1024 * 1024,
    frameworkErrors,
  }).withTypeProvider<ZodTypeProvider>();
  installEdgeValidation(app);
  app.setSerializerCompiler(serializerCompiler);
  app.addHook('onClose', () => closeContext(ctx));

  await app.register(fastifyCookie);
  await installCompression(app);
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.0.3',
      info: { title: 'Amongi API', version: '1' },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'amongi_session' },
          csrf: { type: 'apiKey', in: 'header', name: 'X-CSRF-Token' },
          scimBearer: { type: 'http', scheme: 'bearer' },
        },
      },
    },
    transform: jsonSchemaTransform,
  });
  installErrorHandler(app);
  installSecurityHeaders(app, { publicUrl: opts.config.publicUrl });
  installSystemRoutes(app, ctx);
  installSession(app, ctx, personDetail);
  installHeavyReads(app, ctx);

  const auth = createAuthService(ctx);
  app.addHook('onClose', backgroundSettled); // e.g. reset e-mails still being queued, before the database closes
  const org = createOrgService(ctx);
  const people = createPeopleService(ctx, org, auth);
  const interests = createInterestsService(ctx);
  const outbox = createOutboxService(ctx);
  const imports = createImportService(ctx, org, auth);
  const media = mediaRoutes(ctx, ctx.storage);
  const videos = createVideoService(ctx);
  const sharing = createSharingService(ctx, videos);
  const captions = createCaptionService(ctx, videos);
  const catalogue = createCatalogueService(ctx);

  await app.register(
    async (api) => {
      const oidc = createOidcSignIn(ctx); // issue 20 part 1 (single sign-on)
      await api.register(authRoutes(ctx, auth, oidc));
      await api.register(oidcRoutes(ctx, createIdentityProviderService(ctx), oidc));
      await api.register(orgRoutes(org));
      await api.register(peopleRoutes(people, interests));
      await api.register(outboxRoutes(outbox));
      await api.register(auditLogRoutes(createAuditLogService(ctx))); // issue 20 part 5
      await api.register(retentionRoutes(createRetentionService(ctx, { erasureAvailable: true }))); // issue 20 part 4
      await api.register(importRoutes(imports));
      await api.register(staffSyncRoutes(createStaffSyncService(ctx))); // issue 20 part 2 (staff sync)
      await api.register(videoRoutes(videos, sharing, captions));
      await api.register(grantRoutes(createGrantService(ctx, videos))); // issue 19 part A (personal shares)
      await api.register(cueEditorRoutes(createCueEditorService(ctx))); // issue 19 part E
      await api.register(clipRoutes(createClipService(ctx, videos))); // issue 19 part C (clips)
      await api.register(
        catalogueRoutes(catalogue, createTaxonomyService(ctx), createCollectionService(ctx)),
      );
      await api.register(uploadRoutes(ctx));
      await api.register(
        searchRoutes(
          createSearchService(ctx, { videos }),
          createHomeService(ctx, { interestsOf: (p) => interests.get(p) }),
        ),
      );
      await api.register(commentRoutes(createCommentService(ctx)));
      await api.register(feedbackRoutes(createFeedbackService(ctx))); // issue 19 part B (typed feedback)
      await api.register(notificationRoutes(createNotificationService(ctx)));
      await api.register(reflectionRoutes(createReflectionService(ctx), createStatisticsService(ctx)));
      const communities = createCommunityService(ctx, videos);
      await api.register(communityRoutes(communities, createFeedService(ctx, communities)));
      await api.register(postRoutes(createPostService(ctx, communities)));
      await api.register(packageRoutes(createPackageService(ctx)));
      await api.register(demandRoutes(createDemandService(ctx)));
      await api.register(courseRoutes(createCourseService(ctx)));
      await api.register(observationSetupRoutes(ctx));
      await api.register(observationVisitRoutes(ctx));
      await api.register(observationDataRoutes(ctx));
      await api.register(inquiryRoutes(ctx));
      await api.register(evaluationRoutes(ctx));
      await api.register(conversationRoutes(ctx));
      await api.register(progressionRoutes(ctx));
      await api.register(surveyRoutes(ctx));
      await api.register(demoRoutes(ctx));
      await api.register(aboutRoutes(ctx));
      await api.register(mydataRoutes(ctx, createExportService(ctx))); // issue 20 part 3 (Mine data, erasure)
    },
    { prefix: '/api/v1' },
  );
  await app.register(scimRoutes(ctx), { prefix: '/scim/v2' }); // issue 20 part 2: SCIM 2.0, bearer token
  media.register(app);
  registerWasRedirect(app, ctx);
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  // The web app; client-side routes get the app shell — for a shared or public video with its link preview
  // (Open Graph) in the head, since chat apps do not run JavaScript.
  await serveWebApp(app, async (shell, pagePath) => {
    const preview = await sharing.preview(pagePath).catch(() => null);
    return preview ? withPreview(shell, preview) : shell;
  });
  return { app, ctx };
}
