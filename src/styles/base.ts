import { css } from 'lit';

/** What every element shares: layout, buttons, links, messages. */
export const base = css`
  :host {
    display: block;
  }
  :host([hidden]) {
    display: none;
  }
  * {
    box-sizing: border-box;
  }
  .stack {
    display: grid;
    gap: var(--_gap);
  }
  p,
  form {
    margin: 0;
  }
  .muted {
    color: var(--_muted);
  }
  button {
    font: inherit;
    min-height: 2.75rem;
    padding: 0.5rem 1rem;
    border-radius: var(--_radius);
    border: 1px solid var(--_primary);
    background: var(--_primary);
    color: var(--_on-primary);
    cursor: pointer;
  }
  button.secondary,
  button.link {
    background: transparent;
    color: var(--_primary);
  }
  button.link {
    border-color: transparent;
    padding-inline: 0;
    text-decoration: underline;
    justify-self: start;
  }
  button:focus-visible {
    outline: 1px solid #0000;
    box-shadow: var(--_focus);
  }
  fieldset {
    border: 0;
    margin: 0;
    padding: 0;
    min-width: 0;
  }
  a {
    color: var(--_primary);
  }
  /* Disabled for good (the sign-in ended): greyed, and still readable. */
  button:disabled {
    background: transparent;
    color: var(--_muted);
    border-color: currentColor;
    cursor: not-allowed;
  }
  button[aria-disabled='true'] {
    opacity: 0.6;
    cursor: not-allowed;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_gap);
    align-items: center;
  }
  .title {
    font-size: 1.25em;
    font-weight: 600;
  }
  [part~='error'] {
    color: var(--_error);
  }
  [part~='status'].done {
    color: var(--_success);
    font-weight: 600;
  }
`;
