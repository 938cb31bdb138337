import { css } from 'lit';

export const styles = css`
  .methods {
    list-style: none;
    margin: 0;
    padding: 0;
  }
  [part~='method'] {
    display: grid;
    gap: 0.5rem;
    padding-block: var(--_gap);
    border-top: 1px solid var(--_border);
  }
  [part~='method']:last-child {
    border-bottom: 1px solid var(--_border);
  }
  .name {
    font-weight: 600;
    margin-inline-end: 0.5rem;
  }
  .toggle[aria-pressed='true'] {
    background: var(--_primary);
    color: var(--_on-primary);
  }
  .toggle {
    justify-self: start;
  }
  /* The state in words as well as in colour (WCAG 1.4.1). */
  .state {
    margin-inline-start: 0.5rem;
    font-weight: 600;
  }
  .danger {
    background: var(--_error);
    border-color: var(--_error);
    color: var(--_on-primary);
  }
`;
