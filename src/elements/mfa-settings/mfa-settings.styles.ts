import { css } from 'lit';

export const styles = css`
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
`;
