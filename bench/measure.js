// Loaded first by every benchmark page: notes when the first thing a member can use — a field, or a
// method to choose — is on screen (checked each frame, through shadow roots). A page marked
// `data-want="code"` (the magic-link landing) waits for a one-time-code field instead: the MFA step,
// not a sign-in form shown before the link is read.
const wantCode = document.documentElement.dataset.want === 'code';
const wanted = (el) =>
  wantCode
    ? el.localName === 'input' && el.autocomplete === 'one-time-code'
    : el.localName === 'input' || (el.localName === 'button' && el.part?.contains('method-option'));
const usable = (root) => {
  for (const el of root.querySelectorAll('*')) {
    if (wanted(el) && el.getClientRects().length > 0) return el;
    if (el.shadowRoot) {
      const found = usable(el.shadowRoot);
      if (found) return found;
    }
  }
  return null;
};
const check = () => {
  if (usable(document)) globalThis.firstFieldAt = performance.now();
  else requestAnimationFrame(check);
};
requestAnimationFrame(check);
