const DIGIT = /\p{Nd}/gu;

/**
 * Text with every decimal digit as ASCII (full-width, Arabic-Indic, Persian, Devanagari… become
 * 0–9), compatibility forms folded (a full-width "＋" is "+") and invisible marks dropped (RLM, NUL),
 * so what a member types or pastes in any script reads as they meant it.
 */
export function asciiDigits(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[\p{Cc}\p{Cf}]/gu, '')
    .replace(DIGIT, (digit) => {
      let zero = digit.codePointAt(0)!;
      const point = zero;
      while (/\p{Nd}/u.test(String.fromCodePoint(zero - 1))) zero--;
      return String((point - zero) % 10);
    });
}
