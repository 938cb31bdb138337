import { css } from 'lit';

/**
 * The kit's design tokens. Every one is a `--mfa-` custom property a page can set; the defaults follow
 * the page's light or dark scheme.
 */
export const tokens = css`
  :host {
    color-scheme: var(--mfa-color-scheme, light dark);
    --_primary: var(--mfa-color-primary, light-dark(#4f46e5, #a5b4fc));
    --_on-primary: var(--mfa-color-on-primary, light-dark(#ffffff, #1e1b4b));
    --_text: var(--mfa-color-text, light-dark(#111827, #f3f4f6));
    --_muted: var(--mfa-color-muted, light-dark(#4b5563, #c7cbd3));
    --_surface: var(--mfa-color-surface, light-dark(#ffffff, #1f2937));
    --_border: var(--mfa-color-border, light-dark(#6b7280, #9ca3af));
    --_error: var(--mfa-color-error, light-dark(#b91c1c, #fca5a5));
    --_success: var(--mfa-color-success, light-dark(#15803d, #86efac));
    --_focus: var(--mfa-focus-ring, 0 0 0 3px light-dark(#a5b4fc, #6366f1));
    --_radius: var(--mfa-radius, 0.5rem);
    --_gap: var(--mfa-spacing, 0.75rem);
    font-family: var(--mfa-font-family, inherit);
    font-size: var(--mfa-font-size, 1rem);
    color: var(--_text);
  }
`;
