import { randomInt } from 'node:crypto';

const digits = (n: number) => Array.from({ length: n }, () => randomInt(10)).join('');

/** A valid registration with a fresh email and mobile, so tests never collide on the shared table. */
export function aRegistration(overrides: Record<string, unknown> = {}) {
  return {
    surname: 'Äijälä-Öhman',
    firstNames: 'Åsa Märta',
    streetAddress: 'Mannerheimintie 12 B 7',
    postalCode: '00100',
    postOffice: 'Helsinki',
    mobile: `040 ${digits(3)} ${digits(4)}`,
    email: `asa.${digits(8)}@example.fi`,
    birthDate: '1985-06-15',
    gender: 'female',
    language: 'sv',
    ...overrides,
  };
}

export const CUSTOMER_SERVICE = { role: 'customer-service' } as const;
export const ADMIN = { role: 'admin' } as const;
