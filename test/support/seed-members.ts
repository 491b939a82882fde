import { newCustomerNumber } from '../../shared/members/new-customer-number.ts';
import { audienceIndex, auditKey, consentKey, memberKey, purchaseMonthKey } from '../../shared/store/keys.ts';
import { aStoredMember } from './fixtures.ts';

/** Distinct customer numbers: random ones collide now and then among tens of thousands (registration retries). */
export function distinctCustomerNumbers(count: number): string[] {
  const numbers = new Set<string>();
  while (numbers.size < count) numbers.add(newCustomerNumber());
  return [...numbers];
}

/**
 * Members of whom every `consentEvery`th has the email consent (every other by default), each with purchase months and audit entries
 * beside the profile, so that reading what cannot be in an audience would show in the item count.
 */
export function membersWithHistory(count: number, consentEvery = 2) {
  const consent = {
    purpose: 'marketing.email',
    granted: true,
    source: 'web',
    noticeVersion: '2026.1',
    at: '2026-01-01T00:00:00Z',
    actor: 'bench',
  };
  return distinctCustomerNumbers(count).flatMap((n, i) => {
    const consents = i % consentEvery === 0 ? { 'marketing.email': consent } : {};
    return [
      { ...memberKey(n), type: 'member', ...aStoredMember(n), consents },
      ...(i % consentEvery === 0
        ? [
            {
              ...consentKey(n, 'marketing.email'),
              ...audienceIndex('marketing.email', n),
              type: 'consent',
              ...consent,
            },
          ]
        : []),
      ...['2026-08', '2026-09', '2026-10'].map((month) => ({
        ...purchaseMonthKey(n, month),
        type: 'purchases',
        group_food: 1000,
        receipts: 1,
      })),
      { ...auditKey(n, 1), type: 'audit', action: 'read', at: '2026-11-01T00:00:00Z', actor: 'bench' },
    ];
  });
}
