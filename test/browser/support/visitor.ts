import { signOut } from './client.js';
import { resetEmulator } from './emulator.js';
import { recordEvents } from './events.js';

/**
 * Each test of the enclosing `describe` starts as a fresh visitor — signed out, the emulator back to
 * its seed — with the kit's events recorded from there on.
 */
export function freshVisitor() {
  const visitor = { recorder: undefined as unknown as ReturnType<typeof recordEvents> };
  beforeEach(async () => {
    await signOut();
    await resetEmulator();
    visitor.recorder = recordEvents();
  });
  afterEach(() => visitor.recorder.stop());
  return visitor;
}
