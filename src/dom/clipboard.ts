/**
 * Copies text: the Clipboard API, else (no permission, an older browser, an insecure page) a
 * selected, off-screen textarea and the copy command. Resolves true when the text was copied.
 */
export async function copyText(text: string, within: ShadowRoot | HTMLElement): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    const area = document.createElement('textarea');
    area.value = text;
    area.setAttribute('readonly', '');
    area.className = 'visually-hidden';
    within.append(area);
    area.select();
    try {
      return document.execCommand('copy');
    } finally {
      area.remove();
    }
  }
}
