import { css } from 'lit';

export const styles = css`
  [part~='qr-code'] {
    width: var(--mfa-qr-size, 12rem);
    height: var(--mfa-qr-size, 12rem);
    border-radius: var(--_radius);
  }
  .key {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_gap);
  }
  [part~='secret'] {
    font-family: var(--mfa-code-font-family, ui-monospace, SFMono-Regular, Menlo, Consolas, monospace);
    font-size: 1.125em;
    letter-spacing: 0.05em;
    word-spacing: 0.25em;
    padding: 0.25rem 0.5rem;
    border: 1px dashed var(--_border);
    border-radius: var(--_radius);
  }
  a {
    color: var(--_primary);
  }
`;
