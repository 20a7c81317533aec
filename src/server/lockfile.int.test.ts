import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { acquireLock, LockError } from './lockfile.js';

const lockModule = path.join(path.dirname(fileURLToPath(import.meta.url)), 'lockfile.ts');
const children: ChildProcess[] = [];
const dirs: string[] = [];
afterEach(() => {
  for (const c of children.splice(0)) if (c.exitCode === null) c.kill('SIGKILL');
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

function tempDir() {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'amongi-lock-'));
  dirs.push(d);
  return d;
}

/** Another Node process that tries to take the lock: prints "locked" and holds it, or prints the error and exits 3. */
function otherProcess(dir: string) {
  const code = `
    import { acquireLock } from ${JSON.stringify(lockModule)};
    try { acquireLock(${JSON.stringify(dir)}); console.log('locked'); setInterval(() => {}, 1000); }
    catch (e) { console.log(e.constructor.name + ': ' + e.message); process.exit(3); }`;
  const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', code], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  children.push(child);
  let out = '';
  child.stdout?.on('data', (d) => {
    out += d;
  });
  const firstLine = new Promise<string>((resolve, reject) => {
    child.stdout?.on('data', () => out.includes('\n') && resolve(out.trim()));
    child.on('exit', () => resolve(out.trim()));
    child.on('error', reject);
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (c) => resolve(c)));
  return { child, firstLine, exited };
}

describe('data dir lock', () => {
  it('a second process on a locked dir refuses with the Danish message naming the holder', async () => {
    const dir = tempDir();
    const release = acquireLock(dir);
    try {
      const other = otherProcess(dir);
      expect(await other.firstLine).toBe(
        `LockError: Datamappen ${dir} bruges allerede af en anden Amongi-proces (pid ${process.pid}). ` +
          'Stop den først, eller start med en anden DATA_DIR.',
      );
      expect(await other.exited).toBe(3);
      expect(fs.readFileSync(path.join(dir, 'amongi.lock'), 'utf8').trim()).toBe(String(process.pid));
    } finally {
      release();
    }
    expect(fs.existsSync(path.join(dir, 'amongi.lock'))).toBe(false);
  });

  it('refuses while another live process holds the lock, and takes it over once that process is gone', async () => {
    const dir = tempDir();
    const other = otherProcess(dir);
    expect(await other.firstLine).toBe('locked');
    const pid = other.child.pid as number;
    expect(() => acquireLock(dir)).toThrow(LockError);
    expect(() => acquireLock(dir)).toThrow(`(pid ${pid})`);

    other.child.kill('SIGKILL'); // dies without releasing: the lock file stays behind
    await other.exited;
    expect(fs.readFileSync(path.join(dir, 'amongi.lock'), 'utf8').trim()).toBe(String(pid));
    const release = acquireLock(dir);
    expect(fs.readFileSync(path.join(dir, 'amongi.lock'), 'utf8').trim()).toBe(String(process.pid));
    release();
  });

  it('takes over a lock file with garbage in it, and creates a missing dir', () => {
    const dir = path.join(tempDir(), 'nested', 'data');
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, 'amongi.lock'), 'not a pid\n');
    const release = acquireLock(dir);
    expect(fs.readFileSync(path.join(dir, 'amongi.lock'), 'utf8').trim()).toBe(String(process.pid));
    release();
    const fresh = path.join(tempDir(), 'does', 'not', 'exist');
    acquireLock(fresh)();
    expect(fs.existsSync(fresh)).toBe(true);
  });

  it('release does not remove a lock that another process has taken since', () => {
    const dir = tempDir();
    const release = acquireLock(dir);
    fs.writeFileSync(path.join(dir, 'amongi.lock'), '999999999\n');
    release();
    expect(fs.readFileSync(path.join(dir, 'amongi.lock'), 'utf8').trim()).toBe('999999999');
  });
});
