import { css } from 'lit';

export const styles = css`
  form {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_gap);
    align-items: end;
  }
  form .field {
    flex: 1 1 12rem;
  }
  input {
    min-height: 2.75rem;
    padding: 0.5rem 0.75rem;
  }
  .members {
    list-style: none;
    margin: 0;
    padding: 0;
  }
  [part~='member'] {
    display: grid;
    gap: 0.5rem;
    padding-block: var(--_gap);
    border-top: 1px solid var(--_border);
  }
  [part~='member']:last-child {
    border-bottom: 1px solid var(--_border);
  }
  .name {
    font-weight: 600;
    margin-inline-end: 0.5rem;
    overflow-wrap: anywhere;
  }
  [part~='you'] {
    font-weight: 600;
    color: var(--_primary);
  }
  [part~='own-warning'] {
    color: var(--_error);
  }
  [part~='confirmation'] {
    display: grid;
    gap: 0.5rem;
  }
  .danger {
    background: var(--_error);
    border-color: var(--_error);
    color: var(--_on-primary);
  }
  .paging {
    justify-content: space-between;
  }
`;
