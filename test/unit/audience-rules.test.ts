import { describe, expect, it } from 'vitest';
import { exclusion } from '../../shared/campaigns/audience-rules.ts';
import type { Channel, Purpose } from '../../shared/consents/purposes.ts';
import type { Member } from '../../shared/members/member.ts';
import { aStoredMember } from '../support/fixtures.ts';

const answered = (purpose: Purpose, granted: boolean) => ({
  [purpose]: {
    purpose,
    granted,
    source: 'store',
    noticeVersion: '2026.1',
    at: '2026-01-01T00:00:00Z',
    actor: 'cs',
  },
});
/** Every contact field, and the consents of every channel: what a situation changes is all that keeps the member out. */
const reachable = () =>
  ({
    ...aStoredMember(),
    mobile: '+358501234567',
    streetAddress: 'Mannerheimintie 1',
    postalCode: '00100',
    postOffice: 'HELSINKI',
    consents: {
      ...answered('marketing.email', true),
      ...answered('marketing.sms', true),
      ...answered('marketing.post', true),
    },
  }) as Member;

type Situation = [string, (member: Member) => Member];
const withConsents = (member: Member, consents: object) => ({
  ...member,
  consents: { ...member.consents, ...consents },
});
const flagged = (member: Member, flags: Partial<Member['flags']>) => ({
  ...member,
  flags: { ...member.flags, ...flags },
});

const SITUATIONS: Situation[] = [
  ['reachable', (m) => m],
  ['banned', (m) => withConsents(m, answered('directMarketingBan', true))],
  ['ban lifted', (m) => withConsents(m, answered('directMarketingBan', false))],
  ['never asked (moved in from 2009)', (m) => ({ ...m, consents: {} })],
  [
    'consents withdrawn',
    (m) =>
      withConsents(m, {
        ...answered('marketing.email', false),
        ...answered('marketing.sms', false),
        ...answered('marketing.post', false),
      }),
  ],
  ['protected address', (m) => flagged(m, { protectedAddress: true })],
  ['address-disclosure ban', (m) => withConsents(m, answered('addressDisclosureBan', true))],
  ['deceased', (m) => flagged(m, { deceased: true })],
  ['restricted', (m) => flagged(m, { restricted: true })],
  ['erasure requested', (m) => ({ ...m, erasureRequestedAt: '2026-11-01T00:00:00Z' })],
  ['membership ended', (m) => ({ ...m, membershipEndedAt: '2026-11-01T00:00:00Z' })],
  ['banned and never asked', (m) => ({ ...m, consents: answered('directMarketingBan', true) })],
  ['no contact fields', (m) => ({ ...m, email: undefined, mobile: undefined, streetAddress: undefined })],
];

/** What keeps the member out of each channel: undefined when the channel may reach them. */
const EXPECTED: Record<string, Record<Channel, string | undefined>> = {
  reachable: { email: undefined, sms: undefined, post: undefined },
  banned: { email: 'direct-marketing-ban', sms: 'direct-marketing-ban', post: 'direct-marketing-ban' },
  'ban lifted': { email: undefined, sms: undefined, post: undefined },
  'never asked (moved in from 2009)': { email: 'no-consent', sms: 'no-consent', post: undefined },
  'consents withdrawn': { email: 'no-consent', sms: 'no-consent', post: undefined },
  'protected address': { email: undefined, sms: undefined, post: 'protected-address' },
  'address-disclosure ban': { email: undefined, sms: undefined, post: 'address-disclosure-ban' },
  deceased: { email: 'deceased', sms: 'deceased', post: 'deceased' },
  restricted: { email: 'restricted', sms: 'restricted', post: 'restricted' },
  'erasure requested': { email: 'leaving', sms: 'leaving', post: 'leaving' },
  'membership ended': { email: 'leaving', sms: 'leaving', post: 'leaving' },
  'banned and never asked': {
    email: 'direct-marketing-ban',
    sms: 'direct-marketing-ban',
    post: 'direct-marketing-ban',
  },
  'no contact fields': { email: 'no-email', sms: 'no-mobile', post: 'no-address' },
};

describe('who a channel may reach, on its lawful footing', () => {
  const cases = SITUATIONS.flatMap(([situation, make]) =>
    (['email', 'sms', 'post'] as const).map(
      (channel) => [situation, channel, make, EXPECTED[situation]![channel]] as const,
    ),
  );
  it.each(cases)('%s, by %s', (_situation, channel, make, expected) => {
    expect(exclusion(make(reachable()), channel)).toBe(expected);
  });
});
