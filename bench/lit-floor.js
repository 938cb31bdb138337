// The floor for any Lit element: one that renders a labelled field.
import { html, LitElement } from 'lit';

class BenchField extends LitElement {
  render() {
    return html`<label>Code <input autocomplete="one-time-code" /></label>`;
  }
}
customElements.define('bench-field', BenchField);
