import { createDocumentClient, tableName } from './dynamo.ts';
import { DynamoMemberStore } from './dynamo-member-store.ts';
import { DynamoPurchaseStore } from './dynamo-purchase-store.ts';
import type { MemberReader, MemberSearchStore, MemberStore } from '../members/member-store.ts';
import { DynamoMemberReader } from './dynamo-member-reader.ts';
import { DynamoMemberSearch } from './dynamo-member-search.ts';
import type { PurchaseStore } from '../purchases/purchase-store.ts';
import type { CardBatchReader, CardStore } from '../cards/card-store.ts';
import { DynamoCardBatches } from './dynamo-card-batches.ts';
import type { CampaignContacts, CampaignStore } from '../campaigns/campaign-store.ts';
import { DynamoCampaignStore } from './dynamo-campaign-store.ts';
import { DynamoCampaignContacts } from './dynamo-campaign-contacts.ts';
import { DynamoCardStore } from './dynamo-card-store.ts';
import type { AddressJobStore } from '../addresses/address-job-store.ts';
import { DynamoAddressJobStore } from './dynamo-address-job-store.ts';
import type { JobLeases } from '../jobs/lease.ts';
import { DynamoJobLeases } from './dynamo-job-leases.ts';
import type { LegacyImportStore } from '../legacy/import-store.ts';
import { DynamoLegacyImportStore } from './dynamo-legacy-store.ts';
import type { WorkQueueStore } from '../queues/work-queue.ts';
import type { JobRunStore } from '../jobs/job-runs.ts';
import { DynamoJobRuns } from './dynamo-job-runs.ts';
import { DynamoWorkQueueStore } from './dynamo-work-queue-store.ts';
import type { LinkAttempts } from '../accounts/link-attempts.ts';
import type { StatisticsStore } from '../statistics/statistics-store.ts';
import { DynamoStatistics } from './dynamo-statistics.ts';
import { DynamoLinkAttempts } from './dynamo-link-attempts.ts';
import type { JobRequests } from '../jobs/job-requests.ts';
import { DynamoJobRequests } from './dynamo-job-requests.ts';
import type { AccountNotices } from '../accounts/notices.ts';
import { DynamoAccountNotices } from './dynamo-account-notices.ts';
import type { Mailer, Texter } from '../mail/mailer.ts';
import type { BenefitRulesStore } from '../benefits/rules-store.ts';
import { DynamoBenefitRules } from './dynamo-benefit-rules.ts';
import { DynamoMarketingSettings } from './dynamo-marketing-settings.ts';
import type { MarketingSettingsStore } from '../campaigns/marketing-settings.ts';
import type { StatementStore } from '../benefits/statement-store.ts';
import { DynamoStatements } from './dynamo-statements.ts';
import type { MemberStatements } from '../benefits/read-benefits.ts';
import { DynamoMemberStatements } from './dynamo-member-statements.ts';
import type { PayoutStore } from '../benefits/payout-store.ts';
import { DynamoPayouts } from './dynamo-payouts.ts';
import { SesMailer } from './ses-mailer.ts';
import { SmsTexter } from './sms-texter.ts';
import type { UnsubscribeLinks } from '../campaigns/unsubscribe.ts';
import { JoseUnsubscribeLinks } from './jose-unsubscribe-links.ts';
import { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import type { AccessLog, StaffDirectory } from '../accounts/staff.ts';
import { CognitoStaffDirectory } from './cognito-staff-directory.ts';
import { DynamoAccessLog } from './dynamo-access-log.ts';

let client: ReturnType<typeof createDocumentClient> | undefined;
let members: MemberStore | undefined;
let purchases: PurchaseStore | undefined;
let cards: CardStore | undefined;

/** The stores a Lambda uses, made on first use and kept for warm invocations. */
const db = () => (client ??= createDocumentClient());

export function memberStore(): MemberStore {
  members ??= new DynamoMemberStore(db(), tableName());
  return members;
}

let reader: MemberReader | undefined;

/** Profiles read only (campaigns): without the rest of the member store's code. */
export function memberReader(): MemberReader {
  reader ??= new DynamoMemberReader(db(), tableName());
  return reader;
}

export function purchaseStore(): PurchaseStore {
  purchases ??= new DynamoPurchaseStore(db(), tableName());
  return purchases;
}

export function cardStore(): CardStore {
  cards ??= new DynamoCardStore(db(), tableName());
  return cards;
}

let campaigns: CampaignStore | undefined;

export function campaignStore(): CampaignStore {
  campaigns ??= new DynamoCampaignStore(db(), tableName());
  return campaigns;
}

let addressJobs: AddressJobStore | undefined;

export function addressJobStore(): AddressJobStore {
  addressJobs ??= new DynamoAddressJobStore(db(), tableName());
  return addressJobs;
}

let leases: JobLeases | undefined;

export function jobLeases(): JobLeases {
  leases ??= new DynamoJobLeases(db(), tableName());
  return leases;
}

let legacyImports: LegacyImportStore | undefined;

export function legacyImportStore(): LegacyImportStore {
  legacyImports ??= new DynamoLegacyImportStore(db(), tableName());
  return legacyImports;
}

let workQueues: WorkQueueStore | undefined;

export function workQueueStore(): WorkQueueStore {
  workQueues ??= new DynamoWorkQueueStore(db(), tableName());
  return workQueues;
}

let jobRuns: JobRunStore | undefined;

export function jobRunStore(): JobRunStore {
  jobRuns ??= new DynamoJobRuns(db(), tableName());
  return jobRuns;
}

let searches: MemberSearchStore | undefined;

export function memberSearchStore(): MemberSearchStore {
  searches ??= new DynamoMemberSearch(db(), tableName());
  return searches;
}

let cardBatches: CardBatchReader | undefined;

/** The card batches' read side alone, for functions that only list them. */
export function cardBatchReader(): CardBatchReader {
  cardBatches ??= new DynamoCardBatches(db(), tableName());
  return cardBatches;
}

let linkAttempts: LinkAttempts | undefined;

export function linkAttemptStore(): LinkAttempts {
  linkAttempts ??= new DynamoLinkAttempts(db(), tableName());
  return linkAttempts;
}

let statistics: StatisticsStore | undefined;

export function statisticsStore(): StatisticsStore {
  statistics ??= new DynamoStatistics(db(), tableName());
  return statistics;
}

let contacts: CampaignContacts | undefined;

/** The campaigns that reached members alone, for a member's page and "who viewed". */
export function campaignContacts(): CampaignContacts {
  contacts ??= new DynamoCampaignContacts(db(), tableName());
  return contacts;
}

let requestStore: DynamoJobRequests | undefined;

/** The table's job requests: written by routes, read by the job-requests function from the table's stream. */
export function jobRequestStore(): DynamoJobRequests {
  requestStore ??= new DynamoJobRequests(db(), tableName());
  return requestStore;
}

/** Where routes ask for a job's run. */
export const jobRequests = (): JobRequests => jobRequestStore();

let notices: AccountNotices | undefined;
let mail: Mailer | undefined;

export function accountNotices(): AccountNotices {
  notices ??= new DynamoAccountNotices(db(), tableName());
  return notices;
}

export function mailer(): Mailer {
  mail ??= new SesMailer();
  return mail;
}

let texts: Texter | undefined;

export function texter(): Texter {
  texts ??= new SmsTexter();
  return texts;
}

let links: UnsubscribeLinks | undefined;

export function unsubscribeLinks(): UnsubscribeLinks {
  links ??= new JoseUnsubscribeLinks();
  return links;
}

let marketingSettings: MarketingSettingsStore | undefined;

export function marketingSettingsStore(): MarketingSettingsStore {
  marketingSettings ??= new DynamoMarketingSettings(db(), tableName());
  return marketingSettings;
}

let benefitRules: BenefitRulesStore | undefined;
let statements: StatementStore | undefined;

export function benefitRulesStore(): BenefitRulesStore {
  benefitRules ??= new DynamoBenefitRules(db(), tableName());
  return benefitRules;
}

export function statementStore(): StatementStore {
  statements ??= new DynamoStatements(db(), tableName());
  return statements;
}

let memberStatementsStore: MemberStatements | undefined;

export function memberStatements(): MemberStatements {
  memberStatementsStore ??= new DynamoMemberStatements(db(), tableName());
  return memberStatementsStore;
}

let payoutStoreInstance: PayoutStore | undefined;

export function payoutStore(): PayoutStore {
  payoutStoreInstance ??= new DynamoPayouts(db(), tableName());
  return payoutStoreInstance;
}

let staff: StaffDirectory | undefined;
let accessLog: AccessLog | undefined;

/** Staff accounts: Cognito's user pool (USER_POOL_ID) in AWS, unless the local register put its own store here. */
export function staffDirectory(): StaffDirectory {
  staff ??= new CognitoStaffDirectory(new CognitoIdentityProviderClient({}), process.env.USER_POOL_ID ?? '');
  return staff;
}

/** The local register's sign-in keeps its own accounts: its handlers use them instead of Cognito's. */
export function useStaffDirectory(directory: StaffDirectory): void {
  staff = directory;
}

export function accessLogStore(): AccessLog {
  accessLog ??= new DynamoAccessLog(db(), tableName());
  return accessLog;
}

/** What the staff account routes work with: the directory and the register's record of access. */
export const staffDeps = () => ({ directory: staffDirectory(), log: accessLogStore() });
