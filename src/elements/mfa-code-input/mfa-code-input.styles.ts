import { css } from 'lit';

export const styles = css`
  :host {
    display: grid;
    gap: 0.375rem;
    --_length: 6;
  }
  label {
    font-weight: 600;
  }
  input {
    font: inherit;
    font-family: var(--mfa-code-font-family, ui-monospace, SFMono-Regular, Menlo, Consolas, monospace);
    font-size: var(--mfa-code-font-size, 1.5rem);
    letter-spacing: 0.5em;
    padding: 0.5rem 0 0.5rem 0.5em;
    width: calc(var(--_length) * 1.5em + 1em);
    max-width: 100%;
    text-align: center;
    color: var(--_text);
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }
  input:focus-visible {
    outline: none;
    border-color: var(--_primary);
    box-shadow: var(--_focus);
  }
  input[aria-invalid='true'] {
    border-color: var(--_error);
  }
  input:disabled {
    opacity: 0.6;
  }
  [part~='error'] {
    color: var(--_error);
    margin: 0;
  }
  [part~='error']:empty {
    display: none;
  }
`;
