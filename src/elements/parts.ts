/**
 * Every part of the kit's elements that others render (fields, factors, recovery codes, enroll and
 * authenticate), for their `exportparts`: the page styles what the member sees from the element it
 * placed (`mfa-flow::part(error)` reaches the message under a code field three elements down). A
 * name the inner element lacks costs nothing.
 */
export const FORWARDED_PARTS =
  'acknowledge,back-button,cancel-button,code-input,code-list,confirm-button,copy-button,country-select,download-button,error,input,label,method-option,open-app,phone-input,print-button,qr-code,recovery-code-input,recovery-codes,resend-button,restart-button,rotate-button,secret,sign-in-link,sms-otp-input,status,submit-button,switch-method,title,totp-setup';
