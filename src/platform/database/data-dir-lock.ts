import fs from 'node:fs';
import path from 'node:path';

export class DataDirectoryInUseError extends Error {
  constructor(dataDir: string, holderPid: number) {
    super(
      `The embedded database in ${dataDir} is already open in another Probity process (pid ${holderPid}). ` +
        'The embedded database serves one process at a time: stop the other process first, ' +
        'or run several processes on PostgreSQL by setting DATABASE_URL.',
    );
    this.name = 'DataDirectoryInUseError';
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readHolder(lockFile: string): number | undefined {
  try {
    const pid = Number.parseInt(fs.readFileSync(lockFile, 'utf8'), 10);
    return Number.isFinite(pid) ? pid : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Creates a file holding this process's id, only if none is there. The id is written to a file
 * of our own first and linked into place, so another process never reads a lock half-written.
 */
function createHoldingOwnPid(file: string): boolean {
  const own = `${file}.${process.pid}`;
  fs.writeFileSync(own, String(process.pid));
  try {
    fs.linkSync(own, file);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  } finally {
    fs.rmSync(own, { force: true });
  }
}

function pause(milliseconds: number) {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, milliseconds);
}

/**
 * Takes the embedded database's data directory for this process alone. PGlite
 * has no locking of its own: two processes writing one directory would corrupt
 * it. The lock file is created atomically. One left by a process that died is
 * cleared by one process at a time (holding a takeover file while it checks and
 * removes it), so two processes starting together can never both take over the
 * same stale lock, nor one remove the other's fresh one.
 */
export function lockDataDirectory(dataDir: string): () => void {
  fs.mkdirSync(dataDir, { recursive: true });
  const lockFile = path.join(dataDir, 'probity.lock');
  const takeoverFile = `${lockFile}.takeover`;
  for (let attempt = 0; attempt < 200; attempt++) {
    if (createHoldingOwnPid(lockFile)) {
      return () => {
        if (readHolder(lockFile) === process.pid) fs.rmSync(lockFile, { force: true });
      };
    }
    const holder = readHolder(lockFile);
    if (holder !== undefined && holder !== process.pid && isRunning(holder)) {
      throw new DataDirectoryInUseError(dataDir, holder);
    }
    if (createHoldingOwnPid(takeoverFile)) {
      try {
        // Still the same stale lock: nobody else has cleared it and taken the directory since.
        if (readHolder(lockFile) === holder) fs.rmSync(lockFile, { force: true });
      } finally {
        fs.rmSync(takeoverFile, { force: true });
      }
    } else {
      const taker = readHolder(takeoverFile);
      if (taker !== undefined && !isRunning(taker)) fs.rmSync(takeoverFile, { force: true });
      pause(10);
    }
  }
  throw new Error(`Could not take the lock on ${lockFile}`);
}
