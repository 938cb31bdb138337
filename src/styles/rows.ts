import { css } from 'lit';

/**
 * A list of rows between rules, as `<mfa-settings>` lists methods and `<mfa-members>` members:
 * `.rows` on the list, `.row` on each item, `.name` for what a row is about, `.danger` for a button
 * that removes something.
 */
export const rows = css`
  .rows {
    list-style: none;
    margin: 0;
    padding: 0;
  }
  .row {
    display: grid;
    gap: 0.5rem;
    padding-block: var(--_gap);
    border-top: 1px solid var(--_border);
  }
  .row:last-child {
    border-bottom: 1px solid var(--_border);
  }
  .name {
    font-weight: 600;
    margin-inline-end: 0.5rem;
    overflow-wrap: anywhere;
  }
  .danger {
    background: var(--_error);
    border-color: var(--_error);
    color: var(--_on-primary);
  }
`;
