/**
 * The English strings: every visible or announced string of the kit, by key. `{name}` marks a
 * value filled in at run time. Override any of them with an element's `strings` property, or add a
 * locale with `registerLocale()`.
 */
export const en = {
  // Configuration
  noClient:
    'Multi-factor authentication is not configured: give this element a Stytch client, or place it inside <mfa-provider>.',
  noMember: 'Sign in first: there is no member to verify.',

  // <mfa-code-input>
  codeLabel: 'Verification code',
  codeHint: 'Enter the {length}-digit code.',
  codeRequired: 'Enter the code.',
  codeIncomplete: 'Enter all {length} digits.',

  // <mfa-phone-input>
  phoneLabel: 'Phone number',
  countryLabel: 'Country',
  phoneHint: 'We will text a code to this number.',
  phoneRequired: 'Enter a phone number.',
  phoneInvalid: 'Enter a valid phone number for the country you chose.',
  phoneLoading: 'Loading phone number formats…',

  // <sms-otp-input>
  smsPhoneTitle: 'Add a phone number',
  smsPhoneIntro: 'We will text a one-time code to this number each time you sign in.',
  smsSend: 'Send code',
  smsSending: 'Sending…',
  smsCodeTitle: 'Check your phone',
  smsCodeIntro: 'We sent a {length}-digit code to {phone}.',
  smsCodeIntroNoPhone: 'Enter the {length}-digit code we sent to your phone.',
  smsVerify: 'Verify',
  smsVerifying: 'Verifying…',
  smsResend: 'Resend code',
  smsResendIn: 'Resend code in {seconds} s',
  smsResendAvailableAt: 'You can ask for a new code in {seconds} seconds.',
  smsResendReady: 'You can ask for a new code now.',
  smsResent: 'We sent a new code to {phone}.',
  smsChangeNumber: 'Use a different number',
  smsDone: 'Phone number verified.',

  // <totp-setup>
  totpScanTitle: 'Set up your authenticator app',
  totpScanIntro: 'Scan this QR code with an authenticator app (Google Authenticator, 1Password, Authy…).',
  totpQrLabel: 'QR code for {issuer} ({account})',
  totpKeyIntro: 'Or enter this key in the app:',
  totpKeyLabel: 'Setup key',
  totpCopyKey: 'Copy key',
  totpKeyCopied: 'Key copied.',
  totpOpenApp: 'Open in your authenticator app',
  totpContinue: 'I have added it',
  totpCodeTitle: 'Enter the code from your app',
  totpCodeIntro: 'Enter the {length}-digit code your authenticator app shows for {issuer}.',
  totpBack: 'Show the QR code again',
  totpVerify: 'Verify',
  totpVerifying: 'Verifying…',
  totpCreating: 'Preparing your setup key…',
  totpDone: 'Authenticator app added.',
  totpPendingExists:
    'An authenticator setup was started for your account and not finished. If you already added it to your app, enter a code from it; otherwise try again once it expires.',
  totpEnterExisting: 'Enter a code from my app',
  totpActiveExists:
    'You already have an authenticator app set up. Sign in with it, or remove it in your security settings before adding another.',
  totpExpired: 'This setup expired before it was finished. Start again to get a new QR code.',
  totpRestart: 'Start again',

  // <mfa-recovery-codes>
  recoveryTitle: 'Save your recovery codes',
  recoveryIntro:
    'If you lose your authenticator app, each of these codes lets you sign in once. Keep them somewhere safe, such as a password manager.',
  recoveryListLabel: 'Recovery codes',
  recoveryCopy: 'Copy all',
  recoveryCopied: 'Codes copied.',
  recoveryCopyFailed: 'Copying failed. Select the codes and copy them yourself.',
  recoveryDownload: 'Download .txt',
  recoveryDownloaded: 'Codes downloaded.',
  recoveryFileName: 'recovery-codes.txt',
  recoveryFileHeading: 'Recovery codes for {account}. Each code works once.',
  recoveryPrint: 'Print',
  recoveryAcknowledge: 'I have saved these codes',
  recoveryContinue: 'Continue',
  recoveryAcknowledgeFirst: 'Confirm that you have saved the codes first.',
  recoveryRotate: 'Get new codes',
  recoveryRotating: 'Getting new codes…',
  recoveryRotated: 'New codes are ready; the old ones no longer work.',
  recoveryLoading: 'Loading your recovery codes…',
  recoveryDone: 'Recovery codes saved.',

  // <mfa-enroll>
  enrollTitle: 'Protect your account with a second step',
  enrollIntro: 'Choose how you will confirm it is you each time you sign in.',
  enrollMethodsLabel: 'Verification methods',
  methodSms: 'Text message',
  methodSmsHint: 'We text a code to your phone.',
  methodTotp: 'Authenticator app',
  methodTotpHint: 'An app on your phone shows a code.',
  enrollBack: 'Choose another method',
  enrollNoMethods: 'Your organization allows no verification method this page offers.',

  // <mfa-authenticate>
  authTotpTitle: 'Enter the code from your authenticator app',
  authTotpIntro: 'Open your authenticator app and enter the {length}-digit code it shows.',
  authRecoveryTitle: 'Use a recovery code',
  authRecoveryIntro: 'Enter one of the recovery codes you saved when you set up your authenticator app.',
  recoveryCodeLabel: 'Recovery code',
  authVerify: 'Verify',
  authVerifying: 'Verifying…',
  switchToSms: 'Text a code to {phone} instead',
  switchToTotp: 'Use your authenticator app instead',
  switchToRecovery: 'Use a recovery code',
  authRemaining: 'Signed in. You have {count} recovery codes left.',
  authRemainingFew:
    'Signed in. Only {count} recovery codes are left: create new ones in your security settings before you run out.',
  authRemainingNone:
    'Signed in. That was your last recovery code: create new ones in your security settings now.',
  authDone: 'Verified.',
  recoveryCodeRequired: 'Enter a recovery code.',

  // Errors (by Stytch's error_type, mapped in src/stytch/errors.ts)
  errorWrongCode: 'That code is not right. Check it and try again.',
  errorCodeExpired: 'That code has expired or was already used. Send a new code.',
  errorInvalidCode: 'Enter the {length}-digit code.',
  errorInvalidPhone: 'That phone number is not valid. Check it and try again.',
  errorPhoneCountry: 'Text messages cannot be sent to that country. Use another number.',
  errorPhoneUnsubscribed:
    'That number has opted out of text messages. Reply START to our texts, or use another number.',
  errorPhoneTaken: 'That number cannot be used for this account. Use another number.',
  errorRateLimited: 'Too many attempts. Try again in {seconds} seconds.',
  errorRateLimitedLater: 'Too many attempts. Wait a few minutes, then try again.',
  errorSessionExpired: 'Your sign-in has expired. Sign in again to continue.',
  errorMethodNotAllowed: 'Your organization does not allow this verification method.',
  errorNetwork: 'We could not reach the server. Check your connection and try again.',
  errorServer: 'Something went wrong on our side. Try again.',
  errorLinkUsed: 'That sign-in link has expired or was already used. Ask for a new one.',
  errorTotpReused: 'That code was already used. Wait for the next code in your app.',
  errorWrongRecoveryCode: 'That recovery code is not right, or was already used.',
  errorNoRecoveryCodes: 'You have no recovery codes: they come with an authenticator app.',
  errorGeneric: 'Something went wrong. Try again.',
} as const;

export type StringKey = keyof typeof en;

/** A full strings table: one string per key. */
export type MfaStrings = Record<StringKey, string>;
