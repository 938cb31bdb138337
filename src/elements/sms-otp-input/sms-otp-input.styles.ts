import { css } from 'lit';

export const styles = css`
  form {
    margin: 0;
  }
  [part~='resend-button'] {
    font-variant-numeric: tabular-nums;
  }
  [part~='status'].done {
    color: var(--_success);
    font-weight: 600;
  }
`;
