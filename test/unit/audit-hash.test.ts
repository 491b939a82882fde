import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { auditHash, type ChainedAuditEntry } from '../../shared/members/audit-chain.ts';

/** An entry as the chain held it before entries could carry a reason. */
const EARLIER: Omit<ChainedAuditEntry, 'hash' | 'reason'> = {
  customerNumber: '1000000001',
  seq: 3,
  prevHash: 'a'.repeat(64),
  at: '2026-10-01T08:00:00.000Z',
  actor: 'cs-1',
  role: 'customer-service',
  action: 'correct',
  via: 'PATCH /members/{customerNumber}',
  purpose: 'customer-service',
  requestId: 'r-1',
  fields: ['birthDate'],
};

/** The hash as it was computed then: these eleven fields in this order, nothing more. */
const hashedThen = (values: unknown[]) => createHash('sha256').update(JSON.stringify(values)).digest('hex');
const THEN = [
  EARLIER.customerNumber,
  EARLIER.seq,
  EARLIER.prevHash,
  EARLIER.at,
  EARLIER.actor,
  EARLIER.role,
  EARLIER.action,
  EARLIER.via,
  EARLIER.purpose,
  EARLIER.requestId,
  EARLIER.fields,
];

describe('the audit chain’s hash', () => {
  it('is the same for an entry written before reasons existed, so chains already stored still verify', async () => {
    expect(await auditHash(EARLIER)).toBe(hashedThen(THEN));
  });

  it('seals a reason where there is one: changing it breaks the link', async () => {
    const withReason = { ...EARLIER, reason: 'identity-document' };
    expect(await auditHash(withReason)).toBe(hashedThen([...THEN, 'identity-document']));
    expect(await auditHash({ ...withReason, reason: 'entry-error' })).not.toBe(await auditHash(withReason));
  });
});
