/**
 * Phone numbers to E.164, Finnish numbers accepted as written locally ("040 123 4567").
 * Written by hand because libphonenumber-js adds 119 KB to every bundle, a third of the cold-start
 * floor; the register needs only this normalisation, not per-country numbering plans.
 */
const SEPARATORS = /[\s\-().\/]/g;

export function normalisePhone(written: string): string | undefined {
  const compact = written.trim().replace(SEPARATORS, '');
  let e164: string;
  if (compact.startsWith('+')) e164 = compact;
  else if (compact.startsWith('00')) e164 = '+' + compact.slice(2);
  else if (compact.startsWith('0')) e164 = '+358' + compact.slice(1);
  else return undefined;
  // Finns often keep the trunk zero after the country code (+358 050 …, +358 (0)50 …): one number.
  if (e164.startsWith('+3580')) e164 = '+358' + e164.slice(5);
  // E.164: a country code not starting with 0, at most 15 digits in all; Finnish numbers have 5 to 12 after +358.
  if (!/^\+[1-9]\d{6,14}$/.test(e164)) return undefined;
  if (e164.startsWith('+358') && !/^\+358\d{5,12}$/.test(e164)) return undefined;
  return e164;
}
