/**
 * Every item type the table holds, by its stored `type`: the stores write only these, and the data
 * catalogue describes each (a test holds both to this list, items that live only during a run too).
 */
export const ITEM_TYPES = {
  member: 'member',
  /** The profile while its erasure runs: nothing about the member lands until it is the tombstone. */
  erasing: 'erasing',
  erased: 'erased',
  uniqueEmail: 'unique-email',
  uniqueMobile: 'unique-mobile',
  /** The sign-in account linked to a member: the customer number its tokens carry. */
  uniqueAccount: 'unique-account',
  /** A notice about the member's sign-in account, until it is sent. */
  accountNotice: 'account-notice',
  /** Attempts to link a sign-in account by card number and birth date, counted to lock out guessing. */
  linkAttempts: 'link-attempts',
  card: 'card',
  legacyNumber: 'legacy-number',
  cardOrder: 'card-order',
  purchases: 'purchases',
  /** A member's benefit statement of a closed month. */
  statement: 'benefit-statement',
  /** A benefit rule set (no personal data). */
  benefitRules: 'benefit-rules',
  /** A version of the marketing settings (no personal data but who set it). */
  marketingSettings: 'marketing-settings',
  /** A member's line of a benefit payout: what it pays, to which card, and the partner's answer. */
  payoutLine: 'payout-line',
  /** A payout file's record (no personal data but counts). */
  payout: 'payout',
  /** How far a month's benefit statements have come, segment by segment. */
  statementsProgress: 'statements-progress',
  receipt: 'receipt',
  consent: 'consent',
  consentEvent: 'consent-event',
  contact: 'contact',
  audit: 'audit',
  /** Something about a member that waits for a person (a work queue's item). */
  workItem: 'work-item',
  /** One staff search: who, by which criteria (names only), whom it listed. */
  searchLog: 'search-log',
  registrationReplay: 'registration-replay',
  addressLine: 'address-line',
  anonymousPurchases: 'anonymous-purchases',
  /** Erased members' benefit statements, summed per month. */
  anonymousBenefits: 'anonymous-benefits',
  campaign: 'campaign',
  /** One preview of a campaign's audience: who asked, the criteria, what it answered. */
  campaignPreview: 'campaign-preview',
  cardBatch: 'card-batch',
  jobCounter: 'job-counter',
  jobPointer: 'job-pointer',
  addressFile: 'address-file',
  addressFileId: 'address-file-id',
  legacyImport: 'legacy-import',
  /** A change of a staff person's access: who, to which groups, by whom (the access review reads them). */
  accessChange: 'access-change',
  /** When a staff account last signed in, for the access review. */
  staffSignIn: 'staff-sign-in',
  /** One run of a job: when, how it ended, its counts. */
  jobRun: 'job-run',
  /** One report of the nightly statistics: figures only, none about fewer than five members. */
  statistics: 'statistics',
  /** A run of a job asked for by a route: the table's stream starts the job's function with it. */
  jobRequest: 'job-request',
  /** Held by a job while it runs, deleted when it ends. */
  jobLease: 'job-lease',
} as const;

export type ItemTypeName = (typeof ITEM_TYPES)[keyof typeof ITEM_TYPES];

/** What erasing a member does with an item of theirs; `keep` is for items about no one member. */
export type ErasureAction = 'delete' | 'anonymise' | 'tombstone' | 'keep';

/**
 * What erasure does with each item type (the catalogue lists it too). The profile becomes the
 * tombstone; monthly purchase totals go into the anonymous totals of their month.
 */
export const ON_ERASURE = {
  member: 'tombstone',
  erasing: 'tombstone',
  erased: 'keep',
  'unique-email': 'delete',
  'unique-mobile': 'delete',
  'unique-account': 'delete',
  'account-notice': 'delete',
  'link-attempts': 'keep',
  card: 'delete',
  'legacy-number': 'delete',
  'card-order': 'delete',
  purchases: 'anonymise',
  'benefit-statement': 'anonymise',
  'payout-line': 'delete',
  // Erased with the purchase month that lists it.
  receipt: 'delete',
  consent: 'delete',
  'consent-event': 'delete',
  contact: 'delete',
  audit: 'delete',
  'work-item': 'delete',
  'search-log': 'keep',
  'registration-replay': 'delete',
  'address-line': 'delete',
  'anonymous-purchases': 'keep',
  'anonymous-benefits': 'keep',
  campaign: 'keep',
  'campaign-preview': 'keep',
  'benefit-rules': 'keep',
  'marketing-settings': 'keep',
  'statements-progress': 'keep',
  payout: 'keep',
  'card-batch': 'keep',
  'job-counter': 'keep',
  'job-pointer': 'keep',
  'address-file': 'keep',
  'address-file-id': 'keep',
  'legacy-import': 'keep',
  'access-change': 'keep',
  'staff-sign-in': 'keep',
  'job-run': 'keep',
  statistics: 'keep',
  'job-request': 'keep',
  'job-lease': 'keep',
} as const satisfies Record<ItemTypeName, ErasureAction>;

/** The uniqueness key of a profile field that names one member only. */
export const uniqueKeyType = (field: 'email' | 'mobile' | 'account') =>
  field === 'email'
    ? ITEM_TYPES.uniqueEmail
    : field === 'mobile'
      ? ITEM_TYPES.uniqueMobile
      : ITEM_TYPES.uniqueAccount;
