// What the factor elements show to take a code: the code field, and the form around a step.
import { html, nothing, type TemplateResult } from 'lit';
import type { MfaStrings } from '../strings/locales.js';
import './mfa-code-input/mfa-code-input.js';

/**
 * The code field every factor shows: a full code is handed to `onCode` at once, and its
 * `mfa-code-complete` goes no further (hosts hear the outcome, never the code).
 */
export function codeField(options: {
  length: number;
  error: string;
  strings: Partial<MfaStrings>;
  onCode: (code: string) => void;
}): TemplateResult {
  return html`<mfa-code-input
    part="code-input"
    exportparts="label,input,error"
    required
    length=${options.length}
    .errorMessage=${options.error}
    .strings=${options.strings}
    @mfa-code-complete=${(event: CustomEvent<{ code: string }>) => {
      event.stopPropagation();
      options.onCode(event.detail.code);
    }}
  ></mfa-code-input>`;
}

/**
 * A step the member submits: title, intro, the field, the `error` part, and an actions row led by the
 * `submit-button` (showing `busyLabel` while `busy`; the element's one-call-at-a-time controller
 * refuses a second press).
 */
export function stepForm(o: {
  title: string;
  intro: string;
  field: unknown;
  error: string;
  submitLabel: string;
  busyLabel: string;
  busy: boolean;
  onSubmit: () => void;
  errorId?: string;
  actions?: unknown;
  after?: unknown;
}): TemplateResult {
  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    o.onSubmit();
  };
  return html`
    <form class="stack" novalidate @submit=${submit}>
      <p part="title" class="title">${o.title}</p>
      <p class="muted">${o.intro}</p>
      ${o.field}
      <p id=${o.errorId ?? 'error'} part="error" role="alert">${o.error}</p>
      <div class="actions">
        <button part="submit-button" type="submit" aria-disabled=${o.busy ? 'true' : 'false'}>
          ${o.busy ? o.busyLabel : o.submitLabel}
        </button>
        ${o.actions ?? nothing}
      </div>
      ${o.after ?? nothing}
    </form>
  `;
}
