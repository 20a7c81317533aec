import { spawn } from 'node:child_process';
import { type Cue, parseVtt } from '../../shared/cues.js';

/**
 * Automatic captions (issue 19 part E, V9): the interface to a local speech recogniser an operator provides.
 * Amongi ships no model — recordings of pupils never leave the machine — so without one the action answers
 * `transcription.not_configured` and the editor says what an operator must provide (docs/operations.md).
 *
 * The engine contract: `TRANSCRIPTION_COMMAND` names an executable (say a small script around whisper.cpp with a
 * Danish or multilingual model). Amongi runs it as its own process, without a shell, as
 *
 *     <TRANSCRIPTION_COMMAND> <input media file> <language, e.g. da>
 *
 * and reads WebVTT from its standard output; exit code 0 means done. Anything else (another exit code, no
 * WebVTT, a run longer than TRANSCRIPTION_TIMEOUT_SECONDS, default 1800) is `transcription.failed`. The cues go
 * to the editor unsaved; the owner reads them through and saves.
 */
export type TranscriptionEngine = {
  transcribe(input: string, language: string, signal?: AbortSignal): Promise<Cue[]>;
};

export class TranscriptionError extends Error {
  constructor(
    readonly reason: 'exit' | 'timeout' | 'output' | 'spawn',
    detail = '',
  ) {
    super(`transcription ${reason}${detail ? `: ${detail}` : ''}`);
  }
}

/** Standard output beyond this is not captions (2 × the caption file limit, for a generous engine). */
const MAX_OUTPUT = 4_000_000;

/** The engine the environment configures, or null when none is (read on each use: operators may change it). */
export function transcriptionEngine(env: NodeJS.ProcessEnv = process.env): TranscriptionEngine | null {
  const command = env.TRANSCRIPTION_COMMAND?.trim();
  if (!command) return null;
  const timeoutMs = (Number(env.TRANSCRIPTION_TIMEOUT_SECONDS) || 1800) * 1000;
  return { transcribe: (input, language, signal) => run(command, [input, language], timeoutMs, signal) };
}

function run(command: string, args: string[], timeoutMs: number, signal?: AbortSignal): Promise<Cue[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], signal });
    const out: Buffer[] = [];
    let size = 0;
    let stderr = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new TranscriptionError('timeout'));
    }, timeoutMs);
    child.stdout.on('data', (b: Buffer) => {
      size += b.length;
      if (size > MAX_OUTPUT) {
        child.kill('SIGKILL');
        return;
      }
      out.push(b);
    });
    child.stderr.on('data', (b: Buffer) => {
      stderr = (stderr + b.toString()).slice(-2000);
    });
    child.on('error', (err) => {
      clearTimeout(timer);
      reject(new TranscriptionError('spawn', err.message));
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      if (code !== 0 || size > MAX_OUTPUT)
        return reject(new TranscriptionError('exit', `${code} ${stderr.trim().slice(-300)}`));
      const parsed = parseVtt(Buffer.concat(out).toString('utf8'));
      if (!parsed.ok) return reject(new TranscriptionError('output', parsed.problem.kind));
      resolve(parsed.cues);
    });
  });
}
