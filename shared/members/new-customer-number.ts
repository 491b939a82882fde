import { randomInt } from 'node:crypto';
import { luhnCheckDigit } from './customer-number.ts';

/**
 * A random customer number: random, so numbers reveal neither membership count nor order of joining.
 * A module of its own because node:crypto costs every cold start that loads it, and only registration needs it.
 */
export function newCustomerNumber(): string {
  const payload = String(randomInt(100_000_000, 1_000_000_000));
  return payload + luhnCheckDigit(payload);
}
