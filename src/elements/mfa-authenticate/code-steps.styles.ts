import { css } from 'lit';

/** The TOTP and recovery-code steps' look, adopted by `<mfa-authenticate>` when they load. */
export const styles = css`
  /* The done step's warning that few recovery codes are left. */
  [part~='status'].warning {
    color: var(--_error);
    font-weight: 600;
  }
  [part~='recovery-code-input'] {
    font-family: var(--mfa-code-font-family, ui-monospace, SFMono-Regular, Menlo, Consolas, monospace);
    font-size: 1.125em;
    min-height: 2.75rem;
    padding: 0.5rem 0.75rem;
    max-width: 16rem;
  }
`;
