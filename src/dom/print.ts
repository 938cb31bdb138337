/**
 * Prints a title and lines of text on their own: a new window holding only them (no script or style
 * of its own, so strict CSP allows it), printed and closed. Where the window is blocked, the page
 * itself is printed. Resolves true when the window opened.
 */
export function printText(title: string, lines: string[]): boolean {
  const popup = window.open('', '_blank', 'popup,width=480,height=640');
  if (!popup) {
    window.print();
    return false;
  }
  const doc = popup.document;
  doc.title = title;
  const heading = doc.createElement('h1');
  heading.textContent = title;
  const list = doc.createElement('pre');
  list.textContent = lines.join('\n');
  doc.body.replaceChildren(heading, list);
  popup.focus();
  popup.print();
  popup.close();
  return true;
}
