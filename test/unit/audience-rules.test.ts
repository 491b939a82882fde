import { describe, expect, it } from 'vitest';
import { exclusion } from '../../shared/campaigns/audience-rules.ts';
import type { Channel, Footing, Purpose } from '../../shared/consents/purposes.ts';
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
  ['never asked (moved in from 2009)', (m) => ({ ...m, consents: {}, legacyNumber: '12345678' })],
  ['never answered (joined here)', (m) => ({ ...m, consents: {} })],
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
  ['email bounced (undeliverable)', (m) => flagged(m, { emailUndeliverable: true })],
];

/**
 * What keeps the member out of each channel on each footing it may have (email and text messages on
 * consent, or on the own-customer exception when the admin turns it on; post on legitimate
 * interest): undefined when the channel may reach them.
 */
type Column = Channel | 'email, own customer' | 'sms, own customer';
const COLUMNS: [Column, Channel, Footing][] = [
  ['email', 'email', 'consent'],
  ['sms', 'sms', 'consent'],
  ['post', 'post', 'legitimate-interest'],
  ['email, own customer', 'email', 'own-customer'],
  ['sms, own customer', 'sms', 'own-customer'],
];
const BAN = 'direct-marketing-ban';
const EXPECTED: Record<string, Record<Column, string | undefined>> = {
  // prettier-ignore
  reachable: { email: undefined, sms: undefined, post: undefined, 'email, own customer': undefined, 'sms, own customer': undefined },
  // prettier-ignore
  banned: { email: BAN, sms: BAN, post: BAN, 'email, own customer': BAN, 'sms, own customer': BAN },
  // prettier-ignore
  'ban lifted': { email: undefined, sms: undefined, post: undefined, 'email, own customer': undefined, 'sms, own customer': undefined },
  // prettier-ignore
  'never asked (moved in from 2009)': { email: 'no-consent', sms: 'no-consent', post: undefined, 'email, own customer': 'no-consent', 'sms, own customer': 'no-consent' },
  // prettier-ignore
  'never answered (joined here)': { email: 'no-consent', sms: 'no-consent', post: undefined, 'email, own customer': undefined, 'sms, own customer': undefined },
  // prettier-ignore
  'consents withdrawn': { email: 'no-consent', sms: 'no-consent', post: undefined, 'email, own customer': 'refused', 'sms, own customer': 'refused' },
  // prettier-ignore
  'protected address': { email: undefined, sms: undefined, post: 'protected-address', 'email, own customer': undefined, 'sms, own customer': undefined },
  // prettier-ignore
  'address-disclosure ban': { email: undefined, sms: undefined, post: 'address-disclosure-ban', 'email, own customer': undefined, 'sms, own customer': undefined },
  // prettier-ignore
  deceased: { email: 'deceased', sms: 'deceased', post: 'deceased', 'email, own customer': 'deceased', 'sms, own customer': 'deceased' },
  // prettier-ignore
  restricted: { email: 'restricted', sms: 'restricted', post: 'restricted', 'email, own customer': 'restricted', 'sms, own customer': 'restricted' },
  // prettier-ignore
  'erasure requested': { email: 'leaving', sms: 'leaving', post: 'leaving', 'email, own customer': 'leaving', 'sms, own customer': 'leaving' },
  // prettier-ignore
  'membership ended': { email: 'leaving', sms: 'leaving', post: 'leaving', 'email, own customer': 'leaving', 'sms, own customer': 'leaving' },
  // prettier-ignore
  'banned and never asked': { email: BAN, sms: BAN, post: BAN, 'email, own customer': BAN, 'sms, own customer': BAN },
  // prettier-ignore
  'no contact fields': { email: 'no-email', sms: 'no-mobile', post: 'no-address', 'email, own customer': 'no-email', 'sms, own customer': 'no-mobile' },
  // prettier-ignore
  'email bounced (undeliverable)': { email: 'undeliverable', sms: undefined, post: undefined, 'email, own customer': 'undeliverable', 'sms, own customer': undefined },
};

describe('who a channel may reach, on its lawful footing', () => {
  const cases = SITUATIONS.flatMap(([situation, make]) =>
    COLUMNS.map(
      ([column, channel, footing]) =>
        [situation, column, channel, footing, make, EXPECTED[situation]![column]] as const,
    ),
  );
  it.each(cases)('%s, by %s', (_situation, _column, channel, footing, make, expected) => {
    expect(exclusion(make(reachable()), channel, footing)).toBe(expected);
  });
});
