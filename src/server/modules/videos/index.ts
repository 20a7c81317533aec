// The front door of the videos module: what other modules and app.ts may use. Videos is the bottom of the
// content cluster (catalogue, search, reflection, comments, communities, packages and training build on it);
// it uses only search-documents of the other modules.
export { accessOf, applyAccess } from './access.js';
export { createCaptionService } from './captions.js';
export { clipRoutes, createClipService } from './clips.js';
export { allowedVisibility } from './consent.js';
export { createCueEditorService } from './cue-editor.js';
export { cueEditorRoutes } from './cue-editor-routes.js';
export { createGrantService, endExpiredGrants } from './grants.js';
export { grantRoutes } from './grants-routes.js';
export { mediaRoutes } from './media-routes.js';
export { withPreview } from './open-graph.js';
export { type PipelineOptions, startProcessing, startVideoPipeline } from './pipeline.js';
// The renditions step's code is part of the demo media cache's key (demo/media.ts hashes the pipeline's code).
export { makeRenditions, mediaRecord } from './renditions-step.js';
export { getVideo, listVideos, type PolicyVideo, policyColumns, type VideoDetail } from './repo.js';
export { videoRoutes } from './routes.js';
export { createVideoService, presentVideo, type VideoService, videoResource } from './service.js';
export { createSharingService } from './sharing.js';
export { signedMediaPrefix } from './signing.js';
export { startTranscriptionWorker } from './transcriptions.js';
export { uploadRoutes } from './uploads.js';
export { parseWebVtt } from './webvtt.js';
