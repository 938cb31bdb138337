import type { MfaStrings } from './en.js';

/** French. Loaded only when an element's language is `fr`. */
export const fr: MfaStrings = {
  noClient:
    "L'authentification multifacteur n'est pas configurée : donnez un client Stytch à cet élément, ou placez-le dans <mfa-provider>.",
  noMember: "Connectez-vous d'abord : aucun membre à vérifier.",

  codeLabel: 'Code de vérification',
  codeHint: 'Saisissez le code à {length} chiffres.',
  codeRequired: 'Saisissez le code.',
  codeIncomplete: 'Saisissez les {length} chiffres.',

  phoneLabel: 'Numéro de téléphone',
  countryLabel: 'Pays',
  phoneHint: 'Nous enverrons un code par SMS à ce numéro.',
  phoneRequired: 'Saisissez un numéro de téléphone.',
  phoneInvalid: 'Saisissez un numéro valide pour le pays choisi.',
  phoneLoading: 'Chargement des formats de numéros…',

  smsPhoneTitle: 'Ajouter un numéro de téléphone',
  smsPhoneIntro: 'Nous enverrons un code à usage unique à ce numéro à chaque connexion.',
  smsSend: 'Envoyer le code',
  smsSending: 'Envoi…',
  smsCodeTitle: 'Consultez votre téléphone',
  smsCodeIntro: 'Nous avons envoyé un code à {length} chiffres au {phone}.',
  smsCodeIntroNoPhone: 'Saisissez le code à {length} chiffres envoyé sur votre téléphone.',
  smsVerify: 'Vérifier',
  smsVerifying: 'Vérification…',
  smsResend: 'Renvoyer le code',
  smsResendIn: 'Renvoyer le code dans {seconds} s',
  smsResendAvailableAt: 'Vous pourrez demander un nouveau code dans {seconds} secondes.',
  smsResendReady: 'Vous pouvez demander un nouveau code.',
  smsResent: 'Nous avons envoyé un nouveau code au {phone}.',
  smsChangeNumber: 'Utiliser un autre numéro',
  smsDone: 'Numéro de téléphone vérifié.',

  errorWrongCode: "Ce code n'est pas le bon. Vérifiez-le et réessayez.",
  errorCodeExpired: 'Ce code a expiré ou a déjà servi. Demandez un nouveau code.',
  errorInvalidCode: 'Saisissez le code à {length} chiffres.',
  errorInvalidPhone: "Ce numéro n'est pas valide. Vérifiez-le et réessayez.",
  errorPhoneCountry: 'Les SMS ne peuvent pas être envoyés vers ce pays. Utilisez un autre numéro.',
  errorPhoneUnsubscribed:
    'Ce numéro a refusé nos SMS. Répondez START à nos messages, ou utilisez un autre numéro.',
  errorPhoneTaken: 'Ce numéro ne peut pas être utilisé pour ce compte. Utilisez un autre numéro.',
  errorRateLimited: 'Trop de tentatives. Réessayez dans {seconds} secondes.',
  errorRateLimitedLater: 'Trop de tentatives. Patientez quelques minutes, puis réessayez.',
  errorSessionExpired: 'Votre connexion a expiré. Reconnectez-vous pour continuer.',
  errorMethodNotAllowed: "Votre organisation n'autorise pas cette méthode de vérification.",
  errorNetwork: 'Impossible de joindre le serveur. Vérifiez votre connexion et réessayez.',
  errorServer: 'Une erreur est survenue de notre côté. Réessayez.',
  errorGeneric: 'Une erreur est survenue. Réessayez.',
};
