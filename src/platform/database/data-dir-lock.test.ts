import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { connectEmbedded } from './connect.js';
import { DataDirectoryInUseError, lockDataDirectory } from './data-dir-lock.js';

const here = path.dirname(new URL(import.meta.url).pathname);
let child: ChildProcess | undefined;
let dir: string | undefined;

afterEach(() => {
  child?.kill();
  child = undefined;
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
  dir = undefined;
});

/** Another process that takes the data directory's lock and holds it until killed. */
async function anotherProcessHolding(dataDir: string): Promise<ChildProcess> {
  const script = `import(${JSON.stringify(path.join(here, 'data-dir-lock.ts'))}).then((m) => {
    m.lockDataDirectory(${JSON.stringify(dataDir)});
    process.stdout.write('held');
    setInterval(() => {}, 1000);
  });`;
  const holder = spawn(process.execPath, ['--import', 'tsx', '-e', script], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise<void>((resolve, reject) => {
    holder.stdout!.once('data', () => resolve());
    holder.once('exit', (code) => reject(new Error(`the holder exited with ${code}`)));
  });
  return holder;
}

describe('the embedded database is single-process', () => {
  it('refuses a second process with a clear message, and takes over a lock left by a process that died', async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'probity-lock-'));
    child = await anotherProcessHolding(dir);

    expect(() => lockDataDirectory(dir!)).toThrow(DataDirectoryInUseError);
    await expect(connectEmbedded(dir)).rejects.toThrow(
      `The embedded database in ${dir} is already open in another Probity process (pid ${child.pid})`,
    );
    // Nothing of the database was created by the refused process.
    expect(fs.existsSync(path.join(dir, 'pgdata'))).toBe(false);

    const exited = new Promise((resolve) => child!.once('exit', resolve));
    child.kill();
    await exited;
    const release = lockDataDirectory(dir);
    expect(fs.readFileSync(path.join(dir, 'probity.lock'), 'utf8')).toBe(String(process.pid));
    release();
    expect(fs.existsSync(path.join(dir, 'probity.lock'))).toBe(false);
  });

  it('lets exactly one of several processes starting together take over a lock left by a process that died', async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'probity-lock-'));
    const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']);
    fs.writeFileSync(path.join(dir, 'probity.lock'), dead.stdout.toString());

    const startAt = Date.now() + 3000;
    const script = `import(${JSON.stringify(path.join(here, 'data-dir-lock.ts'))}).then((m) => {
      while (Date.now() < ${startAt}) {}
      try {
        m.lockDataDirectory(${JSON.stringify(dir)});
        process.stdout.write('locked');
        setInterval(() => {}, 1000);
      } catch (error) {
        process.stdout.write(error.name === 'DataDirectoryInUseError' ? 'in-use' : 'error: ' + error.message);
      }
    });`;
    // Each answers once; the one that took the lock holds it until every other has answered.
    const contenders = Array.from({ length: 6 }, () =>
      spawn(process.execPath, ['--import', 'tsx', '-e', script], { stdio: ['ignore', 'pipe', 'inherit'] }),
    );
    const answers = await Promise.all(
      contenders.map(
        (contender) =>
          new Promise<string>((resolve) => {
            contender.stdout!.once('data', (chunk: Buffer) => resolve(chunk.toString()));
            contender.once('exit', () => resolve('exited without answering'));
          }),
      ),
    );
    for (const contender of contenders) contender.kill();
    expect(answers.filter((a) => a === 'locked')).toHaveLength(1);
    expect(answers.filter((a) => a === 'in-use')).toHaveLength(5);
  }, 30_000);
});
