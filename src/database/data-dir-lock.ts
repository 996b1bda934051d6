import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';

export class DataDirLockedError extends Error {
  override name = 'DataDirLockedError';
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

const heldHere = new Set<string>();

/**
 * An exclusive lock on the embedded database's data directory: PGlite is single-process, and a second
 * process opening the same files would corrupt them. A lock left by a process that died is taken over.
 */
export class DataDirLock {
  private constructor(private readonly path: string) {}

  static acquire(dataDir: string): DataDirLock {
    mkdirSync(dataDir, { recursive: true });
    const path = join(dataDir, 'scorekeeper.lock');
    if (heldHere.has(path)) {
      throw new DataDirLockedError(
        `The data directory ${dataDir} is already open in this process; the embedded database allows one user at a time.`,
      );
    }
    for (let attempt = 0; attempt < 2; attempt++) {
      try {
        const fd = openSync(path, 'wx');
        writeSync(fd, String(process.pid));
        closeSync(fd);
        heldHere.add(path);
        return new DataDirLock(path);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
        const holder = Number.parseInt(readFileSync(path, 'utf8'), 10);
        if (Number.isInteger(holder) && holder !== process.pid && isRunning(holder)) {
          throw new DataDirLockedError(
            `The data directory ${dataDir} is in use by another Scorekeeper process (pid ${holder}); ` +
              'the embedded database allows one process at a time. Stop it, or set DATABASE_URL to share a PostgreSQL server.',
          );
        }
        rmSync(path, { force: true });
      }
    }
    throw new DataDirLockedError(`Could not lock the data directory ${dataDir}`);
  }

  release(): void {
    heldHere.delete(this.path);
    rmSync(this.path, { force: true });
  }
}
