import { css } from 'lit';

export const styles = css`
  [part~='code-list'] {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(11rem, 1fr));
    gap: 0.25rem 1rem;
    margin: 0;
    padding: 0.75rem;
    padding-inline-start: 3rem; /* room for "10. " in the code font */
    border: 1px dashed var(--_border);
    border-radius: var(--_radius);
    font-family: var(--mfa-code-font-family, ui-monospace, SFMono-Regular, Menlo, Consolas, monospace);
  }
  /* Codes read left to right in a right-to-left page too. */
  code {
    direction: ltr;
    unicode-bidi: isolate;
  }
  .ack {
    display: flex;
    gap: 0.5rem;
    align-items: center;
    min-height: 2.75rem;
  }
  /* 24×24 px at least, as every target (WCAG 2.5.8), whatever the page's font size. */
  [part~='acknowledge'] {
    width: max(1.5rem, 24px);
    height: max(1.5rem, 24px);
    margin: 0;
    accent-color: var(--_primary);
  }
  @media print {
    .actions,
    .ack {
      display: none;
    }
  }
`;
