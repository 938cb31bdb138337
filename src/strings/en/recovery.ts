/** The English strings of `<mfa-recovery-codes>`. */
export const recovery = {
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
} as const;
