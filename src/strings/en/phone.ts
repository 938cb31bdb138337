/** The English strings of `<mfa-phone-input>`. */
export const phone = {
  phoneLabel: 'Phone number',
  countryLabel: 'Country',
  phoneRequired: 'Enter a phone number.',
  phoneInvalid: 'Enter a valid phone number for the country you chose.',
  phoneCountryNotAllowed: 'Text messages cannot be sent to that country. Use another number.',
} as const;
