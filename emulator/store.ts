import { mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { rename, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { InvalidStateError, migrate, STATE_VERSION, type State } from './state.js';

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

/**
 * Keeps the state in a file. Changes are written coalesced — a little after they happen, one write
 * at a time, always the latest state — so a busy emulator does not rewrite the file per request; each
 * write is atomic (a temporary file beside the target, then a rename over it). A temporary file left
 * by a process that died mid-write is removed on start. `flush()` writes what is pending (on close).
 */
export class StateFile {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private dirty = false;
  private writing: Promise<void> = Promise.resolve();
  private readonly temporary: string;

  constructor(
    private readonly file: string,
    private readonly state: () => State,
    private readonly delayMs = 25,
  ) {
    mkdirSync(dirname(file), { recursive: true });
    const prefix = `${basename(file)}.`;
    for (const name of readdirSync(dirname(file)))
      if (name.startsWith(prefix) && name.endsWith('.tmp'))
        rmSync(join(dirname(file), name), { force: true });
    this.temporary = `${file}.${process.pid}.tmp`;
  }

  /** The state changed: write it soon. */
  changed(): void {
    this.dirty = true;
    this.timer ??= setTimeout(() => void this.flush(), this.delayMs);
  }

  /** Writes what is pending, after any write under way; resolves when the file holds the latest state. */
  flush(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.writing = this.writing.then(async () => {
      if (!this.dirty) return;
      this.dirty = false;
      await writeFile(this.temporary, JSON.stringify(this.state(), null, 2));
      await rename(this.temporary, this.file);
    });
    return this.writing;
  }
}
