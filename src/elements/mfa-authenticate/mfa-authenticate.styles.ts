import { css } from 'lit';

export const styles = css`
  .switches {
    display: grid;
    justify-items: start;
  }
`;
