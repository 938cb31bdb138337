// React 19 templates type-checked against the generated JSX types (dist/types/jsx.d.ts): the right
// use passes; a wrong attribute value or a misspelt event detail does not.
import type { CustomElements } from '../../dist/types/jsx.js';

declare module 'react' {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace JSX {
    // What a React app adds once: the kit's elements among JSX's own.
    // eslint-disable-next-line @typescript-eslint/no-empty-object-type
    interface IntrinsicElements extends CustomElements {}
  }
}

declare function show(...values: unknown[]): void;

export const right = (
  <sms-otp-input
    phone-number="+14155550101"
    enrollment="enroll"
    resend-cooldown={30}
    onmfa-sms-sent={(event) => show(event.detail.phoneNumber, event.detail.resend)}
    onmfa-authenticated={(event) => show(event.detail.member.email_address)}
  />
);

// @ts-expect-error `enrollment` is "enroll", "unenroll" or absent
export const wrongValue = <sms-otp-input enrollment="sometimes" />;

// @ts-expect-error the detail has `phoneNumber`, not `phoneNumbr`
export const misspeltDetail = <sms-otp-input onmfa-sms-sent={(event) => event.detail.phoneNumbr} />;

// @ts-expect-error `resendCooldown` (the property) is a number
export const wrongPropertyType = <sms-otp-input resendCooldown="soon" />;

// The admin elements' events carry their own details.
export const admin = (
  <>
    <mfa-org-policy
      onmfa-policy-changed={(event) => show(event.detail.before.mfa_policy, event.detail.after)}
    />
    <mfa-members
      page-size={50}
      onmfa-member-updated={(event) => show(event.detail.member_id, event.detail.change)}
    />
  </>
);

// @ts-expect-error the detail has `member_id`, not `memberId`
export const misspeltAdminDetail = <mfa-members onmfa-member-updated={(event) => event.detail.memberId} />;
