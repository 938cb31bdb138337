import { ChangeDetectionStrategy, Component, CUSTOM_ELEMENTS_SCHEMA, signal } from '@angular/core';
import 'stytch-mfa-elements/sms-otp-input';
import { line, signIn, type Session } from '../../shared/session';

/**
 * The kit's tags are custom elements: CUSTOM_ELEMENTS_SCHEMA lets Angular's compiler accept them.
 * `[client]` and `[authResponse]` set properties; `[attr.…]` sets attributes (null removes one);
 * `(mfa-…)` listens to the kit's events.
 */
@Component({
  selector: 'app-root',
  schemas: [CUSTOM_ELEMENTS_SCHEMA],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (session(); as s) {
      <button id="toggle" type="button" (click)="shown.set(!shown())">
        {{ shown() ? 'Leave' : 'Come back' }}
      </button>
      @if (shown()) {
        <sms-otp-input
          [client]="s.client"
          [authResponse]="s.authResponse"
          enrollment="enroll"
          [attr.phone-number]="s.phone"
          [attr.sms-sent]="smsSent() ? '' : null"
          (mfa-step)="hear($event)"
          (mfa-sms-sent)="smsSent.set(true); hear($event)"
          (mfa-enrolled)="hear($event)"
          (mfa-authenticated)="hear($event)"
          (mfa-error)="hear($event)"
        ></sms-otp-input>
      }
      <ol id="heard">
        @for (said of heard(); track $index) {
          <li>{{ said }}</li>
        }
      </ol>
    } @else {
      <p>Signing in…</p>
    }
  `,
})
export class App {
  readonly session = signal<Session | null>(null);
  readonly shown = signal(true);
  readonly smsSent = signal(false);
  readonly heard = signal<string[]>([]);

  constructor() {
    void signIn().then((session) => this.session.set(session));
  }

  hear(event: Event): void {
    this.heard.update((before) => [...before, line(event)]);
  }
}
