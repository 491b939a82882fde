import { randomInt } from 'node:crypto';
import type { Member } from '../../shared/members/member.ts';
import { memberStore } from '../../shared/store/default-stores.ts';

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

/** A surname no other test uses: the stem and six random letters. */
export const uniqueSurname = (stem: string) =>
  stem + Array.from({ length: 6 }, () => 'abcdefghijklmnopqrstuvwxyz'[randomInt(26)]).join('');

export const CUSTOMER_SERVICE = { role: 'customer-service' } as const;
export const ADMIN = { role: 'admin' } as const;

/** A member as the store holds it, for tests and benchmarks that mock the store. */
export function aStoredMember(customerNumber = '1234567897') {
  return {
    customerNumber,
    surname: 'Virtanen',
    firstNames: 'Liisa',
    email: 'liisa@example.fi',
    birthDate: '1970-01-01',
    gender: 'female',
    language: 'fi',
    card: { type: 'NONE', status: 'NONE' },
    flags: { deceased: false, protectedAddress: false, restricted: false, addressDoubtful: false },
    sources: {},
    version: 3,
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
  };
}

/** The member as DynamoDB answers a GetItem of the profile (mocked store tests). */
export const aStoredProfileItem = (customerNumber = '1234567897') => ({
  ...aStoredMember(customerNumber),
  type: 'member',
});

let receiptSequence = 0;

/** A receipt of the given member with fresh store and receipt ids. */
export function aReceipt(customerNumber: string, overrides: Record<string, unknown> = {}) {
  receiptSequence += 1;
  return {
    storeId: 'HKI-01',
    receiptId: `R-${Date.now()}-${receiptSequence}-${randomInt(1_000_000)}`,
    purchasedAt: '2026-10-15T12:00:00+03:00',
    customerNumber,
    lines: [{ mainGroup: 'food', amountCents: 1250 }],
    ...overrides,
  };
}

export const POS = { role: 'pos' } as const;

/** Sets flags the way only the register's own jobs do (the address refresh, for instance), straight through the store. */
export async function setFlags(customerNumber: string, flags: Partial<Member['flags']>): Promise<void> {
  const store = memberStore();
  const before = (await store.get(customerNumber))!;
  const after = { ...before, flags: { ...before.flags, ...flags }, version: before.version + 1 };
  const at = new Date().toISOString();
  const audit = {
    customerNumber,
    at,
    actor: 'test',
    role: 'admin',
    action: 'correct',
    via: 'test',
    purpose: 'administration',
    requestId: `flags-${at}-${Math.random()}`,
  } as const;
  const saved = await store.save({ before, after, audit });
  if (saved.outcome !== 'saved') throw new Error(`flags not set: ${saved.outcome}`);
}
