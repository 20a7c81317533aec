import fs from 'node:fs';
import path from 'node:path';

export class LockError extends Error {}

function alive(pid: number) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Takes `<dir>/amongi.lock` for this process. PGlite loses writes when two processes share a data dir, so a
 * second process refuses to start. A lock left by a process that no longer runs is taken over.
 */
export function acquireLock(dir: string): () => void {
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, 'amongi.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(file, `${process.pid}\n`, { flag: 'wx' });
      return () => {
        try {
          if (fs.readFileSync(file, 'utf8').trim() === String(process.pid)) fs.unlinkSync(file);
        } catch {
          /* already gone */
        }
      };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const pid = Number.parseInt(fs.readFileSync(file, 'utf8'), 10);
      if (Number.isFinite(pid) && pid !== process.pid && alive(pid))
        throw new LockError(
          `Datamappen ${dir} bruges allerede af en anden Amongi-proces (pid ${pid}). ` +
            'Stop den først, eller start med en anden DATA_DIR.',
        );
      fs.unlinkSync(file);
    }
  }
  throw new LockError(`Kunne ikke låse datamappen ${dir}.`);
}
