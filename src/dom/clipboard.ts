/**
 * Copies text: the Clipboard API, else (no permission, an older browser, an insecure page) a
 * selected textarea out of sight (placed through the CSSOM, which a strict CSP allows) and the copy
 * command; focus goes back where it was. Resolves true when the text was copied.
 */
export async function copyText(text: string, within: ShadowRoot | HTMLElement): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    const area = document.createElement('textarea');
    area.value = text;
    area.setAttribute('readonly', '');
    Object.assign(area.style, { position: 'fixed', top: '-100vh', opacity: '0' });
    const focused = (
      within instanceof ShadowRoot ? within.activeElement : document.activeElement
    ) as HTMLElement | null;
    within.append(area);
    area.select();
    try {
      return document.execCommand('copy');
    } finally {
      area.remove();
      focused?.focus();
    }
  }
}
