/** The first element matching `selector` in an element's shadow root, or a clear failure. */
export function inShadow<T extends Element = HTMLElement>(host: Element, selector: string): T {
  const found = host.shadowRoot?.querySelector<T>(selector);
  if (!found) throw new Error(`No ${selector} in <${host.localName}>'s shadow root`);
  return found;
}

/** The text a member sees in a part (trimmed, whitespace folded); '' when the part is absent. */
export function partText(host: Element, part: string): string {
  const node = host.shadowRoot?.querySelector(`[part~="${part}"]`);
  return (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/** The deepest focused element, through shadow roots. */
export function deepActiveElement(): Element | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

/** The innermost element that shows the current step (through the flow's nested shadow roots). */
export function deepest(el: Element, selector: string): HTMLElement | null {
  const roots: ShadowRoot[] = el.shadowRoot ? [el.shadowRoot] : [];
  while (roots.length) {
    const root = roots.shift()!;
    const found = root.querySelector<HTMLElement>(selector);
    if (found) return found;
    for (const child of root.querySelectorAll('*')) if (child.shadowRoot) roots.push(child.shadowRoot);
  }
  return null;
}

/** Every element matching `selector` inside `root`, through shadow roots. */
export function deepAll(root: Element, selector: string): Element[] {
  const found: Element[] = [];
  const visit = (node: Element | ShadowRoot) => {
    found.push(...node.querySelectorAll(selector));
    for (const child of node.querySelectorAll('*')) if (child.shadowRoot) visit(child.shadowRoot);
  };
  if (root.matches(selector)) found.push(root);
  visit(root);
  if (root.shadowRoot) visit(root.shadowRoot);
  return found;
}

/** All text the member sees, through shadow roots. */
export function visibleText(el: Element): string {
  const parts: string[] = [];
  const walk = (node: Node) => {
    if (node.nodeType === Node.TEXT_NODE) parts.push(node.textContent ?? '');
    if (node instanceof Element && node.shadowRoot) walk(node.shadowRoot);
    node.childNodes.forEach(walk);
  };
  walk(el);
  return parts.join(' ').replace(/\s+/g, ' ');
}

/**
 * Whether `secret` can still be read anywhere in an element, in any form: its text through shadow
 * roots and every attribute (a link's otpauth URI), with whitespace, dashes and markup between the
 * characters ignored, so a key shown in groups ("ABCD EFGH …") or split across elements counts.
 */
export function secretReadable(el: Element, secret: string): boolean {
  const pieces: string[] = [];
  const walk = (node: Node) => {
    if (node.nodeType === Node.TEXT_NODE) pieces.push(node.textContent ?? '');
    if (node instanceof Element) {
      for (const attribute of node.attributes) pieces.push(` ${attribute.value} `);
      if (node.shadowRoot) walk(node.shadowRoot);
    }
    node.childNodes.forEach(walk);
  };
  walk(el);
  const fold = (text: string) => text.replace(/[\s-]+/g, '').toUpperCase();
  return (
    fold(pieces.join('')).includes(fold(secret)) || pieces.some((p) => decodeURIComponent(p).includes(secret))
  );
}
