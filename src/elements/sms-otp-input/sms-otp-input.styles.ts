import { css } from 'lit';

export const styles = css`
  [part~='resend-button'] {
    font-variant-numeric: tabular-nums;
  }
`;
