import { ON_ERASURE, type ErasureAction, type ItemTypeName } from './item-types.ts';
import { config } from '../config.ts';
import { MEMBER_DATA, monthsKept, type MemberData } from './member-data.ts';
import type { Recipient, SOURCES } from './notice-terms.ts';
import { PERSONAL_FIELDS } from '../members/member.ts';
import { SEALED_AUDIT_FIELDS } from '../members/audit-chain.ts';
import { OPERATIONAL_FIELDS } from './operational-fields.ts';

/**
 * The one catalogue of what the register stores: every item type and its fields, why, on what legal
 * basis, from where, to whom, for how long, and what erasure does with it. The privacy notice and
 * the records of processing read it, and a test fails when the store writes an item type or field
 * that it does not list. What a member is told of their own items is in member-data.ts, which the
 * export prints; what erasure does is in item-types.ts, which erasure reads: both functions carry
 * only that much of it.
 */

export interface ItemType extends Omit<MemberData, 'type'> {
  /** The stored `type` attribute. */
  type: ItemTypeName;
  /** Other types the same item takes for a while (the profile while its erasure runs). */
  alsoStoredAs?: readonly ItemTypeName[];
  /** Whether the item is about one member (in the export, erased with them). */
  aboutMember: boolean;
  sources: readonly (keyof typeof SOURCES)[];
  recipients: readonly Recipient[];
  /** What erasure does with it (item-types.ts): the profile becomes the tombstone; 'keep' is for items about no one. */
  onErasure: ErasureAction;
  /** Every attribute it may have besides storage keys; a trailing * names a family (group_food, group_fuel, …). */
  fields: readonly string[];
}

/** An entry as written below: whether it is about a member, and what erasure does, are added to it. */
type Entry = Omit<ItemType, 'aboutMember' | 'onErasure'>;

/** An email, mobile number or account's uniqueness key: it names the member and goes with them. */
const uniqueKey = (data: MemberData): Entry => ({
  ...data,
  sources: ['member', 'customer-service'],
  recipients: ['aws'],
  fields: ['customerNumber'],
});
const AUDIT_FIELDS = [...SEALED_AUDIT_FIELDS, 'reason', 'hash'];
const CONSENT_FIELDS = ['purpose', 'granted', 'source', 'noticeVersion', 'channel', 'at', 'actor'];

const M = MEMBER_DATA;
/** A log kept for accountability (who did what): the register's own, kept as long as the audit trail. */
const accountabilityLog = (type: ItemTypeName, title: Entry['title'], fields: string[]): Entry => ({
  type,
  title,
  purposes: ['accountability'],
  sources: ['register'],
  recipients: ['aws'],
  retention: monthsKept(config.retention.auditMonths),
  fields,
});
const operationalRetention = monthsKept(config.retention.reportMonths);

/** Each item type about one member: as the member is told of it (member-data.ts), and the rest. */
const ABOUT_MEMBER: readonly Entry[] = [
  {
    ...M.profile,
    alsoStoredAs: ['erasing'],
    sources: ['member', 'customer-service', 'population-register', 'card-manufacturer', 'legacy-register'],
    recipients: ['card-manufacturer', 'address-service', 'mailing-house', 'it-processor', 'aws'],
    fields: [
      'customerNumber',
      'legacyNumber',
      ...PERSONAL_FIELDS,
      'channel',
      'formDate',
      'consents',
      'card',
      'flags',
      'deceasedOn',
      'erasureRequestedAt',
      'membershipEndedAt',
      'erasingSince',
      'account',
      'accountLinkedBy',
      'accountEmail',
      'addressRefresh',
      'sources',
      'version',
      'createdAt',
      'updatedAt',
    ],
  },
  uniqueKey(M.uniqueEmail),
  uniqueKey(M.uniqueMobile),
  { ...uniqueKey(M.uniqueAccount), sources: ['member'] },
  {
    ...M.accountNotice,
    sources: ['member'],
    recipients: ['aws'],
    fields: ['customerNumber', 'id', 'kind', 'to', 'language', 'accountEmail', 'at'],
  },
  {
    ...M.card,
    sources: ['card-manufacturer'],
    recipients: ['aws'],
    fields: ['customerNumber', 'cardType', 'since', 'blockedAt'],
  },
  { ...M.legacyNumber, sources: ['legacy-register'], recipients: ['aws'], fields: ['customerNumber'] },
  {
    ...M.cardOrder,
    sources: ['member', 'customer-service', 'card-manufacturer'],
    recipients: ['card-manufacturer', 'aws'],
    fields: [
      'customerNumber',
      'orderedAt',
      'cardType',
      'orderType',
      'status',
      'batchId',
      'sequence',
      'row',
      'batchedAt',
      'appliedAcks',
      'cancelledAt',
      'cancelReason',
      'producedAt',
      'shippedAt',
      'rejectedAt',
      'returnedAt',
      'reason',
      'cardNumber',
    ],
  },
  {
    ...M.purchases,
    sources: ['tills'],
    recipients: ['aws'],
    fields: ['receipts', 'receiptTags', 'group_*', 'lateChanges', 'statedBenefitCents'],
  },
  {
    ...M.statement,
    sources: ['register'],
    recipients: ['aws'],
    fields: [
      'customerNumber',
      'month',
      'groups',
      'countedCents',
      'tierPercent',
      'rates',
      'benefitCents',
      'adjustments',
      'payableCents',
      'rulesId',
      'writtenAt',
      'payment',
    ],
  },
  {
    ...M.payoutLine,
    sources: ['register', 'payment-partner'],
    recipients: ['payment-partner', 'aws'],
    fields: [
      'payoutId',
      'customerNumber',
      'cardType',
      'cardReference',
      'month',
      'benefitCents',
      'statementId',
      'pays',
      'status',
      'claimedAt',
      'answeredAt',
      'reason',
    ],
  },
  { ...M.receipt, sources: ['tills'], recipients: ['aws'], fields: ['customerNumber', 'month'] },
  { ...M.consent, sources: ['member', 'customer-service'], recipients: ['aws'], fields: CONSENT_FIELDS },
  {
    ...M.consentEvent,
    sources: ['member', 'customer-service'],
    recipients: ['aws'],
    fields: [...CONSENT_FIELDS, 'previously'],
  },
  {
    ...M.contact,
    sources: ['register'],
    recipients: ['aws'],
    // sentAt: when the campaign's message went; heldOut: kept out of it, to measure what it did.
    fields: ['campaignId', 'channel', 'at', 'sentAt', 'heldOut'],
  },
  { ...M.audit, sources: ['register'], recipients: ['aws'], fields: AUDIT_FIELDS },
  {
    ...M.registrationReplay,
    sources: ['register'],
    recipients: ['aws'],
    fields: ['customerNumber', 'fingerprint'],
  },
  {
    ...M.addressLine,
    sources: ['population-register'],
    recipients: ['aws'],
    fields: ['line', 'customerNumber', 'outcome', 'reason', 'proposed'],
  },
  {
    ...M.workItem,
    sources: ['register', 'population-register', 'card-manufacturer'],
    recipients: ['aws'],
    fields: ['queue', 'customerNumber', 'since', 'ref', 'reason', 'proposed'],
  },
];

/** The item types about no one member: kept when a member is erased. */
const ABOUT_NO_MEMBER: readonly Entry[] = [
  {
    type: 'link-attempts',
    title: {
      fi: 'Tilin liittämisyritykset kortin numerolla ja syntymäajalla',
      en: 'Attempts to link an account by card number and birth date',
    },
    purposes: ['membership'],
    sources: ['member'],
    recipients: ['aws'],
    retention: { fi: 'Tunnin viimeisestä yrityksestä', en: 'An hour after the last attempt', by: 'ttl' },
    fields: ['attempts'],
  },
  {
    type: 'erased',
    title: { fi: 'Poistomerkintä (ei henkilötietoja)', en: 'Erasure record (no personal data)' },
    purposes: ['accountability'],
    sources: ['register'],
    recipients: ['aws'],
    retention: {
      fi: 'Pysyvästi: asiakasnumeroa ei käytetä uudelleen',
      en: 'For good: a customer number is never reused',
      by: 'with-member',
    },
    fields: ['customerNumber', 'erasedAt', 'erasedBy', 'role', 'reason', 'requestedAt', 'erased'],
  },
  // Names the members a search listed by customer number only: kept like the tombstone's number.
  accountabilityLog('search-log', { fi: 'Loki henkilökunnan hauista', en: 'Log of staff searches' }, [
    'actor',
    'role',
    'via',
    'purpose',
    'requestId',
    'at',
    'criteria',
    'listed',
  ]),
  // Names no member: who asked (a staff user ID), the criteria and the figure it answered.
  accountabilityLog(
    'campaign-preview',
    { fi: 'Loki kampanjoiden kohderyhmien esikatseluista', en: 'Log of campaign audience previews' },
    ['campaignId', 'at', 'actor', 'role', 'requestId', 'criteria', 'reached', 'purchaseTotalsRead'],
  ),
  {
    type: 'anonymous-purchases',
    title: { fi: 'Nimettömät ostosummat raportointiin', en: 'Anonymous purchase totals for reporting' },
    purposes: ['benefits'],
    sources: ['register'],
    recipients: ['aws'],
    retention: monthsKept(config.retention.purchaseMonths),
    fields: ['month', 'receipts', 'members', 'group_*', 'buyers_*'],
  },
  {
    type: 'anonymous-benefits',
    title: { fi: 'Poistettujen jäsenten nimettömät edut', en: 'Erased members’ anonymous benefits' },
    purposes: ['benefits'],
    sources: ['register'],
    recipients: ['aws'],
    retention: {
      fi: `${config.retention.bookkeepingYears} vuotta vuoden päättymisestä`,
      en: `${config.retention.bookkeepingYears} years from the end of the year`,
      by: 'ttl',
    },
    fields: ['month', 'earnedCents', 'paidCents', 'members'],
  },
  {
    type: 'statistics',
    title: { fi: 'Rekisterin tilastot', en: 'The register’s statistics' },
    // Computed for customer service's upkeep and development, on legitimate interest: no marketing consent is read for them.
    purposes: ['customer-service-development', 'operations'],
    sources: ['register'],
    recipients: ['aws'],
    retention: {
      fi: 'Kunnes seuraava kuukausi otetaan; luvut eivät kuvaa alle viittä jäsentä',
      en: 'Until the next month is taken; no figure describes fewer than five members',
      by: 'retention-job',
    },
    fields: ['report', 'month', 'computedAt', 'tables'],
  },
  // About staff, not members: whose access (their work email), what it became, who changed it.
  accountabilityLog(
    'access-change',
    { fi: 'Loki käyttöoikeuksien muutoksista', en: 'Log of changes to staff access' },
    ['username', 'email', 'action', 'groups', 'previousGroups', 'at', 'actor', 'role', 'requestId'],
  ),
  accountabilityLog(
    'staff-sign-in',
    { fi: 'Henkilökunnan viimeisin kirjautuminen', en: 'Staff members’ last sign-in' },
    ['username', 'at'],
  ),
  {
    type: 'job-request',
    title: { fi: 'Pyyntö käynnistää eräajo', en: 'A request to start a job' },
    purposes: ['operations'],
    sources: ['register'],
    recipients: ['aws'],
    retention: { fi: 'Vuorokausi', en: 'A day', by: 'ttl' },
    // The input names a campaign at most; who asked is a staff user ID.
    fields: ['job', 'input', 'requestedBy', 'requestedAt'],
  },
  ...(Object.keys(OPERATIONAL_FIELDS) as (keyof typeof OPERATIONAL_FIELDS)[]).map((type): Entry => ({
    type,
    title: { fi: `Eräajon tai kampanjan tieto (${type})`, en: `Job or campaign record (${type})` },
    purposes: type === 'campaign' ? ['marketing'] : ['operations'],
    sources: ['register'],
    recipients: ['aws'],
    retention: operationalRetention,
    fields: OPERATIONAL_FIELDS[type],
  })),
];

export const CATALOGUE: readonly ItemType[] = [
  ...ABOUT_MEMBER.map((entry) => ({ ...entry, aboutMember: true, onErasure: ON_ERASURE[entry.type] })),
  ...ABOUT_NO_MEMBER.map((entry) => ({ ...entry, aboutMember: false, onErasure: ON_ERASURE[entry.type] })),
];

export const itemType = (type: string): ItemType | undefined =>
  CATALOGUE.find((item) => item.type === type || item.alsoStoredAs?.includes(type as ItemTypeName));

/** Whether a stored attribute is one the catalogue lists for its item type. */
export function isCatalogued(item: ItemType, field: string): boolean {
  return item.fields.some((known) =>
    known.endsWith('*') ? field.startsWith(known.slice(0, -1)) : known === field,
  );
}
