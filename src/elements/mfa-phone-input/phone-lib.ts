// What <mfa-phone-input> needs from libphonenumber-js (its smallest metadata). Loaded with a dynamic
// import when phone entry is first shown, so the metadata never weighs on other steps.
export {
  AsYouType,
  getCountries,
  getCountryCallingCode,
  parsePhoneNumberFromString,
} from 'libphonenumber-js/min';
export type { CountryCode } from 'libphonenumber-js/min';
