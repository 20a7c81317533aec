import { CAPTION_LANGUAGE } from '../../../shared/contracts/videos.js';
import type { AppContext } from '../../context.js';
import { AppError } from '../../http/errors.js';
import type { Actor } from '../../policy/index.js';
import { audit } from '../audit.js';
import { refreshSearchDocuments } from '../search-documents/index.js';
import { createCueEditorService } from './cue-editor.js';
import * as repo from './repo.js';
import { presentVideo, type VideoService } from './service.js';
import * as shares from './shares-repo.js';

export const LANGUAGE = CAPTION_LANGUAGE;

/** Captions (V9, first part): one WebVTT file per language, checked, stored beside the video, text kept for search. */
export function createCaptionService(ctx: AppContext, videos: VideoService) {
  const { db, storage } = ctx;
  const editor = createCueEditorService(ctx);
  return {
    async put(actor: Actor, id: string, language: string, label: string, body: string, locale: 'da' | 'en') {
      await videos.load(actor, id, 'video.update');
      if (!LANGUAGE.test(language)) throw new AppError('request.invalid');
      // Read, checked and written as the cue editor does (issue 19 part E): one writer of caption files.
      await editor.importFile(actor, id, language, label, body, locale);
      return presentVideo(ctx, actor, (await repo.getVideo(db, id)) as repo.VideoDetail, locale);
    },

    async remove(actor: Actor, id: string, language: string) {
      await videos.load(actor, id, 'video.update');
      const removed = await db.transaction(async (tx) => {
        const gone = await shares.deleteCaption(tx, id, language);
        if (gone) await refreshSearchDocuments(tx, [id]);
        if (gone) await audit(tx, actor, 'video.caption.delete', 'video', id, { language });
        return gone;
      });
      if (!removed) throw new AppError('caption.not_found');
      await storage.delete(`videos/${id}/captions/${language}.vtt`);
    },
  };
}

export type CaptionService = ReturnType<typeof createCaptionService>;
