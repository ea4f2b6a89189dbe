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
 * Takes the embedded database's data directory for this process alone. PGlite
 * has no locking of its own: two processes writing one directory would corrupt
 * it. The lock file is created atomically; one left by a process that died is
 * taken over.
 */
export function lockDataDirectory(dataDir: string): () => void {
  fs.mkdirSync(dataDir, { recursive: true });
  const lockFile = path.join(dataDir, 'probity.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(lockFile, String(process.pid), { flag: 'wx' });
      return () => {
        if (readHolder(lockFile) === process.pid) fs.rmSync(lockFile, { force: true });
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = readHolder(lockFile);
      if (holder !== undefined && holder !== process.pid && isRunning(holder)) {
        throw new DataDirectoryInUseError(dataDir, holder);
      }
      fs.rmSync(lockFile, { force: true });
    }
  }
  throw new Error(`Could not take the lock on ${lockFile}`);
}
