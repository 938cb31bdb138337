import { css } from 'lit';

export const styles = css`
  [part~='code-list'] {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(11rem, 1fr));
    gap: 0.25rem 1rem;
    margin: 0;
    padding: 0.75rem 0.75rem 0.75rem 2.25rem;
    border: 1px dashed var(--_border);
    border-radius: var(--_radius);
    font-family: var(--mfa-code-font-family, ui-monospace, SFMono-Regular, Menlo, Consolas, monospace);
  }
  .ack {
    display: flex;
    gap: 0.5rem;
    align-items: center;
    min-height: 2.75rem;
  }
  [part~='acknowledge'] {
    width: 1.25rem;
    height: 1.25rem;
    accent-color: var(--_primary);
  }
  @media print {
    .actions,
    .ack {
      display: none;
    }
  }
`;
