import { css } from 'lit';

export const styles = css`
  form {
    margin: 0;
  }
  .switches {
    display: grid;
    justify-items: start;
  }
  [part~='recovery-code-input'] {
    font-family: var(--mfa-code-font-family, ui-monospace, SFMono-Regular, Menlo, Consolas, monospace);
    font-size: 1.125em;
    min-height: 2.75rem;
    padding: 0.5rem 0.75rem;
    max-width: 16rem;
  }
  .field {
    display: grid;
    gap: 0.375rem;
  }
  [part~='status'].done {
    color: var(--_success);
    font-weight: 600;
  }
  [part~='status'].warning {
    color: var(--_error);
    font-weight: 600;
  }
`;
