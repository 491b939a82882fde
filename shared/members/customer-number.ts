/** Luhn check digit of a string of digits (the digit that makes the whole number pass). */
export function luhnCheckDigit(digits: string): number {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    // Doubling starts from the rightmost payload digit, since the check digit goes after it.
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 0) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return (10 - (sum % 10)) % 10;
}

export const CUSTOMER_NUMBER_PATTERN = /^\d{10}$/;

/** Ten digits whose last one is the Luhn check digit of the first nine. */
export function isCustomerNumber(value: string): boolean {
  return CUSTOMER_NUMBER_PATTERN.test(value) && luhnCheckDigit(value.slice(0, 9)) === Number(value[9]);
}
