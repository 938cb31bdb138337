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
  .paging {
    justify-content: space-between;
  }
`;
