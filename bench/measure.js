// Loaded first by every benchmark page: notes when the first thing a member can use — a field, or a
// method to choose — is on screen (checked each frame, through shadow roots).
const usable = (root) => {
  for (const el of root.querySelectorAll('*')) {
    const kind =
      el.localName === 'input' || (el.localName === 'button' && el.part?.contains('method-option'));
    if (kind && el.getClientRects().length > 0) return el;
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
