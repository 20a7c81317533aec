import type { Readable } from 'node:stream';
import { COACHING_LIMITS } from '../../../shared/coaching.js';
import {
  type Chapter,
  type ChapterIssue,
  type Cue,
  type CueIssue,
  chaptersToVtt,
  describeVttProblem,
  parseVtt,
  sortChapters,
  toVtt,
  validateChapters,
  validateCues,
} from '../../../shared/cues.js';
import type { AppContext } from '../../context.js';
import { AppError } from '../../http/errors.js';
import { transcriptionEngine } from '../../media/transcription.js';
import { type Actor, authorize } from '../../policy/index.js';
import { audit } from '../audit.js';
import { refreshSearchDocuments } from '../search-documents/index.js';
import * as edits from './cue-editor-repo.js';
import * as repo from './repo.js';
import { videoResource } from './service.js';
import { signedMediaPrefix } from './signing.js';
import { findTranscription, requestTranscription, type TranscriptionRow } from './transcriptions.js';

const presentRun = (r: TranscriptionRow) => ({
  status: r.status,
  cues: r.status === 'done' ? (r.cues ?? []) : null,
  requestedAt: r.createdAt,
  finishedAt: r.finishedAt,
});

/**
 * The caption and chapter editors (issue 19 part E, V9). Who edits: whoever may describe the video
 * (`video.describe`: the owner, and the catalogue's editors while it is in their review or published) — the same
 * people who may change its title and description. Everyone who may watch it may read the cues and chapters.
 *
 * The stored WebVTT file is written from the cues inside the transaction that raised the version (the row is
 * locked until commit), so two processes saving at once leave file, row and search document in step; the
 * second editor gets `caption.stale` / `chapters.stale` and loads the first one's list — nothing saved is lost.
 */
export const captionKey = (id: string, language: string) => `videos/${id}/captions/${language}.vtt`;
export const chaptersKey = (id: string) => `videos/${id}/chapters.vtt`;

type Locale = 'da' | 'en';

const CUE_WORDS: Record<CueIssue, { da: string; en: string }> = {
  reversed: { da: 'Sluttiden skal ligge efter starttiden.', en: 'The end must come after the start.' },
  overlap: {
    da: 'Starter før den forrige undertekst slutter.',
    en: 'Starts before the previous caption ends.',
  },
  beyond_end: { da: 'Ligger efter videoens slutning.', en: 'Lies beyond the end of the video.' },
  negative: { da: 'Tiden kan ikke være negativ.', en: 'The time cannot be negative.' },
  empty: { da: 'Teksten mangler.', en: 'The text is missing.' },
  too_long: { da: 'Teksten er for lang.', en: 'The text is too long.' },
};
const CHAPTER_WORDS: Record<ChapterIssue, { da: string; en: string }> = {
  unsorted: { da: 'Kapitlerne skal stå i tidsorden.', en: 'Chapters must be in time order.' },
  duplicate: { da: 'Et andet kapitel starter samme sted.', en: 'Another chapter starts at the same time.' },
  beyond_end: { da: 'Ligger efter videoens slutning.', en: 'Lies beyond the end of the video.' },
  negative: { da: 'Tiden kan ikke være negativ.', en: 'The time cannot be negative.' },
  empty: { da: 'Titlen mangler.', en: 'The title is missing.' },
  too_long: { da: 'Titlen er for lang.', en: 'The title is too long.' },
};

const text = async (stream: Readable) => {
  const parts: Buffer[] = [];
  for await (const part of stream) parts.push(Buffer.from(part));
  return Buffer.concat(parts).toString('utf8');
};
/** Cue text as the file keeps it: lines trimmed, no blank line (it would end the cue). */
const plain = (text: string) =>
  text
    .split(/\r\n|\r|\n/)
    .map((l) => l.trim())
    .filter(Boolean)
    .join('\n');
const round = (s: number) => Math.round(s * 1000) / 1000;
const searchText = (cues: Cue[]) => cues.map((c) => c.text.replace(/\s+/g, ' ')).join('\n');

export function createCueEditorService(ctx: AppContext) {
  const { db, storage } = ctx;

  async function load(actor: Actor, id: string, action: 'video.read' | 'video.describe') {
    const v = await repo.getVideo(db, id);
    if (!v) throw new AppError('video.not_found');
    authorize(actor, action, videoResource(v));
    return v;
  }

  async function readCues(id: string, language: string) {
    const row = await edits.getCaption(db, id, language);
    if (!row) return { version: 0, label: '', cues: [] as Cue[], updatedAt: null };
    const body = (await storage.stat(captionKey(id, language)))
      ? await text(await storage.read(captionKey(id, language)))
      : '';
    const parsed = parseVtt(body, true);
    return {
      version: row.version,
      label: row.label,
      cues: parsed.ok ? parsed.cues : [],
      updatedAt: row.updatedAt.toISOString(),
    };
  }

  /** Writes cues (checked) as the language's captions when the version still holds; the new list. */
  async function saveCues(
    actor: Actor,
    v: repo.VideoDetail,
    language: string,
    o: { version: number; label: string; cues: Cue[]; action: string },
    locale: Locale,
  ) {
    const cues = o.cues
      .map((c) => ({ start: round(c.start), end: round(c.end), text: plain(c.text) }))
      .sort((a, b) => a.start - b.start || a.end - b.end);
    if (cues.length > COACHING_LIMITS.captionCues) throw new AppError('caption.too_many_cues');
    const issues = validateCues(cues, v.durationSeconds);
    if (cues.length === 0) throw new AppError('caption.cues_invalid');
    if (issues.size)
      throw new AppError(
        'caption.cues_invalid',
        [...issues].map(([i, issue]) => ({ path: `cues.${i}`, message: CUE_WORDS[issue][locale] })),
      );
    const vtt = toVtt(cues);
    if (Buffer.byteLength(vtt) > COACHING_LIMITS.captionBytes) throw new AppError('caption.too_large');
    const saved = await db.transaction(async (tx) => {
      const row = await edits.saveCaption(tx, {
        videoId: v.id,
        language,
        label: o.label,
        text: searchText(cues),
        version: o.version,
      });
      if (!row) throw new AppError('caption.stale');
      await refreshSearchDocuments(tx, [v.id]);
      await audit(tx, actor, o.action, 'video', v.id, { language, cues: cues.length });
      // Last: a failed write rolls the row back; a stale save never gets here.
      await storage.putBytes(captionKey(v.id, language), vtt, 'text/vtt; charset=utf-8');
      return row;
    });
    ctx.events.publish({ type: 'video.access.changed', videoId: v.id });
    // What was written (the file reads back to these cues): no second read.
    return { version: saved.version, label: o.label, cues, updatedAt: saved.updatedAt.toISOString() };
  }

  function chaptersTrack(v: repo.VideoDetail, version: number, count: number) {
    if (v.status !== 'ready' || count === 0) return null;
    return `${signedMediaPrefix(ctx.secret, v.id, v.accessVersion)}chapters.vtt?v=${version}`;
  }

  return {
    async getCues(actor: Actor, id: string, language: string) {
      await load(actor, id, 'video.read');
      return readCues(id, language);
    },

    async putCues(
      actor: Actor,
      id: string,
      language: string,
      body: { version: number; label?: string; cues: Cue[] },
      locale: Locale,
    ) {
      const v = await load(actor, id, 'video.describe');
      const current = await edits.getCaption(db, id, language);
      const label = body.label ?? current?.label ?? language;
      return saveCues(actor, v, language, { ...body, label, action: 'video.caption.edit' }, locale);
    },

    /**
     * A WebVTT file uploaded whole (the owner, as before the editor): read with the editor's parser (BOM, CRLF,
     * settings, NOTE/STYLE allowed; the first bad line named in the error's details), then saved on top of
     * whatever version is there (a new version: an editor who loaded the old one gets caption.stale).
     */
    async importFile(
      actor: Actor,
      id: string,
      language: string,
      label: string,
      body: string,
      locale: Locale,
    ) {
      await load(actor, id, 'video.describe');
      if (Buffer.byteLength(body) > COACHING_LIMITS.captionBytes) throw new AppError('caption.too_large');
      const parsed = parseVtt(body);
      if (!parsed.ok) {
        const code = parsed.problem.kind === 'too_many_cues' ? 'caption.too_many_cues' : 'caption.invalid';
        throw new AppError(code, [
          { path: `line.${parsed.problem.line}`, message: describeVttProblem(parsed.problem, locale) },
        ]);
      }
      // An upload replaces what is there; it does not check the editor's version (the owner chose the file).
      // The file is kept as uploaded (its cue settings, styles and markup are the player's to read: a tag such as
      // <script> in a WebVTT payload is an unknown tag the player drops, never markup it runs); the editor reads
      // it as plain text and writes it again on its first save. Overlaps are allowed here as WebVTT allows them;
      // the editor marks them before its next save.
      const current = await edits.getCaption(db, id, language);
      const cues = parsed.cues;
      await db.transaction(async (tx) => {
        const saved = await edits.saveCaption(tx, {
          videoId: id,
          language,
          label,
          text: searchText(cues),
          version: current?.version ?? 0,
        });
        if (!saved) throw new AppError('caption.stale');
        await refreshSearchDocuments(tx, [id]);
        await audit(tx, actor, 'video.caption.put', 'video', id, { language, cues: cues.length });
        await storage.putBytes(captionKey(id, language), body, 'text/vtt; charset=utf-8');
      });
      ctx.events.publish({ type: 'video.access.changed', videoId: id });
    },

    async getChapters(actor: Actor, id: string) {
      const v = await load(actor, id, 'video.read');
      const row = await edits.getChapters(db, id);
      const chapters = row?.chapters ?? [];
      return {
        version: row?.version ?? 0,
        chapters,
        trackUrl: chaptersTrack(v, row?.version ?? 0, chapters.length),
      };
    },

    async putChapters(
      actor: Actor,
      id: string,
      body: { version: number; chapters: Chapter[] },
      locale: Locale,
    ) {
      const v = await load(actor, id, 'video.describe');
      if (body.chapters.length > COACHING_LIMITS.chapters) throw new AppError('chapters.too_many');
      const chapters = sortChapters(
        body.chapters.map((c) => ({ start: round(c.start), title: c.title.replace(/\s+/g, ' ').trim() })),
      );
      const issues = validateChapters(chapters, v.durationSeconds);
      if (issues.size)
        throw new AppError(
          'chapters.invalid',
          [...issues].map(([i, issue]) => ({ path: `chapters.${i}`, message: CHAPTER_WORDS[issue][locale] })),
        );
      await db.transaction(async (tx) => {
        const saved = await edits.saveChapters(tx, {
          videoId: id,
          chapters,
          version: body.version,
          by: actor.id,
        });
        if (!saved) throw new AppError('chapters.stale');
        // Chapter titles are part of the search document (D, with the captions).
        await refreshSearchDocuments(tx, [id]);
        await audit(tx, actor, 'video.chapters.edit', 'video', id, { chapters: chapters.length });
        if (chapters.length)
          await storage.putBytes(
            chaptersKey(id),
            chaptersToVtt(chapters, v.durationSeconds),
            'text/vtt; charset=utf-8',
          );
        else await storage.delete(chaptersKey(id));
      });
      ctx.events.publish({ type: 'video.access.changed', videoId: id });
      return this.getChapters(actor, id);
    },

    transcriptionAvailable: () => ({ available: transcriptionEngine() !== null }),

    /**
     * Starts automatic captions for the video's sound in a background job, or finds the run under way; the
     * editor polls `transcription` and loads the cues, unsaved, for the owner to check.
     */
    async transcribe(actor: Actor, id: string, language: string) {
      await load(actor, id, 'video.describe');
      if (!transcriptionEngine()) throw new AppError('transcription.not_configured');
      if (!(await storage.stat(`originals/${id}`))) throw new AppError('transcription.no_original');
      const { row, fresh } = await requestTranscription(db, { videoId: id, language, by: actor.id });
      if (fresh) {
        await ctx.jobs.send('video.transcribe', { transcriptionId: row.id }, { key: row.id });
        await audit(db, actor, 'video.caption.transcribe', 'video', id, { language });
      }
      return presentRun(row);
    },

    /** The run of automatic captions for the video and language: its state, and its cues once done. */
    async transcription(actor: Actor, id: string, language: string) {
      await load(actor, id, 'video.describe');
      const row = await findTranscription(db, id, language);
      if (!row) throw new AppError('transcription.not_found');
      return presentRun(row);
    },
  };
}

export type CueEditorService = ReturnType<typeof createCueEditorService>;
