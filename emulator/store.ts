import { mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { rename, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { migrate, type State } from './state.js';

/** Reads a state file, or returns null when there is none yet. A corrupt file is an error, not a reset. */
export function loadState(file: string): State | null {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  const saved = JSON.parse(text) as Record<string, unknown>;
  const state = migrate(saved);
  if (!state) throw new Error(`${file}: unknown emulator state version ${String(saved.version)}`);
  return state;
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
