import { css } from 'lit';

export const styles = css`
  .options {
    display: grid;
    gap: var(--_gap);
  }
  [part~='method-option'] {
    display: grid;
    gap: 0.25rem;
    text-align: start;
    padding: 0.75rem 1rem;
    background: var(--_surface);
    color: var(--_text);
    border: 1px solid var(--_border);
  }
  [part~='method-option']:hover {
    border-color: var(--_primary);
  }
  .name {
    font-weight: 600;
  }
  .hint {
    color: var(--_muted);
    font-size: 0.9375em;
  }
`;
