/**
 * A phone number with all but the leading `+` and first digit and the last three digits hidden:
 * `+14155551234` → `+1•••••••234`. What events and status text show.
 */
export function maskPhone(e164: string): string {
  const digits = e164.replace(/\D/g, '');
  if (digits.length < 5) return '•'.repeat(digits.length);
  return `+${digits[0]}${'•'.repeat(digits.length - 4)}${digits.slice(-3)}`;
}
