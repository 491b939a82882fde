import type { Caller } from '../auth/caller.ts';
import { Refusal } from '../refusal.ts';
import type { MemberStore } from './member-store.ts';
import { sourceOf } from './access.ts';
import { auditEntry } from './audit.ts';
import { newCustomerNumber } from './new-customer-number.ts';
import { NO_FLAGS, PERSONAL_FIELDS, type Member, type PersonalData } from './member.ts';
import { refusal } from './outcome.ts';
import { entryChannel } from './entry-channel.ts';
import { registrationConsents } from '../consents/consents.ts';
import type { RegisterMemberInput } from './schemas.ts';

/** As the well-known payment APIs answer a key sent again with another request: refused, nothing stored. */
export const idempotencyKeyReused = () =>
  new Refusal(
    'idempotency-key-reused',
    'This Idempotency-Key was used for another registration',
    'Send a new registration with a new key.',
  );

/** SHA-256 of the request with its keys in a fixed order, so the same registration always gives the same value. */
async function fingerprintOf(input: RegisterMemberInput): Promise<string> {
  const canonical = (value: unknown): unknown =>
    Array.isArray(value)
      ? value.map(canonical)
      : value && typeof value === 'object'
        ? Object.fromEntries(
            Object.keys(value)
              .sort()
              .map((key) => [key, canonical((value as Record<string, unknown>)[key])]),
          )
        : value;
  const bytes = new TextEncoder().encode(JSON.stringify(canonical(input)));
  return Buffer.from(await globalThis.crypto.subtle.digest('SHA-256', bytes)).toString('hex');
}

/** Random numbers collide rarely; a few fresh draws make a collision practically impossible. */
const NUMBER_ATTEMPTS = 3;

export async function registerMember(
  caller: Caller,
  input: RegisterMemberInput,
  store: MemberStore,
  /** `account`: a person joining on their own, whose sign-in account is linked in the same write. */
  { idempotencyKey, account }: { idempotencyKey?: string; account?: string } = {},
  now = new Date(),
): Promise<Member> {
  const at = now.toISOString();
  const { consents: answers = [], channel: named, formDate, ...personal } = input;
  // A person joining on their own account is self-service, whoever's token it is.
  const channel = account ? 'self-service' : entryChannel(caller, named);
  const data: PersonalData = {
    ...personal,
    gender: input.gender ?? 'unspecified',
    language: input.language ?? 'fi',
  };
  // Marketing consent is never a condition of membership: what was answered is recorded, nothing is required.
  const { consents, events } = registrationConsents(answers, caller.actor, at, channel);
  const fingerprint = await fingerprintOf(input);
  const fields = PERSONAL_FIELDS.filter((f) => data[f] !== undefined);
  const sources = Object.fromEntries(fields.map((f) => [f, { source: sourceOf(caller), at }]));
  for (let attempt = 0; attempt < NUMBER_ATTEMPTS; attempt++) {
    const member: Member = {
      ...data,
      customerNumber: newCustomerNumber(),
      channel,
      ...(formDate ? { formDate } : {}),
      card: { type: 'NONE', status: 'NONE' },
      flags: NO_FLAGS,
      sources,
      ...(events.length ? { consents } : {}),
      ...(account ? { account } : {}),
      version: 1,
      createdAt: at,
      updatedAt: at,
    };
    const saved = await store.save({
      after: member,
      audit: auditEntry(caller, member.customerNumber, 'register', at, fields),
      ...(events.length ? { consentEvents: events } : {}),
      ...(idempotencyKey ? { replay: { actor: caller.actor, key: idempotencyKey, fingerprint } } : {}),
    });
    switch (saved.outcome) {
      case 'saved':
        return member;
      case 'replayed': {
        if (saved.fingerprint !== fingerprint) throw idempotencyKeyReused();
        const earlier = await store.get(saved.customerNumber);
        if (earlier) return earlier;
        break; // erased since: register anew
      }
      case 'customer-number-taken':
        break;
      default:
        throw refusal(saved);
    }
  }
  throw refusal({ outcome: 'customer-number-taken' });
}
