import { beforeEach, describe, expect, it } from 'vitest';
import type { Caller } from '../../shared/auth/caller.ts';
import { problemOf as answerOf } from '../../shared/http/problem.ts';
import { Refusal } from '../../shared/refusal.ts';
import { chooseCard } from '../../shared/members/choose-card.ts';
import { correctMember } from '../../shared/members/correct.ts';
import { findMembers } from '../../shared/members/find.ts';
import { readMember } from '../../shared/members/read.ts';
import { registerMember } from '../../shared/members/register.ts';
import { RegisterMemberBody } from '../../shared/members/schemas.ts';
import { aRegistration } from '../support/fixtures.ts';
import { MemoryMemberStore } from '../support/memory-member-store.ts';

const staff: Caller = { actor: 'cs-1', role: 'customer-service', via: 'test', requestId: 'r' };
const asMember = (customerNumber: string): Caller => ({
  actor: 'm-1',
  role: 'member',
  customerNumber,
  via: 'test',
  requestId: 'r',
});
const input = (overrides: Record<string, unknown> = {}) => RegisterMemberBody.parse(aRegistration(overrides));

/** The domain's refusal, as the HTTP layer answers it. */
const problemOf = async (promise: Promise<unknown>) => {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(Refusal);
  return answerOf(error as Refusal);
};

let store: MemoryMemberStore;
beforeEach(() => {
  store = new MemoryMemberStore();
});

describe('registering', () => {
  it('defaults gender and language, records each field’s source and audits the registration', async () => {
    const member = await registerMember(staff, input({ gender: undefined, language: undefined }), store);
    expect(member).toMatchObject({ gender: 'unspecified', language: 'fi', version: 1 });
    expect(member.sources.surname).toEqual({ source: 'customer-service', at: member.createdAt });
    expect(store.audits).toEqual([
      expect.objectContaining({ action: 'register', actor: 'cs-1', customerNumber: member.customerNumber }),
    ]);
  });

  it('draws a new customer number when the first one is taken', async () => {
    const realSave = store.save.bind(store);
    let calls = 0;
    store.save = async (change) => (++calls === 1 ? { outcome: 'customer-number-taken' } : realSave(change));
    const member = await registerMember(staff, input(), store);
    expect(calls).toBe(2);
    expect(store.members.has(member.customerNumber)).toBe(true);
  });

  it('refuses a duplicate email with 409 naming the field', async () => {
    const first = await registerMember(staff, input(), store);
    const problem = await problemOf(registerMember(staff, input({ email: first.email }), store));
    expect(problem.status).toBe(409);
    expect(problem.errors).toEqual([{ field: 'email', message: 'belongs to another member' }]);
  });
});

describe('reading and finding', () => {
  it('audits a staff read but not a member reading their own record', async () => {
    const member = await registerMember(staff, input(), store);
    await readMember(staff, member.customerNumber, store);
    await readMember(asMember(member.customerNumber), member.customerNumber, store);
    expect(store.audits.map((a) => a.action)).toEqual(['register', 'read']);
  });

  it('hides another member’s record behind 404, without reading it', async () => {
    const member = await registerMember(staff, input(), store);
    store.get = async () => {
      throw new Error('must not be read');
    };
    expect((await problemOf(readMember(asMember('1234567897'), member.customerNumber, store))).status).toBe(
      404,
    );
  });

  it('finds by mobile and audits the search', async () => {
    const member = await registerMember(staff, input(), store);
    expect(await findMembers(staff, { phone: member.mobile! }, store)).toEqual([member]);
    expect(await findMembers(staff, { email: 'nobody@example.fi' }, store)).toEqual([]);
    expect(store.audits.at(-1)).toMatchObject({ action: 'search', customerNumber: member.customerNumber });
  });
});

describe('correcting', () => {
  it('changes only what differs, bumps the version once, and removes a field set to null', async () => {
    const member = await registerMember(staff, input({ phone: '09 123 4567' }), store);
    const after = await correctMember(
      staff,
      member.customerNumber,
      { surname: member.surname, phone: null, language: 'fi' },
      [1],
      store,
    );
    expect(after.version).toBe(2);
    expect(after.phone).toBeUndefined();
    expect(after.sources.phone).toBeUndefined();
    expect(store.audits.at(-1)!.fields).toEqual(['phone', 'language']);
  });

  it('answers 428 without a version, 412 with a stale one, and keeps the address whole', async () => {
    const member = await registerMember(staff, input(), store);
    expect(
      (await problemOf(correctMember(staff, member.customerNumber, { surname: 'X' }, undefined, store)))
        .status,
    ).toBe(428);
    expect(
      (await problemOf(correctMember(staff, member.customerNumber, { surname: 'X' }, [5], store))).status,
    ).toBe(412);
    const broken = await problemOf(
      correctMember(staff, member.customerNumber, { postOffice: null }, [1], store),
    );
    expect(broken.status).toBe(400);
    expect(store.members.get(member.customerNumber)!.version).toBe(1);
  });

  it('makes no write for a patch that changes nothing', async () => {
    const member = await registerMember(staff, input(), store);
    const same = await correctMember(staff, member.customerNumber, { surname: member.surname }, [1], store);
    expect(same.version).toBe(1);
    expect(store.audits).toHaveLength(1);
  });
});

describe('choosing a card', () => {
  it('queues one order, cancels it when the choice changes, and orders a replacement for a held card', async () => {
    const member = await registerMember(staff, input(), store);
    const n = member.customerNumber;
    const first = await chooseCard(asMember(n), n, 'CASH_CARD', undefined, store);
    await new Promise((r) => setTimeout(r, 2));
    await chooseCard(asMember(n), n, 'MASTERCARD', undefined, store);
    expect([...store.orders.values()].map((o) => [o.cardType, o.status])).toEqual([
      ['CASH_CARD', 'CANCELLED'],
      ['MASTERCARD', 'PENDING'],
    ]);
    expect(first.card.status).toBe('ORDERED');

    const held = store.members.get(n)!;
    store.members.set(n, {
      ...held,
      card: { type: 'CASH_CARD', status: 'SHIPPED', cardNumber: '1234567812345678' },
    });
    await chooseCard(staff, n, 'MASTERCARD', undefined, store);
    expect([...store.orders.values()].at(-1)).toMatchObject({
      cardType: 'MASTERCARD',
      orderType: 'REPLACEMENT',
    });
  });

  it('orders no card for a deceased member', async () => {
    const member = await registerMember(staff, input(), store);
    const stored = store.members.get(member.customerNumber)!;
    store.members.set(member.customerNumber, { ...stored, flags: { ...stored.flags, deceased: true } });
    expect(
      (await problemOf(chooseCard(staff, member.customerNumber, 'CASH_CARD', undefined, store))).status,
    ).toBe(409);
    expect(store.orders.size).toBe(0);
  });
});
