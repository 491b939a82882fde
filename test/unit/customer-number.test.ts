import { describe, expect, it } from 'vitest';
import { isCustomerNumber, luhnCheckDigit } from '../../shared/members/customer-number.ts';
import { newCustomerNumber } from '../../shared/members/new-customer-number.ts';

describe('customer number', () => {
  it('computes the Luhn check digit of known numbers', () => {
    expect(luhnCheckDigit('7992739871')).toBe(3);
    expect(luhnCheckDigit('123456789')).toBe(7);
  });

  it('generates ten-digit numbers that pass their own check', () => {
    for (let i = 0; i < 1000; i++) {
      const n = newCustomerNumber();
      expect(n).toMatch(/^[1-9]\d{9}$/);
      expect(isCustomerNumber(n)).toBe(true);
    }
  });

  it('catches every single mistyped digit and every swap of two neighbours that differ', () => {
    const n = '1234567897';
    expect(isCustomerNumber(n)).toBe(true);
    for (let i = 0; i < 10; i++) {
      for (let d = 0; d < 10; d++) {
        if (String(d) === n[i]) continue;
        expect(isCustomerNumber(n.slice(0, i) + d + n.slice(i + 1))).toBe(false);
      }
    }
    for (let i = 0; i < 9; i++) {
      const swapped = n.slice(0, i) + n[i + 1] + n[i] + n.slice(i + 2);
      // Luhn cannot see 0↔9 swaps; no such pair here.
      if (swapped !== n) expect(isCustomerNumber(swapped)).toBe(false);
    }
  });

  it('refuses anything but ten digits', () => {
    for (const bad of ['', '123456789', '12345678970', '12345678a7', ' 1234567897'])
      expect(isCustomerNumber(bad)).toBe(false);
  });
});
