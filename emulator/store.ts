import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { State } from './state.js';

/** Reads a state file, or returns null when there is none yet. A corrupt file is an error, not a reset. */
export function loadState(file: string): State | null {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  const state = JSON.parse(text) as State;
  if (state.version !== 1)
    throw new Error(`${file}: unknown emulator state version ${String(state.version)}`);
  return state;
}

/** Writes the state atomically: a temporary file beside the target, then a rename over it. */
export function saveState(file: string, state: State): void {
  mkdirSync(dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, JSON.stringify(state, null, 2));
  renameSync(temporary, file);
}
