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
  .field {
    display: grid;
    gap: 0.375rem;
  }
  .number {
    flex: 1 1 12rem;
  }
  .country {
    flex: 0 1 14rem;
  }
  label {
    font-weight: 600;
  }
  select,
  input {
    font: inherit;
    min-height: 2.75rem;
    padding: 0.5rem 0.75rem;
    width: 100%;
    color: var(--_text);
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }
  select:focus-visible,
  input:focus-visible {
    outline: none;
    border-color: var(--_primary);
    box-shadow: var(--_focus);
  }
  input[aria-invalid='true'] {
    border-color: var(--_error);
  }
  [part~='error'] {
    color: var(--_error);
    margin: 0;
  }
  [part~='error']:empty {
    display: none;
  }
`;
