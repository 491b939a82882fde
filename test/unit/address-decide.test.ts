import { describe, expect, it } from 'vitest';
import { decide } from '../../shared/addresses/decide.ts';
import type { Member } from '../../shared/members/member.ts';
import { erasureDueOn } from '../../shared/privacy/erasure-due.ts';
import { anUpdate } from '../support/address-files.ts';
import { aStoredMember } from '../support/fixtures.ts';

const context = { fileId: 'F-1', line: 2, referenceDate: '2026-11-20', now: '2026-11-25T01:00:00.000Z' };
const member = (overrides: Partial<Member> = {}): Member => ({
  ...(aStoredMember('1000000016') as Member),
  surname: 'Äijälä-Öhman',
  firstNames: 'Åsa Märta',
  streetAddress: 'Vanha tie 1',
  postalCode: '00100',
  postOffice: 'HELSINKI',
  sources: { streetAddress: { source: 'member', at: '2026-10-15T09:00:00.000Z' } },
  ...overrides,
});

describe('what an address update line does to a member', () => {
  it('takes the file’s reference date when the move date is blank, and the member’s later word wins', () => {
    const update = anUpdate('1000000016', { moveDate: undefined });
    expect(decide(member(), update, context).after?.sources.streetAddress).toEqual({
      source: 'population-register',
      at: '2026-11-20',
    });
    const newer = member({
      sources: { streetAddress: { source: 'member', at: '2026-11-21T08:00:00.000Z' } },
    });
    const kept = decide(newer, update, context);
    expect(kept.outcome).toBe('member-newer');
    expect(kept.after).toBeUndefined(); // the names are the same, so nothing is written
  });

  it('compares the member’s change with the move date in Helsinki time', () => {
    // 23:30 UTC on 31 Oct is already 1 Nov in Helsinki: not after a move on 1 Nov.
    const sameDay = member({
      sources: { streetAddress: { source: 'member', at: '2026-10-31T23:30:00.000Z' } },
    });
    expect(decide(sameDay, anUpdate('1000000016', { moveDate: '2026-11-01' }), context).outcome).toBe(
      'updated',
    );
  });

  it('lifts a protected address when a normal line gives an address again', () => {
    const protectedOne = member({
      flags: { ...member().flags, protectedAddress: true },
      streetAddress: undefined,
      postalCode: undefined,
      postOffice: undefined,
    });
    const decision = decide(protectedOne, anUpdate('1000000016'), context);
    expect(decision.outcome).toBe('updated');
    expect(decision.after?.flags.protectedAddress).toBe(false);
    expect(decision.after?.streetAddress).toBe('Hämeenkatu 12 B 7');
  });

  it('marks a death once, cancels a waiting card order, and writes nothing the second time', () => {
    const ordering = member({
      card: { type: 'CASH_CARD', status: 'ORDERED', orderedAt: '2026-11-01T10:00:00.000Z' },
    });
    const update = anUpdate('1000000016', { status: 'deceased', dateOfDeath: '2026-11-10' });
    const first = decide(ordering, update, context);
    expect(first).toMatchObject({ outcome: 'deceased', cancelCardOrder: '2026-11-01T10:00:00.000Z' });
    expect(first.after).toMatchObject({ deceasedOn: '2026-11-10', card: { type: 'NONE', status: 'NONE' } });
    const again = decide(first.after!, update, { ...context, fileId: 'F-2' });
    expect(again).toEqual({ outcome: 'deceased' });
  });

  it('counts a line it applied before a stop as what it was', () => {
    const applied = member({ addressRefresh: { fileId: 'F-1', line: 2, outcome: 'updated' } });
    expect(decide(applied, anUpdate('1000000016'), context)).toEqual({ outcome: 'updated' });
  });
});

describe('when the retention job erases a member', () => {
  it('takes the earliest due date of death, membership end and erasure request, by Helsinki days', () => {
    expect(erasureDueOn({ deceasedOn: '2026-02-28' })).toBe('2027-02-28');
    expect(erasureDueOn({ membershipEndedAt: '2026-03-15T12:00:00.000Z' })).toBe('2027-03-15');
    // 22:30 UTC on 25 Nov is 26 Nov in Helsinki.
    expect(erasureDueOn({ erasureRequestedAt: '2026-11-25T22:30:00.000Z', deceasedOn: '2026-11-01' })).toBe(
      '2026-12-03',
    );
    expect(erasureDueOn({})).toBeUndefined();
  });
});
