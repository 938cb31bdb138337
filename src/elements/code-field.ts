import { html, type TemplateResult } from 'lit';
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
