import { css } from 'lit';

export const styles = css`
  :host {
    display: grid;
    gap: 0.375rem;
  }
  .row {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
  }
  .number {
    flex: 1 1 12rem;
  }
  .country {
    flex: 0 1 14rem;
  }
  select,
  input {
    height: 2.75rem;
    padding: 0.5rem 0.75rem;
    width: 100%;
  }
`;
