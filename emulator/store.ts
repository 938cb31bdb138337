import { randomBytes } from 'node:crypto';
import { chmodSync, constants, mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { open, rename, rm, type FileHandle } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { InvalidStateError, migrate, STATE_VERSION, type State } from './state.js';

/** Owner read and write only: the state holds passwords, TOTP secrets, recovery codes, session tokens and the signing key. */
const PRIVATE = 0o600;

/** How long after a failed write the latest state is tried again when nothing else changes. */
const RETRY_MS = 1000;
/**
 * Under load, writes take at most a third of the time: a write that took D ms (serializing a big
 * state blocks the event loop) is followed by 2·D ms of answering before the next one starts.
 */
const GAP_FACTOR = 2;

/**
 * Creates the temporary file or fails: never opens a path that exists, a symlink included (O_EXCL),
 * and never follows a link (O_NOFOLLOW, where the platform has it).
 */
const CREATE_NEW = constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | (constants.O_NOFOLLOW ?? 0);

/**
 * Not API (the package exports only `./emulator`, not this module): the tests replace how the
 * temporary file's content is written, to make the disk full.
 */
export const forTests = {
  writeFile: (handle: FileHandle, text: string): Promise<void> => handle.writeFile(text),
};

/**
 * Reads a state file, or returns null when there is none yet. A file the emulator cannot run from
 * (unreadable, not JSON, a version it does not know, a value it cannot hold) is an
 * {@link InvalidStateError} naming the file and what is wrong — never its content, which holds secrets.
 */
export function loadState(file: string): State | null {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return null;
    throw new InvalidStateError(`${file}: cannot be read (${code ?? String(error)}).`);
  }
  let saved: unknown;
  try {
    saved = JSON.parse(text);
  } catch {
    throw new InvalidStateError(
      `${file}: is not JSON (cut short or edited?). Fix it, or delete it to start from the seed.`,
    );
  }
  try {
    const state = migrate(saved);
    if (state) return state;
  } catch (error) {
    if (error instanceof InvalidStateError) throw new InvalidStateError(`${file}: ${error.message}`);
    throw error;
  }
  const version = (saved as Record<string, unknown>).version;
  throw new InvalidStateError(
    `${file}: unknown emulator state version ${typeof version === 'number' ? version : typeof version}; ` +
      `this emulator reads versions 1 to ${STATE_VERSION} (was it written by a newer one?).`,
  );
}

/** Why a write failed, as a line shows it: the error code (`ENOSPC`, `EACCES`…), never content. */
function reason(error: unknown): string {
  return (error as NodeJS.ErrnoException).code ?? (error instanceof Error ? error.name : 'unknown error');
}

interface Batch {
  done: Promise<void>;
  resolve: () => void;
}

function batch(): Batch {
  let resolve!: () => void;
  const done = new Promise<void>((r) => (resolve = r));
  return { done, resolve };
}

/**
 * Keeps the state in a file, and a change is acknowledged only once it is there (group commit): a
 * change joins the next write — at once when idle, else after the one under way and a gap twice its
 * length — so a busy emulator writes once per batch of requests, always the latest state. Each
 * write is atomic and durable: a new temporary file beside the target (a random name, created
 * exclusively with mode 0600, so a link planted in a shared directory is never written through),
 * synced, then renamed over it. A temporary file left by a process that died mid-write is removed on
 * start when it can be.
 *
 * A write that fails (a full disk, a directory made read-only) does not stop the emulator: the
 * change is answered from memory, `report` is told once, the latest state is tried again on the next
 * change (or a second later), and `report` is told when a write works again.
 */
export class StateFile {
  /** The write the changes arriving now wait for; null when none waits. */
  private next: Batch | null = null;
  private writing = false;
  /** The state has changed since the last write that worked. */
  private unsaved = false;
  /** Why the last write failed, while writes fail. */
  private failure: string | null = null;
  private retry: ReturnType<typeof setTimeout> | undefined;
  private lastEnded = 0;
  private lastTook = 0;

  constructor(
    private readonly file: string,
    private readonly state: () => State,
    private readonly report: (line: string) => void,
  ) {
    mkdirSync(dirname(file), { recursive: true });
    const prefix = `${basename(file)}.`;
    for (const name of readdirSync(dirname(file))) {
      if (!name.startsWith(prefix) || !name.endsWith('.tmp')) continue;
      try {
        rmSync(join(dirname(file), name), { force: true });
      } catch {
        // Not ours to remove (another user's, in a sticky directory) or not a file: it is left, and
        // never written to — each write creates a new name.
      }
    }
    // A file an older emulator left readable by others is made private now, not at the first write.
    try {
      if (statSync(file).mode & 0o077) chmodSync(file, PRIVATE);
    } catch {
      // No file yet, or not ours to change: the first write replaces it with a private one.
    }
  }

  /**
   * The state changed: resolves once a write that began after this call has ended — the change is
   * in the file, or the write failed and was reported. Never rejects.
   */
  commit(): Promise<void> {
    this.unsaved = true;
    this.next ??= batch();
    const { done } = this.next;
    if (!this.writing) void this.run();
    return done;
  }

  /** Resolves when the file holds the latest state; rejects, naming the file and why, when it cannot. */
  async flush(): Promise<void> {
    if (this.unsaved || this.writing) await this.commit();
    if (this.failure) throw new Error(`${this.file}: the latest state was not saved (${this.failure}).`);
  }

  /** The last {@link flush}: no more tries after it (a failed write leaves no temporary file). */
  async close(): Promise<void> {
    try {
      await this.flush();
    } catch (error) {
      clearTimeout(this.retry);
      throw error;
    }
  }

  private async run(): Promise<void> {
    this.writing = true;
    try {
      while (this.next) {
        // Let the requests already handled in this turn of the event loop join this write (and, under
        // load, those answered in the gap after the last one; an idle emulator writes at once).
        const wait = this.lastEnded + GAP_FACTOR * this.lastTook - performance.now();
        await new Promise((resolve) => (wait > 0 ? setTimeout(resolve, wait) : setImmediate(resolve)));
        const waiting = this.next;
        this.next = null;
        const started = performance.now();
        try {
          await this.writeLatest();
        } finally {
          this.lastEnded = performance.now();
          this.lastTook = this.lastEnded - started;
          waiting.resolve();
        }
      }
    } finally {
      // Whatever happened, the next change starts a write: the answers waiting never hang.
      this.writing = false;
    }
  }

  /** A line for `report`, which must not stop the writer if it throws (a `log` of the embedder's). */
  private tell(line: string): void {
    try {
      this.report(line);
    } catch {
      // The line is lost; the writer goes on.
    }
  }

  private async writeLatest(): Promise<void> {
    clearTimeout(this.retry);
    this.unsaved = false;
    try {
      await this.write(JSON.stringify(this.state(), null, 2));
      if (this.failure) this.tell(`emulator: the state is saved to ${this.file} again`);
      this.failure = null;
    } catch (error) {
      this.unsaved = true;
      if (!this.failure) {
        this.tell(
          `emulator: cannot save the state to ${this.file} (${reason(error)}); answering from memory ` +
            'and trying again on each change',
        );
      }
      this.failure = reason(error);
      this.retry = setTimeout(() => void this.commit(), RETRY_MS);
      this.retry.unref();
    }
  }

  private async write(text: string): Promise<void> {
    const temporary = `${this.file}.${randomBytes(12).toString('hex')}.tmp`;
    const handle = await open(temporary, CREATE_NEW, PRIVATE);
    try {
      try {
        await forTests.writeFile(handle, text);
        await handle.sync();
      } finally {
        await handle.close();
      }
      await rename(temporary, this.file);
    } catch (error) {
      // The file is ours (created just now), so removing it cannot remove another's.
      await rm(temporary, { force: true }).catch(() => undefined);
      throw error;
    }
  }
}
