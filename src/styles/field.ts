import { css } from 'lit';

/** The look of the kit's inputs and selects, and the message under a field. */
export const field = css`
  .field {
    display: grid;
    gap: 0.375rem;
  }
  label {
    font-weight: 600;
  }
  input,
  select {
    box-sizing: border-box;
    font: inherit;
    color: var(--_text);
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }
  :is(input, select):focus-visible {
    outline: 1px solid #0000;
    border-color: var(--_primary);
    box-shadow: var(--_focus);
  }
  input[aria-invalid='true'] {
    border-color: var(--_error);
  }
  /* Buttons are never disabled, only aria-disabled (they stay focusable and say why). */
  :disabled {
    opacity: 0.6;
  }
  [part~='error'] {
    color: var(--_error);
    margin: 0;
  }
`;
