import { ERRORS, type Lock, type Locker, MemoryLocker, type RequestRelease } from '@tus/server';
import type { AppContext } from '../../context.js';

/** The first key of the two-key advisory locks on uploads (the second is hashtext of the upload id). */
const UPLOAD_LOCK_SPACE = 0x616d6f03;
const POLL_MS = 50;
const ASK_AGAIN_MS = 1_000;

type Client = Awaited<ReturnType<NonNullable<AppContext['database']['connectDedicated']>>>;

/**
 * One writer per upload id across every process (tus and the fast path share it). Inside the process a
 * MemoryLocker; on PostgreSQL also a session advisory lock keyed by the upload id, held on one dedicated
 * connection per process. A waiter asks the holder to let go as tus does (`requestRelease`): in this process
 * through the MemoryLocker, in another through the `upload.release` event (NOTIFY). When the dedicated
 * connection is lost, so are its locks: every holder here is asked to stop at once.
 */
export class UploadLocker implements Locker {
  readonly #memory: MemoryLocker;
  /** Who holds the database lock of an upload in this process, and how to ask them to let go. */
  readonly #holders = new Map<string, RequestRelease>();
  #client: Promise<Client> | undefined;
  #closed = false;

  constructor(
    private readonly ctx: AppContext,
    private readonly timeoutMs = 30_000,
  ) {
    this.#memory = new MemoryLocker({ acquireLockTimeout: timeoutMs });
    ctx.events.subscribe('upload.release', (e) => void this.#holders.get(e.uploadId)?.());
  }

  get crossProcess() {
    return this.ctx.database.kind === 'postgres' && !!this.ctx.database.connectDedicated;
  }

  newLock(id: string): Lock {
    const inner = this.#memory.newLock(id);
    if (!this.crossProcess) return inner;
    let held = false;
    return {
      lock: async (signal: AbortSignal, requestRelease: RequestRelease) => {
        await inner.lock(signal, requestRelease);
        try {
          await this.#acquire(id, signal);
        } catch (err) {
          await inner.unlock();
          throw err;
        }
        held = true;
        this.#holders.set(id, requestRelease);
      },
      unlock: async () => {
        if (held) {
          held = false;
          this.#holders.delete(id);
          await this.#query('select pg_advisory_unlock($1, hashtext($2))', id).catch(() => {});
        }
        await inner.unlock();
      },
    };
  }

  async #acquire(id: string, signal: AbortSignal) {
    const deadline = Date.now() + this.timeoutMs;
    let askedAt = 0;
    for (;;) {
      const r = await this.#query('select pg_try_advisory_lock($1, hashtext($2)) as ok', id);
      if ((r.rows[0] as { ok: boolean }).ok) return;
      if (signal.aborted) throw ERRORS.ABORTED;
      if (Date.now() > deadline) throw ERRORS.ERR_LOCK_TIMEOUT;
      if (Date.now() - askedAt >= ASK_AGAIN_MS) {
        askedAt = Date.now();
        this.ctx.events.publish({ type: 'upload.release', uploadId: id });
      }
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
  }

  async #query(text: string, id: string) {
    const client = await this.#connection();
    return client.query(text, [UPLOAD_LOCK_SPACE, id]);
  }

  #connection(): Promise<Client> {
    if (this.#closed) return Promise.reject(new Error('upload locker closed'));
    if (!this.#client) {
      const connect = this.ctx.database.connectDedicated as NonNullable<
        AppContext['database']['connectDedicated']
      >;
      const opening = connect().then((client) => {
        const lost = () => {
          if (this.#client !== opening) return;
          this.#client = undefined;
          // Its advisory locks went with it: whoever writes here must stop.
          for (const release of this.#holders.values()) void release();
        };
        client.on('error', lost);
        client.on('end', lost);
        return client;
      });
      opening.catch(() => {
        if (this.#client === opening) this.#client = undefined;
      });
      this.#client = opening;
    }
    return this.#client;
  }

  /** Ends the dedicated connection (and so every advisory lock this process holds). */
  async close() {
    this.#closed = true;
    const c = this.#client;
    this.#client = undefined;
    if (c) await c.then((client) => client.end()).catch(() => {});
  }
}
