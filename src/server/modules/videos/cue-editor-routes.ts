import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import * as c from '../../../shared/contracts/coaching-captions.js';
import { idParams } from '../../../shared/contracts/common.js';
import { requireActor } from '../../auth/session.js';
import { requestLocale } from '../../http/locale.js';
import { reply } from '../../http/schemas.js';
import { ANONYMOUS } from '../../policy/index.js';
import type { CueEditorService } from './cue-editor.js';

/** Captions and chapters editors (issue 19 part E): cue lists, chapters, automatic transcription. */
export function cueEditorRoutes(editor: CueEditorService): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['videos'];
    const params = c.CueParams;
    app.get(
      '/videos/:id/captions/:language/cues',
      {
        schema: {
          tags,
          description:
            "A language's captions as a cue list (seconds, plain text) with the version to save on; version 0 when there are none yet.",
          params,
          response: reply(c.CueList),
        },
      },
      async (req) => editor.getCues(req.actor ?? ANONYMOUS, req.params.id, req.params.language),
    );
    app.put(
      '/videos/:id/captions/:language/cues',
      {
        schema: {
          tags,
          description:
            'Saves the whole cue list (owner or the catalogue editors who may describe the video): no reversed or overlapping times, within the video; the WebVTT file is written from it and search re-indexed. A stale version → 409 caption.stale (load the list again).',
          params,
          body: c.CueSave,
          response: reply(c.CueList),
        },
      },
      async (req) =>
        editor.putCues(requireActor(req), req.params.id, req.params.language, req.body, requestLocale(req)),
    );
    app.post(
      '/videos/:id/captions/:language/transcribe',
      {
        schema: {
          tags,
          description:
            'Starts automatic captions from the local speech recogniser an operator configured (TRANSCRIPTION_COMMAND) as a background job, or answers the run already under way for this language (202). Poll GET …/transcription; the cues are not saved. Without an engine: 503 transcription.not_configured.',
          params,
          response: { 202: c.TranscriptionRun, ...reply(c.TranscriptionRun) },
        },
      },
      async (req, res) =>
        res.status(202).send(await editor.transcribe(requireActor(req), req.params.id, req.params.language)),
    );
    app.get(
      '/videos/:id/captions/:language/transcription',
      {
        schema: {
          tags,
          description:
            'The run of automatic captions for this language: queued, running, done (with the cues, unsaved) or failed; 404 transcription.not_found when none was asked for.',
          params,
          response: reply(c.TranscriptionRun),
        },
      },
      async (req) => editor.transcription(requireActor(req), req.params.id, req.params.language),
    );
    app.get(
      '/transcription',
      {
        schema: {
          tags,
          description: 'Whether automatic captions can be made on this installation.',
          response: reply(c.TranscriptionStatus),
        },
      },
      async (req) => {
        requireActor(req);
        return editor.transcriptionAvailable();
      },
    );
    app.get(
      '/videos/:id/chapters',
      {
        schema: {
          tags,
          description: "The video's chapters (sorted by start) and the signed WebVTT chapters track.",
          params: idParams,
          response: reply(c.ChapterList),
        },
      },
      async (req) => editor.getChapters(req.actor ?? ANONYMOUS, req.params.id),
    );
    app.put(
      '/videos/:id/chapters',
      {
        schema: {
          tags,
          description:
            'Saves the chapters (unique starts within the video, titles); titles are searched. A stale version → 409 chapters.stale.',
          params: idParams,
          body: c.ChapterSave,
          response: reply(c.ChapterList),
        },
      },
      async (req) => editor.putChapters(requireActor(req), req.params.id, req.body, requestLocale(req)),
    );
  };
}
