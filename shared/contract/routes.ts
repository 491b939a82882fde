import { TILL_SCOPES } from '../auth/scopes.ts';
import type { RouteSpec } from './route.ts';
import {
  ChooseCardBody,
  CorrectMemberBody,
  FindMembersQuery,
  IdempotencyKey,
  MemberList,
  MemberSearchPage,
  SearchMembersQuery,
  MemberPath,
  MemberView,
  ReadMemberQuery,
  RegisterMemberBody,
  JoinBody,
} from '../members/schemas.ts';
import { LinkAccountBody, LinkedAccount } from '../accounts/schemas.ts';
import { ReportList, ReportPath, ReportQuery, ReportView } from '../statistics/schemas.ts';

import {
  PosAnswer,
  PosMemberPath,
  PurchaseMonthList,
  PurchaseMonthsQuery,
  Receipt,
  ReceiptAnswer,
  ReceiptBatch,
} from '../purchases/schemas.ts';

import { CardBatchesQuery, CardBatchesView } from '../cards/schemas.ts';
import { JobRequestedView, OperationsView } from '../jobs/schemas.ts';
import { ResolveWorkBody, WorkPageView, WorkQueuePath, WorkQueueQuery } from '../queues/schemas.ts';
import {
  AudiencePreview,
  AudienceQuery,
  CampaignList,
  CampaignListQuery,
  CampaignPath,
  CampaignView,
  CampaignWithPreviews,
  CreateCampaignBody,
  EditCampaignBody,
} from '../campaigns/schemas.ts';
import { ConsentBody, ConsentHistory, ConsentList, ConsentPath } from '../consents/schemas.ts';
import { AuditTrailView, ErasureQuery, PrivacyNoticeQuery, RestrictionBody } from '../privacy/schemas.ts';

// Marked free of side effects so that a bundle drops the routes it does not import.
const ifMatch = /* @__NO_SIDE_EFFECTS__ */ (required: boolean) =>
  ({ name: 'if-match', description: 'The ETag of the member as read (its version).', required }) as const;
const member = /* @__NO_SIDE_EFFECTS__ */ (description: string) => ({ description, body: MemberView });
const problem = /* @__NO_SIDE_EFFECTS__ */ (description: string) => ({ description });
// A property read of an imported object counts as a side effect to esbuild; this call does not.
const tillScope = /* @__NO_SIDE_EFFECTS__ */ (scope: keyof typeof TILL_SCOPES) => TILL_SCOPES[scope];

/**
 * The API: the CDK stack, the local server, the OpenAPI document and the role tests all read this.
 * Who may call what is decided here (roles) and, for members, by the domain (only their own record).
 * One export per route: a handler imports its own, so its bundle carries no other route's text.
 */
export const openApi = {
  method: 'GET',
  path: '/openapi.json',
  handler: 'api/openapi',
  roles: 'public',
  summary: 'This API as an OpenAPI 3.1 document',
  responses: { 200: { description: 'The document' } },
  tableActions: [],
} as const satisfies RouteSpec;

export const registerMember = {
  method: 'POST',
  path: '/members',
  handler: 'api/members/register',
  roles: ['admin', 'customer-service'],
  summary: 'Register a member',
  body: RegisterMemberBody,
  headers: [
    {
      name: 'idempotency-key',
      description:
        'Any unique string: a registration resent with the same key answers with the member it created.',
      schema: IdempotencyKey,
    },
  ],
  responses: {
    201: member('Registered; Location and ETag name the new member'),
    400: problem('Not valid'),
    409: problem('Email or mobile belongs to another member'),
  },
  tableActions: ['GetItem', 'PutItem', 'Query'],
} as const satisfies RouteSpec;

/** A member's own sign-in account, not yet linked: link it to their membership, or join. */
export const linkAccount = {
  method: 'POST',
  path: '/account/link',
  handler: 'api/account/link',
  roles: ['member'],
  unlinkedMember: true,
  summary:
    'Link your sign-in account to your membership: by your verified email (which takes it back from an account linked by card), or by card number and birth date (five failures lock your account out for an hour; the member is told by email)',
  body: LinkAccountBody,
  responses: {
    200: {
      description: 'Linked (or linked already): sign in again to reach your pages',
      body: LinkedAccount,
    },
    409: problem('The membership has an account already'),
    422: problem('No membership matches, or the email is not verified'),
    429: problem('Too many attempts: Retry-After says when to try again'),
  },
  tableActions: ['GetItem', 'PutItem', 'UpdateItem', 'DeleteItem', 'Query', 'BatchWriteItem'],
  // A link by card, and a membership taken back, are told by email in the same write.
  startsJob: 'account-notice',
} as const satisfies RouteSpec;

export const joinAsMember = {
  method: 'POST',
  path: '/account/membership',
  handler: 'api/account/join',
  roles: ['member'],
  unlinkedMember: true,
  summary: 'Join as a new member with your verified email; your account is linked to the new membership',
  body: JoinBody,
  responses: {
    201: member('Joined and linked: sign in again to reach your pages'),
    400: problem('Not valid'),
    409: problem('Your email or mobile belongs to a member already: link instead'),
    422: problem('The email is not verified'),
  },
  tableActions: ['GetItem', 'PutItem', 'Query'],
} as const satisfies RouteSpec;

export const findMembers = {
  method: 'GET',
  path: '/members',
  handler: 'api/members/find',
  roles: ['admin', 'customer-service', 'processor'],
  summary: 'Find a member by exact email, mobile number (phone=) or loyalty card number',
  query: FindMembersQuery,
  responses: { 200: { description: 'Zero or one member', body: MemberList }, 400: problem('Not valid') },
  tableActions: ['GetItem', 'PutItem', 'DeleteItem', 'Query'],
} as const satisfies RouteSpec;

export const searchMembers = {
  method: 'GET',
  path: '/member-search',
  handler: 'api/members/search',
  roles: ['admin', 'customer-service', 'processor'],
  summary:
    'Find members by surname or its beginning (a first name makes the surname whole), narrowed by birth date or postal code; 20 a page',
  query: SearchMembersQuery,
  responses: {
    200: { description: 'A page of members, and a cursor when more follow', body: MemberSearchPage },
    400: problem('Not valid'),
  },
  tableActions: ['Query', 'PutItem'],
} as const satisfies RouteSpec;

export const readMember = {
  method: 'GET',
  path: '/members/{customerNumber}',
  handler: 'api/members/read',
  roles: ['admin', 'customer-service', 'processor', 'member'],
  summary: 'Read a member; include=sources adds where each field came from',
  params: MemberPath,
  query: ReadMemberQuery,
  responses: { 200: member('The member, with its ETag'), 404: problem('No such member') },
  tableActions: ['GetItem', 'PutItem', 'DeleteItem', 'Query'],
} as const satisfies RouteSpec;

export const correctMember = {
  method: 'PATCH',
  path: '/members/{customerNumber}',
  handler: 'api/members/correct',
  roles: ['admin', 'customer-service', 'member'],
  summary: 'Correct personal data (JSON merge patch; null removes an optional field)',
  params: MemberPath,
  body: CorrectMemberBody,
  headers: [ifMatch(true)],
  responses: {
    200: member('Corrected, with its new ETag'),
    404: problem('No such member'),
    409: problem('Email or mobile belongs to another member'),
    412: problem('The member changed since it was read'),
    428: problem('If-Match is missing'),
  },
  tableActions: ['GetItem', 'PutItem', 'DeleteItem', 'Query'],
} as const satisfies RouteSpec;

export const chooseCard = {
  method: 'PUT',
  path: '/members/{customerNumber}/card',
  handler: 'api/members/choose-card',
  roles: ['admin', 'customer-service', 'member'],
  summary: 'Choose the card: MASTERCARD or CASH_CARD orders one, NONE cancels a waiting order',
  params: MemberPath,
  body: ChooseCardBody,
  headers: [ifMatch(false)],
  responses: {
    200: member('The member with the card choice'),
    404: problem('No such member'),
    409: problem('No card for a deceased member'),
    412: problem('The member changed since it was read'),
  },
  tableActions: ['GetItem', 'PutItem', 'UpdateItem', 'Query'],
} as const satisfies RouteSpec;

export const orderReplacement = {
  method: 'POST',
  path: '/members/{customerNumber}/card/replacement',
  handler: 'api/members/card-replacement',
  roles: ['admin', 'customer-service', 'member'],
  summary:
    'A broken card: order a replacement of the same type; a returned or rejected card: send it again (a lost one: POST …/card/lost)',
  params: MemberPath,
  responses: {
    200: member('The member with the replacement ordered'),
    404: problem('No such member'),
    409: problem('No card to replace'),
  },
  tableActions: ['GetItem', 'PutItem', 'UpdateItem', 'Query'],
} as const satisfies RouteSpec;

export const reportLostCard = {
  method: 'POST',
  path: '/members/{customerNumber}/card/lost',
  handler: 'api/members/card-lost',
  roles: ['admin', 'customer-service', 'member'],
  summary: 'A lost card: the tills refuse it at once, and a replacement of the same type is ordered',
  params: MemberPath,
  responses: {
    200: member('The member with the replacement ordered'),
    404: problem('No such member'),
    409: problem('No card to report lost'),
  },
  tableActions: ['GetItem', 'PutItem', 'UpdateItem', 'Query'],
} as const satisfies RouteSpec;

export const cardBatches = {
  method: 'GET',
  path: '/card-batches',
  handler: 'api/card-batches',
  roles: ['admin', 'processor'],
  summary: 'Card batches sent; overdue=true lists orders unanswered 14 days after their batch',
  query: CardBatchesQuery,
  responses: { 200: { description: 'Batches, or overdue orders', body: CardBatchesView } },
  tableActions: ['Query'],
} as const satisfies RouteSpec;

export const jobRuns = {
  method: 'GET',
  path: '/job-runs',
  handler: 'api/operations/read',
  roles: ['admin', 'processor'],
  summary: 'The jobs’ last runs (when, outcome, counts, files written) and the address files not applied',
  responses: { 200: { description: 'Runs, newest first, per job', body: OperationsView } },
  tableActions: ['Query'],
} as const satisfies RouteSpec;

export const runCardBatchNow = {
  method: 'POST',
  path: '/job-runs/card-batch',
  handler: 'api/operations/run-card-batch',
  roles: ['admin', 'processor'],
  summary:
    'Run the card batch now, as the schedule does: the run starts at once and shows in the job runs, which say who asked. While a run asked for has not ended, asking again answers with that one',
  responses: {
    202: {
      description:
        'Asked for, or asked for already: Location names the job runs, where the run shows when it ends',
      body: JobRequestedView,
    },
  },
  // A pending request that lapsed is removed before a new one is put.
  tableActions: ['PutItem', 'DeleteItem'],
  startsJob: 'card-batch',
} as const satisfies RouteSpec;

export const workQueue = {
  method: 'GET',
  path: '/work-queues/{queue}',
  handler: 'api/queues/read',
  roles: ['admin', 'customer-service', 'processor'],
  summary:
    'A work queue, oldest first, 20 a page: address lines in review, doubtful addresses, returned cards, overdue card orders, erasures (admin)',
  params: WorkQueuePath,
  query: WorkQueueQuery,
  responses: {
    200: { description: 'A page of items, and a cursor when more follow', body: WorkPageView },
    403: problem('The queue is not the role’s (erasures are for admins)'),
  },
  tableActions: ['Query', 'PutItem'],
} as const satisfies RouteSpec;

export const resolveWorkItem = {
  method: 'POST',
  path: '/work-queues/{queue}/resolutions',
  handler: 'api/queues/resolve',
  roles: ['admin', 'customer-service'],
  summary:
    'Resolve an item: address review by accept-register or keep-member, a doubtful address by mark-checked (a returned card: POST …/card/replacement; an erasure: DELETE the member)',
  params: WorkQueuePath,
  body: ResolveWorkBody,
  responses: {
    200: member('The member after the resolution'),
    400: problem('Not a resolution of this queue'),
    404: problem('No such item, or someone resolved it first'),
  },
  tableActions: ['GetItem', 'PutItem', 'DeleteItem', 'Query'],
} as const satisfies RouteSpec;

export const readConsents = {
  method: 'GET',
  path: '/members/{customerNumber}/consents',
  handler: 'api/consents/read',
  roles: ['admin', 'customer-service', 'processor', 'member'],
  summary: 'The member’s consents and bans as they stand',
  params: MemberPath,
  responses: {
    200: { description: 'Current consents', body: ConsentList },
    404: problem('No such member'),
  },
  tableActions: ['GetItem', 'PutItem', 'DeleteItem', 'Query'],
} as const satisfies RouteSpec;

export const changeConsent = {
  method: 'PUT',
  path: '/members/{customerNumber}/consents/{purpose}',
  handler: 'api/consents/change',
  roles: ['admin', 'customer-service', 'member'],
  summary: 'Grant or withdraw a consent, set or lift a ban; source names the channel it came through',
  params: ConsentPath,
  body: ConsentBody,
  responses: {
    200: { description: 'Current consents', body: ConsentList },
    404: problem('No such member'),
  },
  tableActions: ['GetItem', 'PutItem', 'Query'],
} as const satisfies RouteSpec;

export const consentHistory = {
  method: 'GET',
  path: '/members/{customerNumber}/consents/history',
  handler: 'api/consents/history',
  roles: ['admin', 'customer-service', 'processor', 'member'],
  summary: 'Every consent change, oldest first (append-only)',
  params: MemberPath,
  responses: { 200: { description: 'The history', body: ConsentHistory }, 404: problem('No such member') },
  tableActions: ['GetItem', 'PutItem', 'DeleteItem', 'Query'],
} as const satisfies RouteSpec;

export const createCampaign = {
  method: 'POST',
  path: '/campaigns',
  handler: 'api/campaigns/create',
  roles: ['admin', 'marketing'],
  summary: 'Create a campaign: channel email, sms or post; optional criteria',
  body: CreateCampaignBody,
  responses: { 201: { description: 'The campaign, a draft', body: CampaignView }, 400: problem('Not valid') },
  tableActions: ['PutItem'],
} as const satisfies RouteSpec;

export const listCampaigns = {
  method: 'GET',
  path: '/campaigns',
  handler: 'api/campaigns/list',
  roles: ['admin', 'marketing'],
  summary: 'The campaigns, newest first, 20 a page',
  query: CampaignListQuery,
  responses: {
    200: { description: 'A page of campaigns; next is the cursor of the next', body: CampaignList },
  },
  tableActions: ['Query'],
} as const satisfies RouteSpec;

export const readCampaign = {
  method: 'GET',
  path: '/campaigns/{campaignId}',
  handler: 'api/campaigns/read',
  roles: ['admin', 'marketing'],
  summary:
    'A campaign: criteria, status, the progress of its audience while computing, its last summary, and the previews asked for',
  params: CampaignPath,
  responses: {
    200: { description: 'The campaign', body: CampaignWithPreviews },
    404: problem('No such campaign'),
  },
  tableActions: ['GetItem', 'Query'],
} as const satisfies RouteSpec;

export const editCampaign = {
  method: 'PATCH',
  path: '/campaigns/{campaignId}',
  handler: 'api/campaigns/edit',
  roles: ['admin', 'marketing'],
  summary: 'Change the name or the criteria of a draft campaign',
  params: CampaignPath,
  body: EditCampaignBody,
  responses: {
    200: { description: 'The campaign as changed', body: CampaignView },
    404: problem('No such campaign'),
    409: problem('The campaign is no longer a draft'),
  },
  tableActions: ['GetItem', 'PutItem'],
} as const satisfies RouteSpec;

export const closeCampaign = {
  method: 'POST',
  path: '/campaigns/{campaignId}/close',
  handler: 'api/campaigns/close',
  roles: ['admin', 'marketing'],
  summary: 'Close a campaign: its audience is not computed again',
  params: CampaignPath,
  responses: {
    200: { description: 'The campaign, closed', body: CampaignView },
    404: problem('No such campaign'),
    409: problem('The audience is being computed'),
  },
  tableActions: ['GetItem', 'PutItem'],
} as const satisfies RouteSpec;

export const previewAudience = {
  method: 'GET',
  path: '/campaigns/{campaignId}/preview',
  handler: 'api/campaigns/preview',
  roles: ['admin', 'marketing'],
  summary:
    'How many the campaign would reach now and how many it leaves out per reason, as figures (none under five); the preview is recorded with the campaign',
  params: CampaignPath,
  responses: { 200: { description: 'The figures', body: AudiencePreview }, 404: problem('No such campaign') },
  tableActions: ['GetItem', 'Query', 'BatchGetItem', 'PutItem'],
  timeoutSeconds: 29,
} as const satisfies RouteSpec;

export const computeAudience = {
  method: 'POST',
  path: '/campaigns/{campaignId}/audience',
  handler: 'api/campaigns/compute-audience',
  roles: ['admin', 'marketing'],
  summary:
    'Start computing the audience (a contact recorded for each member reached; a post campaign exported to S3); watch the campaign for its progress',
  params: CampaignPath,
  responses: {
    202: {
      description: 'Started: Location names the campaign, whose progress grows until it is computed',
      body: CampaignView,
    },
    404: problem('No such campaign'),
    409: problem('The campaign is not a draft (its audience is computed or being computed, or it is closed)'),
  },
  tableActions: ['GetItem', 'PutItem', 'Query'],
  startsJob: 'campaign-audience',
} as const satisfies RouteSpec;

export const readAudience = {
  method: 'GET',
  path: '/campaigns/{campaignId}/audience',
  handler: 'api/campaigns/read-audience',
  roles: ['admin', 'marketing'],
  summary: 'The audience: customer number, name and the channel’s contact field; format=csv for CSV',
  params: CampaignPath,
  query: AudienceQuery,
  responses: { 200: { description: 'The audience as JSON or CSV' }, 404: problem('No such campaign') },
  tableActions: ['GetItem', 'Query', 'BatchGetItem'],
  timeoutSeconds: 29,
} as const satisfies RouteSpec;

export const listReports = {
  method: 'GET',
  path: '/reports',
  handler: 'api/reports/list',
  roles: ['admin', 'marketing'],
  summary: 'The reports the caller’s role may open',
  responses: { 200: { description: 'The reports and their titles', body: ReportList } },
  tableActions: [],
} as const satisfies RouteSpec;

export const readReport = {
  method: 'GET',
  path: '/reports/{report}',
  handler: 'api/reports/read',
  roles: ['admin', 'marketing'],
  summary:
    'A report as the nightly statistics job left it (no request scans); format=csv&table=<id> gives one table as CSV. No figure describes fewer than five members: such cells read "< 5"',
  params: ReportPath,
  query: ReportQuery,
  responses: {
    200: { description: 'The report, or one of its tables as CSV', body: ReportView },
    403: problem('The report is not for the caller’s role'),
    404: problem('No such report, or the statistics job has not run yet'),
  },
  tableActions: ['GetItem'],
} as const satisfies RouteSpec;

export const countReceipt = {
  method: 'POST',
  path: '/purchases',
  handler: 'api/purchases/count',
  roles: ['pos'],
  scopes: [tillScope('purchases')],
  summary: 'Count one receipt into the member’s month (exactly once per store and receipt id)',
  body: Receipt,
  responses: {
    201: {
      description: 'Counted, or counted before: the month’s totals of the groups it touched',
      body: ReceiptAnswer,
    },
    400: problem('Not valid, or an unknown main group'),
    422: problem('Unknown member, or a return beyond this month’s purchases'),
    503: problem('Not counted this time; send it again after Retry-After'),
  },
  tableActions: ['GetItem', 'PutItem', 'UpdateItem', 'ConditionCheckItem'],
} as const satisfies RouteSpec;

export const countReceipts = {
  method: 'POST',
  path: '/purchases/batch',
  handler: 'api/purchases/count-batch',
  roles: ['pos'],
  scopes: [tillScope('purchases')],
  summary: 'Count up to 100 receipts a till queued offline; one answer per receipt',
  body: ReceiptBatch,
  // 1 MiB, written out: esbuild keeps a route whose object holds arithmetic in every bundle.
  maxBodyBytes: 1_048_576,
  responses: { 200: { description: 'Per receipt: counted, duplicate, rejected (with why) or retry' } },
  tableActions: ['GetItem', 'PutItem', 'UpdateItem', 'ConditionCheckItem'],
} as const satisfies RouteSpec;

export const mainGroups = {
  method: 'GET',
  path: '/purchases/main-groups',
  handler: 'api/purchases/main-groups',
  roles: ['admin', 'customer-service', 'processor', 'marketing', 'pos'],
  summary: 'The main product group code list and its version',
  responses: { 200: { description: 'The code list' } },
  tableActions: [],
} as const satisfies RouteSpec;

export const readPurchases = {
  method: 'GET',
  path: '/members/{customerNumber}/purchases',
  handler: 'api/members/purchases',
  roles: ['admin', 'customer-service', 'processor', 'member'],
  summary: 'Monthly totals per main group, from and to as YYYY-MM (at most 36 months)',
  params: MemberPath,
  query: PurchaseMonthsQuery,
  responses: {
    200: { description: 'The months that have purchases', body: PurchaseMonthList },
    404: problem('No such member'),
  },
  tableActions: ['GetItem', 'Query', 'PutItem', 'DeleteItem'],
} as const satisfies RouteSpec;

export const posLookup = {
  method: 'GET',
  path: '/pos/members/{cardOrCustomerNumber}',
  handler: 'api/pos/lookup',
  roles: ['pos'],
  scopes: [tillScope('lookup')],
  summary: 'For the till’s scan: is this a member, and the card’s state; nothing personal',
  params: PosMemberPath,
  responses: { 200: { description: 'A member', body: PosAnswer }, 404: problem('Not a member') },
  tableActions: ['GetItem'],
} as const satisfies RouteSpec;

export const exportMember = {
  method: 'GET',
  path: '/members/{customerNumber}/export',
  handler: 'api/privacy/export',
  roles: ['admin', 'customer-service', 'member'],
  summary: 'Everything the register holds on the member, by item type with purposes (Art. 15, 20)',
  params: MemberPath,
  responses: { 200: { description: 'The export, JSON' }, 404: problem('No such member') },
  tableActions: ['GetItem', 'PutItem', 'DeleteItem', 'Query'],
  timeoutSeconds: 20,
} as const satisfies RouteSpec;

export const memberAudit = {
  method: 'GET',
  path: '/members/{customerNumber}/audit',
  handler: 'api/privacy/audit',
  roles: ['admin', 'member'],
  summary: 'Who read or changed the member’s data, oldest first',
  params: MemberPath,
  responses: {
    200: { description: 'The audit trail', body: AuditTrailView },
    404: problem('No such member'),
  },
  tableActions: ['GetItem', 'PutItem', 'DeleteItem', 'Query'],
} as const satisfies RouteSpec;

export const requestErasure = {
  method: 'POST',
  path: '/members/{customerNumber}/erasure-request',
  handler: 'api/privacy/erasure-request',
  roles: ['admin', 'customer-service', 'member'],
  summary: 'Record the member’s request to be erased; carried out by an admin or after the configured days',
  params: MemberPath,
  responses: {
    202: member('Recorded: the member with erasureRequestedAt'),
    404: problem('No such member'),
  },
  tableActions: ['GetItem', 'PutItem', 'Query'],
} as const satisfies RouteSpec;

export const endMembership = {
  method: 'POST',
  path: '/members/{customerNumber}/membership-end',
  handler: 'api/privacy/membership-end',
  roles: ['admin', 'customer-service', 'member'],
  summary: 'End the membership: marketing and card orders stop; the member is erased 12 months later',
  params: MemberPath,
  responses: { 202: member('Ended: the member with membershipEndedAt'), 404: problem('No such member') },
  tableActions: ['GetItem', 'PutItem', 'UpdateItem', 'Query'],
} as const satisfies RouteSpec;

export const eraseMember = {
  method: 'DELETE',
  path: '/members/{customerNumber}',
  handler: 'api/privacy/erase',
  roles: ['admin'],
  summary:
    'Erase the member (Art. 17): purchase totals become anonymous, a tombstone without personal data remains',
  params: MemberPath,
  query: ErasureQuery,
  responses: { 200: { description: 'The tombstone' }, 404: problem('No such member') },
  tableActions: ['GetItem', 'PutItem', 'UpdateItem', 'DeleteItem', 'Query', 'BatchWriteItem'],
  timeoutSeconds: 20,
} as const satisfies RouteSpec;

export const restrictMember = {
  method: 'PUT',
  path: '/members/{customerNumber}/restriction',
  handler: 'api/privacy/restriction',
  roles: ['admin', 'customer-service'],
  summary: 'Restrict processing (Art. 18): no marketing, card batches or address refresh until lifted',
  params: MemberPath,
  body: RestrictionBody,
  responses: { 200: member('The member with flags.restricted'), 404: problem('No such member') },
  tableActions: ['GetItem', 'PutItem', 'Query'],
} as const satisfies RouteSpec;

export const privacyNotice = {
  method: 'GET',
  path: '/privacy-notice',
  handler: 'api/privacy/notice',
  roles: 'public',
  summary:
    'The privacy notice (register description), rendered from the data catalogue: lang=fi|en, format=html|json',
  query: PrivacyNoticeQuery,
  responses: { 200: { description: 'The notice' } },
  tableActions: [],
} as const satisfies RouteSpec;

export const recordsOfProcessing = {
  method: 'GET',
  path: '/records-of-processing',
  handler: 'api/privacy/records',
  roles: ['admin'],
  summary: 'Records of processing activities (Art. 30), from the data catalogue',
  responses: { 200: { description: 'The records, JSON' } },
  tableActions: [],
} as const satisfies RouteSpec;

/** Every route, in the order above. */
export const routes = {
  openApi,
  registerMember,
  linkAccount,
  joinAsMember,
  findMembers,
  searchMembers,
  readMember,
  correctMember,
  chooseCard,
  orderReplacement,
  reportLostCard,
  cardBatches,
  jobRuns,
  runCardBatchNow,
  workQueue,
  resolveWorkItem,
  readConsents,
  changeConsent,
  consentHistory,
  createCampaign,
  listCampaigns,
  readCampaign,
  editCampaign,
  closeCampaign,
  previewAudience,
  computeAudience,
  readAudience,
  listReports,
  readReport,
  countReceipt,
  countReceipts,
  mainGroups,
  readPurchases,
  posLookup,
  exportMember,
  memberAudit,
  requestErasure,
  endMembership,
  eraseMember,
  restrictMember,
  privacyNotice,
  recordsOfProcessing,
} as const satisfies Record<string, RouteSpec>;

export const routeList: readonly RouteSpec[] = /* @__PURE__ */ Object.values(routes);
