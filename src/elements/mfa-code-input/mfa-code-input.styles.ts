import { css } from 'lit';

export const styles = css`
  :host {
    display: grid;
    gap: 0.375rem;
  }
  input {
    --_length: 6;
    font: inherit;
    font-family: var(--mfa-code-font-family, ui-monospace, SFMono-Regular, Menlo, Consolas, monospace);
    font-size: var(--mfa-code-font-size, 1.5rem);
    letter-spacing: 0.5em;
    padding: 0.5rem 0 0.5rem 0.5em;
    width: calc(var(--_length) * 1.5em + 1em);
    max-width: 100%;
    text-align: center;
  }
`;
