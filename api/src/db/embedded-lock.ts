import { randomBytes } from 'node:crypto';
import { linkSync, readFileSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';

// The embedded engine (PGlite) keeps its database in files that only one process may open: a second
// process (`pnpm seed:demo` or `pnpm db:migrate` beside a running server, or two servers) would
// write over the first one's pages and damage the data. Whoever opens the engine on a folder takes
// `<folder>.lock` first, naming its pid; it is released on close (and when the process exits), and
// a lock whose process is gone (a crash, kill -9) is taken over.

/** Who holds the lock, as written in the file. */
export interface LockHolder {
  pid: number;
  hostname: string;
  /** When the holder took the lock (ISO timestamp). */
  since: string;
  /** The holder's command line, to tell the user what to stop. */
  command: string;
  /** The process's start time in clock ticks since boot (Linux), so a reused pid is not taken for the holder. */
  processStart: string | null;
  /** Unique per lock taken: release removes the file only if it is still this one. */
  token: string;
}

/** Refused: another live process has the embedded database open. Named like start-up errors, so the server prints only the message. */
export class EmbeddedDatabaseInUse extends Error {
  override name = 'StartupError';
  constructor(
    readonly lockFile: string,
    readonly holder: LockHolder,
  ) {
    const where = holder.hostname === os.hostname() ? '' : ` on ${holder.hostname}`;
    super(
      `The embedded database ${lockFile.replace(/\.lock$/, '')} is in use by another process (pid ${holder.pid}${where}, since ${holder.since}: ${holder.command}). ` +
        'Only one process may open it at a time: stop that process first (the server started by `pnpm start` or `pnpm dev`, for example), ' +
        `or use a PostgreSQL server with DATABASE_URL. If that process is not running, delete ${lockFile}.`,
    );
  }
}

export interface EmbeddedLock {
  readonly file: string;
  /** Removes the lock file if it is still ours. Safe to call more than once. */
  release(): void;
}

/** Field 22 of /proc/<pid>/stat (start time after boot); null where there is no /proc. */
function processStartOf(pid: number): string | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19] ?? null;
  } catch {
    return null;
  }
}

function readHolder(file: string): LockHolder | undefined {
  try {
    const value: unknown = JSON.parse(readFileSync(file, 'utf8'));
    if (typeof value !== 'object' || value === null) return undefined;
    const holder = value as Partial<LockHolder>;
    if (typeof holder.pid !== 'number' || typeof holder.token !== 'string' || typeof holder.hostname !== 'string') return undefined;
    return {
      pid: holder.pid,
      hostname: holder.hostname,
      since: typeof holder.since === 'string' ? holder.since : '?',
      command: typeof holder.command === 'string' ? holder.command : '?',
      processStart: typeof holder.processStart === 'string' ? holder.processStart : null,
      token: holder.token,
    };
  } catch {
    return undefined;
  }
}

const errorCode = (error: unknown) => (error instanceof Error && 'code' in error ? (error as NodeJS.ErrnoException).code : undefined);

/** Whether the holder's process is still running. A holder on another host is assumed alive: there is no way to tell. */
function isAlive(holder: LockHolder): boolean {
  if (holder.hostname !== os.hostname()) return true;
  try {
    process.kill(holder.pid, 0);
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    if (errorCode(error) !== 'EPERM') return false;
  }
  const start = processStartOf(holder.pid);
  return holder.processStart === null || start === null || start === holder.processStart;
}

/**
 * Takes the lock for the embedded database in `dataDir`, or throws EmbeddedDatabaseInUse naming
 * the process that holds it. The file appears complete or not at all (written aside, then hard-
 * linked into place, which fails if it exists), so a reader never sees half a holder.
 */
export function lockEmbeddedDatabase(dataDir: string): EmbeddedLock {
  const file = `${dataDir}.lock`;
  const me: LockHolder = {
    pid: process.pid,
    hostname: os.hostname(),
    since: new Date().toISOString(),
    command: process.argv.slice(1).join(' ').slice(0, 300),
    processStart: processStartOf(process.pid),
    token: randomBytes(12).toString('hex'),
  };
  const aside = `${file}.${process.pid}.${me.token}`;
  writeFileSync(aside, `${JSON.stringify(me)}\n`, { mode: 0o600 });
  try {
    for (let attempt = 0; attempt < 5; attempt += 1) {
      try {
        linkSync(aside, file);
        return holding(file, me.token);
      } catch (error) {
        if (errorCode(error) !== 'EEXIST') throw error;
      }
      const holder = readHolder(file);
      if (holder && isAlive(holder)) throw new EmbeddedDatabaseInUse(file, holder);
      // Stale (its process is gone) or unreadable: move it out of the way, then look at what was
      // moved. Renaming is atomic, so two processes taking over at once cannot both remove it;
      // if what was moved turns out to be a live lock taken meanwhile, it is put back.
      const moved = `${file}.stale.${me.token}`;
      try {
        renameSync(file, moved);
      } catch (error) {
        if (errorCode(error) === 'ENOENT') continue;
        throw error;
      }
      const movedHolder = readHolder(moved);
      if (movedHolder && movedHolder.token !== holder?.token && isAlive(movedHolder)) {
        try {
          linkSync(moved, file);
        } catch {
          // someone else holds it now; the loop finds out
        }
      }
      unlinkSync(moved);
    }
    const holder = readHolder(file);
    if (holder) throw new EmbeddedDatabaseInUse(file, holder);
    throw new Error(`Could not take the lock ${file} for the embedded database.`);
  } finally {
    unlinkSync(aside);
  }
}

function holding(file: string, token: string): EmbeddedLock {
  let released = false;
  const release = () => {
    if (released) return;
    released = true;
    process.removeListener('exit', release);
    if (readHolder(file)?.token !== token) return;
    try {
      unlinkSync(file);
    } catch {
      // already gone
    }
  };
  // A process that exits without closing the database (process.exit after an error) still lets go.
  process.once('exit', release);
  return { file, release };
}
