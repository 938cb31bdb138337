import { sendKeys } from './keys.js';

/** Activates a control the way a keyboard user does: focus, then Enter. */
export async function press(control: Element | null | undefined): Promise<void> {
  if (!control) throw new Error('No control to press');
  (control as HTMLElement).focus();
  await sendKeys({ press: 'Enter' });
}
