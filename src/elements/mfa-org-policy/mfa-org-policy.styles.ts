import { css } from 'lit';

export const styles = css`
  fieldset.group {
    display: grid;
    gap: 0.5rem;
  }
  legend {
    font-weight: 600;
    padding: 0;
    margin-block-end: 0.5rem;
  }
  label {
    display: flex;
    gap: 0.5rem;
    align-items: center;
    min-height: 2.75rem;
  }
  input {
    inline-size: 1.5rem;
    block-size: 1.5rem;
    margin: 0;
    accent-color: var(--_primary);
  }
  .choices {
    display: grid;
    padding-inline-start: 2rem;
  }
  [part~='affected'] {
    font-weight: 600;
  }
  /* Focused by the review so it is read first; it is not a control, so it gets no ring. */
  [part~='affected']:focus {
    outline: none;
  }
  .danger {
    background: var(--_error);
    border-color: var(--_error);
    color: var(--_on-primary);
  }
`;
