import type { TablePartition } from '../contract/route.ts';
import { MONTH } from '../time/helsinki.ts';
import { foldName } from '../members/name-key.ts';
import { CHANNEL_PURPOSE, type Channel, type Footing } from '../consents/purposes.ts';
import { TABLE_SCHEMA } from './table.ts';

/** The only module that knows how items are keyed (see DESIGN.md, "Single table"). */
export interface ItemKey {
  pk: string;
  sk: string;
}

/** Everything of one member lives in their partition: profile, purchase months, card orders. */
const memberPartition = (customerNumber: string) => `MEMBER#${customerNumber}`;

/** The customer number of an item in a member's partition. */
export const customerNumberOfPartition = (pk: string) => pk.slice(memberPartition('').length);

export const memberKey = (customerNumber: string): ItemKey => ({
  pk: memberPartition(customerNumber),
  sk: 'PROFILE',
});
export const emailKey = (email: string): ItemKey => ({ pk: `EMAIL#${email}`, sk: 'UNIQUE' });
export const mobileKey = (e164: string): ItemKey => ({ pk: `PHONE#${e164}`, sk: 'UNIQUE' });
/** A sign-in account (its subject) linked to the member. */
export const accountKey = (subject: string): ItemKey => ({ pk: `ACCOUNT#${subject}`, sk: 'UNIQUE' });
/** A notice about a member's sign-in account waiting to be sent: by its id, which names nobody. */
export const accountNoticeKey = (id: string): ItemKey => ({ pk: `NOTICE#${id}`, sk: 'NOTICE' });
/** Link attempts counted against one thing: an account or a card number. */
export const linkAttemptsKey = (counted: string): ItemKey => ({ pk: `LINKTRY#${counted}`, sk: 'LINKTRY' });
export const cardKey = (cardNumber: string): ItemKey => ({ pk: `CARD#${cardNumber}`, sk: 'CARD' });
/** A member's number in the earlier register, claimed once: an import run again finds the member. */
const LEGACY_PREFIX = 'LEGACY#';
export const legacyKey = (legacyNumber: string): ItemKey => ({
  pk: LEGACY_PREFIX + legacyNumber,
  sk: 'LEGACY',
});
export const purchaseMonthKey = (customerNumber: string, month: string): ItemKey => {
  // A key no query reads would hold totals nobody sees: refuse to make one.
  if (!MONTH.test(month)) throw new Error('a purchase month must be YYYY-MM');
  return { pk: memberPartition(customerNumber), sk: PURCHASE_MONTH_PREFIX + month };
};
const PURCHASE_MONTH_PREFIX = 'PURCHASES#';
/** The YYYY-MM of a purchase month item's sort key. */
export const monthOfPurchaseKey = (sk: string) => sk.slice(PURCHASE_MONTH_PREFIX.length);
/** Bounds of a member's purchase months, both included, for a BETWEEN on sk. */
export const purchaseMonthRange = (customerNumber: string, from: string, to: string) => ({
  pk: memberPartition(customerNumber),
  skFrom: PURCHASE_MONTH_PREFIX + from,
  skTo: PURCHASE_MONTH_PREFIX + to,
});
/**
 * Sparse GSI3 attributes on a purchase month, set when the month is made: the month's buyers in
 * customer-number order, which the benefit statements read a segment at a time (projecting keys
 * only, so that counting a receipt never writes the index again).
 */
export const buyersIndex = (month: string, customerNumber: string) => ({
  gsi3pk: `BOUGHT#${month}`,
  gsi3sk: customerNumber,
});
/** Sparse GSI4 attributes on a purchase month a receipt changed after its statement, until it is carried. */
export const lateMonthIndex = (customerNumber: string, month: string) => ({
  gsi4pk: 'LATE',
  gsi4sk: `${customerNumber}#${month}`,
});
export const LATE_MONTH_ATTRIBUTES = ['gsi4pk', 'gsi4sk'] as const;
/** A member's benefit statement of a month. */
export const statementKey = (customerNumber: string, month: string): ItemKey => ({
  pk: memberPartition(customerNumber),
  sk: `STATEMENT#${month}`,
});
/** Sparse GSI2 attributes on a statement while its money waits to be paid, per member in month order. */
export const unpaidIndex = (customerNumber: string, month: string) => ({
  gsi2pk: 'UNPAID',
  gsi2sk: `${customerNumber}#${month}`,
});
/** A member's line of a payout, listed per payout on GSI1 in customer-number order (the file's order). */
export const payoutLineKey = (customerNumber: string, payoutId: string): ItemKey => ({
  pk: memberPartition(customerNumber),
  sk: `PAYOUTLINE#${payoutId}`,
});
export const payoutLinesIndex = (payoutId: string, customerNumber: string) => ({
  gsi1pk: `PAYOUTLINES#${payoutId}`,
  gsi1sk: customerNumber,
});
/** A payout file's record: its month's payouts share a prefix. */
export const payoutKey = (payoutId: string): ItemKey => jobKey('benefit-payout', `PAYOUT#${payoutId}`);
/** The rule sets of the benefits, in order of the month each takes effect from. */
export const benefitRulesKey = (rulesId: string): ItemKey => ({ pk: 'BENEFITRULES', sk: rulesId });
/** The partitions a route may be held to (RouteSpec.tablePartitions), as IAM sees their keys. */
export const TABLE_PARTITIONS = {
  'marketing-settings': 'MARKETINGSETTINGS',
  'staff-access': 'STAFFACCESS',
} as const satisfies Record<TablePartition, string>;
/** A version of the marketing settings, in version order. */
export const marketingSettingsKey = (version: number): ItemKey => ({
  pk: TABLE_PARTITIONS['marketing-settings'],
  sk: String(version).padStart(6, '0'),
});
/** A receipt's identity (store and receipt id, as its tag): counted once, for one member and month. */
export const receiptKey = (tag: string): ItemKey => ({ pk: `RECEIPT#${tag}`, sk: 'RECEIPT' });
export const cardOrderKey = (customerNumber: string, orderedAt: string): ItemKey => ({
  pk: memberPartition(customerNumber),
  sk: `CARDORDER#${orderedAt}`,
});
/** Sparse GSI1 attributes: present only while the order waits for a batch. */
export const pendingCardOrderIndex = (orderedAt: string, customerNumber: string) => ({
  gsi1pk: 'CARDORDER#PENDING',
  gsi1sk: `${orderedAt}#${customerNumber}`,
});
export const auditPartition = (customerNumber: string) => `AUDIT#${customerNumber}`;
export const consentKey = (customerNumber: string, purpose: string): ItemKey => ({
  pk: memberPartition(customerNumber),
  sk: `CONSENT#${purpose}`,
});
const CONSENT_LOG_PREFIX = 'CONSENTLOG#';
/** Append-only history: a new item for every change, never an update. */
export const consentLogKey = (customerNumber: string, at: string, purpose: string): ItemKey => ({
  pk: memberPartition(customerNumber),
  sk: `${CONSENT_LOG_PREFIX}${at}#${purpose}`,
});
export const consentLogRange = (customerNumber: string) => ({
  pk: memberPartition(customerNumber),
  skPrefix: CONSENT_LOG_PREFIX,
});
/** Sparse: a granted marketing consent puts the member in its purpose's audience partition. */
export const audienceIndex = (purpose: string, customerNumber: string) => ({
  gsi1pk: `AUDIENCE#${purpose}`,
  gsi1sk: customerNumber,
});
/**
 * Sparse GSI1 on a member's profile while no erasure is due: every member in the post audience, which
 * needs no consent (CHANNEL_BASIS), so no consent item can list it.
 */
export const postAudienceIndex = (customerNumber: string) => ({
  gsi1pk: 'AUDIENCE#post',
  gsi1sk: customerNumber,
});
/**
 * Where a channel's audience is listed: its consent's partition, or every member's profile when no
 * consent is needed (post, and email or text messages on the own-customer exception).
 */
export const channelAudiencePartition = (channel: Channel, footing: Footing) =>
  footing === 'consent' ? audienceIndex(CHANNEL_PURPOSE[channel], '').gsi1pk : postAudienceIndex('').gsi1pk;
/** A withdrawn marketing consent, counted (never read) when a campaign says whom it left out. */
export const withdrawnIndex = (purpose: string, customerNumber: string) => ({
  gsi1pk: `WITHDRAWN#${purpose}`,
  gsi1sk: customerNumber,
});

export const campaignKey = (campaignId: string): ItemKey => ({
  pk: `CAMPAIGN#${campaignId}`,
  sk: 'CAMPAIGN',
});
/** One preview of a campaign's audience, in time order under the campaign. */
export const campaignPreviewKey = (campaignId: string, at: string, requestId: string): ItemKey => ({
  pk: campaignKey(campaignId).pk,
  sk: at ? `PREVIEW#${at}#${requestId}` : 'PREVIEW#',
});
/** Every campaign, newest last by its creation time (read backwards for newest first). */
export const campaignListIndex = (createdAt: string, campaignId: string) => ({
  gsi1pk: 'CAMPAIGNS',
  gsi1sk: createdAt && `${createdAt}#${campaignId}`,
});
/** Which campaign reached the member: in the member's partition, and listed per campaign on GSI1. */
export const contactKey = (customerNumber: string, campaignId: string): ItemKey => ({
  pk: memberPartition(customerNumber),
  sk: `CONTACT#${campaignId}`,
});
export const campaignContactsIndex = (campaignId: string, customerNumber: string) => ({
  gsi1pk: `CONTACTS#${campaignId}`,
  gsi1sk: customerNumber,
});
/** A member a campaign kept out (its holdout): a contact item of its own kind, listed apart on GSI1. */
export const campaignHoldoutIndex = (campaignId: string, customerNumber: string) => ({
  gsi1pk: `HOLDOUT#${campaignId}`,
  gsi1sk: customerNumber,
});

/** A card order, while it is in a batch: the batch's orders in sequence order. */
export const batchOrderIndex = (batchId: string, sequence: number) => ({
  gsi1pk: `CARDBATCH#${batchId}`,
  gsi1sk: String(sequence).padStart(6, '0'),
});
/** What a job has done, so that a re-run resumes instead of repeating. */
export const jobKey = (job: string, id: string): ItemKey => ({ pk: `JOB#${job}`, sk: id });
/**
 * A job's runs, newest last in key order: those someone asked for apart from the scheduled ones, so
 * that however many are asked for, the schedule's last runs are still read.
 */
export const jobRunKey = (job: string, startedAt: string, runId: string, requested: boolean): ItemKey => ({
  pk: jobRunsPartition(job, requested),
  sk: `${startedAt}#${runId}`,
});
export const jobRunsPartition = (job: string, requested: boolean) =>
  requested ? `JOBRUNS#${job}#REQUESTED` : `JOBRUNS#${job}`;
/** Held by the one run of a job that works now. */
export const jobLeaseKey = (job: string): ItemKey => jobKey(job, 'LEASE');
/** Staff access: every change, and each account's last sign-in, in one small partition the review reads. */
export const STAFF_ACCESS_PARTITION = TABLE_PARTITIONS['staff-access'];
export const accessChangeKey = (at: string, requestId: string): ItemKey => ({
  pk: STAFF_ACCESS_PARTITION,
  sk: `CHANGE#${at}#${requestId}`,
});
export const staffSignInKey = (username: string): ItemKey => ({
  pk: STAFF_ACCESS_PARTITION,
  sk: `SIGNIN#${username}`,
});
export const STAFF_ACCESS_PREFIX = { change: 'CHANGE#', signIn: 'SIGNIN#' } as const;

/** A run asked for by a route: a partition of its own, which the stream's filter knows by its prefix. */
export const JOB_REQUEST_PREFIX = 'JOBREQUEST#';
export const jobRequestKey = (job: string, id: string): ItemKey => ({
  pk: `${JOB_REQUEST_PREFIX}${job}#${id}`,
  sk: 'REQUEST',
});
/** The one pending request of a job that takes one at a time: a new one is an insert the stream sees. */
export const pendingJobRequestKey = (job: string): ItemKey => jobRequestKey(job, 'PENDING');
export const JOB_ITEM_PREFIX = { cardBatch: 'BATCH#' } as const;

/** A member's audit entries in chain order: the sequence number is taken by a conditional put. */
export const auditKey = (customerNumber: string, seq: number): ItemKey => ({
  pk: auditPartition(customerNumber),
  sk: String(seq).padStart(12, '0'),
});
/**
 * Sparse GSI1 attributes on items outside the member's partitions that name the member (unique keys,
 * the card mapping, a registration replay, address lines in review), so that export and erasure find
 * everything without a scan.
 */
export const memberRefIndex = (customerNumber: string, what: string) => ({
  gsi1pk: `REFS#${customerNumber}`,
  gsi1sk: what,
});
export const memberPartitions = (customerNumber: string) => ({
  member: memberPartition(customerNumber),
  audit: auditPartition(customerNumber),
  refs: memberRefIndex(customerNumber, '').gsi1pk,
});
/** One report of the nightly statistics. */
export const statisticsKey = (report: string): ItemKey => ({ pk: `STATS#${report}`, sk: 'REPORT' });
/** Purchase totals of erased members, summed per month: no customer number, no link to anyone. */
export const anonymousPurchasesKey = (month: string): ItemKey => ({ pk: 'ANONYMOUS#PURCHASES', sk: month });
/** Benefits of erased members' statements, summed per month: no customer number, no link to anyone. */
export const anonymousBenefitsKey = (month: string): ItemKey => ({ pk: 'ANONYMOUS#BENEFITS', sk: month });
/** A member's profile item is replaced by the erasure tombstone under the same key. */
export const PROFILE_SK = 'PROFILE';
/**
 * Sparse name indexes on a member's profile, each sorted by surname, first names and customer number
 * (unique), so a surname's beginning is one key condition: GSI2 a partition per first letter of the
 * folded surname, GSI3 per birth date, GSI4 per postal code.
 */
const NAME_PREFIX = 'NAME#';
export function nameSearchIndex(member: {
  surname: string;
  firstNames: string;
  birthDate: string;
  postalCode?: string;
  customerNumber: string;
}) {
  const surname = foldName(member.surname);
  const sk = `${surname}#${foldName(member.firstNames)}#${member.customerNumber}`;
  return {
    gsi2pk: NAME_PREFIX + (surname[0] ?? ' '),
    gsi2sk: sk,
    gsi3pk: `BORN#${member.birthDate}`,
    gsi3sk: sk,
    ...(member.postalCode ? { gsi4pk: `POSTAL#${member.postalCode}`, gsi4sk: sk } : {}),
  };
}
/** The attributes a profile drops when it leaves the name search (its erasure begins). */
export const NAME_SEARCH_ATTRIBUTES = [TABLE_SCHEMA.gsi2, TABLE_SCHEMA.gsi3, TABLE_SCHEMA.gsi4].flatMap(
  (index) => [index.partitionKey, index.sortKey],
);
/**
 * Where a search reads, its criteria folded: by birth date if given, else by postal code, else by the
 * surname's letter; a first name makes the surname whole.
 */
export function nameSearchRange(criteria: {
  surname: string;
  firstName?: string;
  birthDate?: string;
  postalCode?: string;
}) {
  const skPrefix =
    criteria.firstName === undefined ? criteria.surname : `${criteria.surname}#${criteria.firstName}`;
  if (criteria.birthDate) return { index: 'gsi3', pk: `BORN#${criteria.birthDate}`, skPrefix } as const;
  if (criteria.postalCode) return { index: 'gsi4', pk: `POSTAL#${criteria.postalCode}`, skPrefix } as const;
  return { index: 'gsi2', pk: NAME_PREFIX + (criteria.surname[0] ?? ' '), skPrefix } as const;
}
/**
 * A work item lives in its member's partition (erasure and export find it there) and is listed on
 * GSI2 per queue, oldest first.
 */
const WORK_PREFIX = 'WORK#';
export const workItemKey = (customerNumber: string, queue: string, ref: string): ItemKey => ({
  pk: memberPartition(customerNumber),
  sk: `${WORK_PREFIX}${queue}#${ref}`,
});
export const workQueueIndex = (queue: string, since: string, customerNumber: string, ref: string) => ({
  gsi2pk: WORK_PREFIX + queue,
  gsi2sk: `${since}#${customerNumber}#${ref}`,
});
export const workQueuePartition = (queue: string) => WORK_PREFIX + queue;
/**
 * A card order in a batch is on the overdue queue from the day it falls due (sparse GSI2 on the
 * order item itself) until the manufacturer's answer takes it off.
 */
export const overdueOrderIndex = (dueAt: string, customerNumber: string, orderedAt: string) => ({
  gsi2pk: workQueuePartition('card-overdue'),
  gsi2sk: `${dueAt}#${customerNumber}#${orderedAt}`,
});

/** Staff searches, a partition a day (Helsinki): kept as long as audit entries. */
export const searchLogKey = (day: string, at: string, requestId: string): ItemKey => ({
  pk: `SEARCHLOG#${day}`,
  sk: `${at}#${requestId}`,
});

/** Sparse GSI1 on a profile whose erasure is due (date of death + 12 months, or an erasure request + days). */
export const erasureDueIndex = (due: string, customerNumber: string) => ({
  gsi1pk: 'ERASURE-DUE',
  gsi1sk: `${due}#${customerNumber}`,
});
export const registrationReplayKey = (actor: string, idempotencyKey: string): ItemKey => ({
  pk: `IDEMPOTENCY#${actor}#${idempotencyKey}`,
  sk: 'REGISTER',
});

/** How far the import of one earlier register's export is. */
export const legacyImportKey = (exportId: string): ItemKey => jobKey('legacy-import', `EXPORT#${exportId}`);
/** The earlier number a legacy mapping item is keyed by. */
export const legacyNumberOf = (key: ItemKey) => key.pk.slice(LEGACY_PREFIX.length);

/** An address update file's progress, keyed by its object key; its file id is claimed once. */
const ADDRESS_JOB = 'address-refresh';
export const addressFileKey = (objectKey: string): ItemKey => jobKey(ADDRESS_JOB, `FILE#${objectKey}`);
export const addressFilesRange = () => ({ pk: jobKey(ADDRESS_JOB, '').pk, skPrefix: 'FILE#' });
export const addressFileIdKey = (fileId: string): ItemKey => jobKey(ADDRESS_JOB, `FILEID#${fileId}`);
/** A line that went to review or was rejected, in line order under its file. */
export const addressLineKey = (objectKey: string, kind: string, line: number): ItemKey =>
  jobKey(ADDRESS_JOB, `LINE#${objectKey}#${kind}#${String(line).padStart(9, '0')}`);
export const addressLinesRange = (objectKey: string, kind: string) => ({
  pk: jobKey(ADDRESS_JOB, '').pk,
  skPrefix: `LINE#${objectKey}#${kind}#`,
});
