import type { RouteSpec } from '../shared/http/route.ts';
import {
  ChooseCardBody,
  CorrectMemberBody,
  FindMembersQuery,
  IdempotencyKey,
  MemberList,
  MemberPath,
  MemberView,
  ReadMemberQuery,
  RegisterMemberBody,
} from '../shared/members/schemas.ts';

import {
  PosAnswer,
  PosMemberPath,
  PurchaseMonthList,
  PurchaseMonthsQuery,
  Receipt,
  ReceiptAnswer,
  ReceiptBatch,
} from '../shared/purchases/schemas.ts';

import { CardBatchesQuery } from '../shared/cards/schemas.ts';
import { AudienceQuery, CampaignPath, CreateCampaignBody } from '../shared/campaigns/schemas.ts';
import { ConsentBody, ConsentHistory, ConsentList, ConsentPath } from '../shared/consents/schemas.ts';

const ifMatch = (required: boolean) =>
  ({ name: 'if-match', description: 'The ETag of the member as read (its version).', required }) as const;
const member = (description: string) => ({ description, body: MemberView });
const problem = (description: string) => ({ description });

/**
 * The API: the CDK stack, the local server, the OpenAPI document and the role tests all read this.
 * Who may call what is decided here (roles) and, for members, by the domain (only their own record).
 */
export const routes = {
  openApi: {
    method: 'GET',
    path: '/openapi.json',
    handler: 'api/openapi',
    roles: 'public',
    summary: 'This API as an OpenAPI 3.1 document',
    responses: { 200: { description: 'The document' } },
    tableActions: [],
  },
  registerMember: {
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
    tableActions: ['GetItem', 'PutItem'],
  },
  findMembers: {
    method: 'GET',
    path: '/members',
    handler: 'api/members/find',
    roles: ['admin', 'customer-service', 'processor'],
    summary: 'Find a member by exact email, mobile number (phone=) or loyalty card number',
    query: FindMembersQuery,
    responses: { 200: { description: 'Zero or one member', body: MemberList }, 400: problem('Not valid') },
    tableActions: ['GetItem', 'PutItem'],
  },
  readMember: {
    method: 'GET',
    path: '/members/{customerNumber}',
    handler: 'api/members/read',
    roles: ['admin', 'customer-service', 'processor', 'member'],
    summary: 'Read a member; include=sources adds where each field came from',
    params: MemberPath,
    query: ReadMemberQuery,
    responses: { 200: member('The member, with its ETag'), 404: problem('No such member') },
    tableActions: ['GetItem', 'PutItem'],
  },
  correctMember: {
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
    tableActions: ['GetItem', 'PutItem', 'DeleteItem'],
  },
  chooseCard: {
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
    tableActions: ['GetItem', 'PutItem', 'UpdateItem'],
  },
  orderReplacement: {
    method: 'POST',
    path: '/members/{customerNumber}/card/replacement',
    handler: 'api/members/card-replacement',
    roles: ['admin', 'customer-service', 'member'],
    summary: 'A lost or broken card: order a replacement of the same type',
    params: MemberPath,
    responses: {
      200: member('The member with the replacement ordered'),
      404: problem('No such member'),
      409: problem('No card to replace'),
    },
    tableActions: ['GetItem', 'PutItem', 'UpdateItem'],
  },
  cardBatches: {
    method: 'GET',
    path: '/card-batches',
    handler: 'api/card-batches',
    roles: ['admin', 'processor'],
    summary: 'Card batches sent; overdue=true lists orders unanswered 14 days after their batch',
    query: CardBatchesQuery,
    responses: { 200: { description: 'Batches, or overdue orders' } },
    tableActions: ['Query'],
  },
  readConsents: {
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
    tableActions: ['GetItem', 'PutItem'],
  },
  changeConsent: {
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
    tableActions: ['GetItem', 'PutItem'],
  },
  consentHistory: {
    method: 'GET',
    path: '/members/{customerNumber}/consents/history',
    handler: 'api/consents/history',
    roles: ['admin', 'customer-service', 'processor', 'member'],
    summary: 'Every consent change, oldest first (append-only)',
    params: MemberPath,
    responses: { 200: { description: 'The history', body: ConsentHistory }, 404: problem('No such member') },
    tableActions: ['GetItem', 'PutItem', 'Query'],
  },
  createCampaign: {
    method: 'POST',
    path: '/campaigns',
    handler: 'api/campaigns/create',
    roles: ['admin', 'marketing'],
    summary: 'Create a campaign: channel email, sms or post; optional criteria',
    body: CreateCampaignBody,
    responses: { 201: { description: 'The campaign' }, 400: problem('Not valid') },
    tableActions: ['PutItem'],
  },
  computeAudience: {
    method: 'POST',
    path: '/campaigns/{campaignId}/audience',
    handler: 'api/campaigns/compute-audience',
    roles: ['admin', 'marketing'],
    summary:
      'Compute the audience, record a contact for each member reached; a post campaign is exported to S3',
    params: CampaignPath,
    responses: {
      200: { description: 'The summary: reached, and members left out per reason' },
      404: problem('No such campaign'),
    },
    tableActions: ['GetItem', 'Query', 'BatchGetItem', 'BatchWriteItem', 'UpdateItem'],
    bucketPrefixes: { write: ['marketing/exports/'] },
    timeoutSeconds: 29,
  },
  readAudience: {
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
  },
  countReceipt: {
    method: 'POST',
    path: '/purchases',
    handler: 'api/purchases/count',
    roles: ['pos'],
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
    tableActions: ['GetItem', 'UpdateItem'],
  },
  countReceipts: {
    method: 'POST',
    path: '/purchases/batch',
    handler: 'api/purchases/count-batch',
    roles: ['pos'],
    summary: 'Count up to 100 receipts a till queued offline; one answer per receipt',
    body: ReceiptBatch,
    maxBodyBytes: 1024 * 1024,
    responses: { 200: { description: 'Per receipt: counted, duplicate, rejected (with why) or retry' } },
    tableActions: ['GetItem', 'UpdateItem'],
  },
  mainGroups: {
    method: 'GET',
    path: '/purchases/main-groups',
    handler: 'api/purchases/main-groups',
    roles: ['admin', 'customer-service', 'processor', 'marketing', 'pos'],
    summary: 'The main product group code list and its version',
    responses: { 200: { description: 'The code list' } },
    tableActions: [],
  },
  readPurchases: {
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
    tableActions: ['GetItem', 'Query', 'PutItem'],
  },
  posLookup: {
    method: 'GET',
    path: '/pos/members/{cardOrCustomerNumber}',
    handler: 'api/pos/lookup',
    roles: ['pos'],
    summary: 'For the till’s scan: is this a member, and the card’s state; nothing personal',
    params: PosMemberPath,
    responses: { 200: { description: 'A member', body: PosAnswer }, 404: problem('Not a member') },
    tableActions: ['GetItem'],
  },
} as const satisfies Record<string, RouteSpec>;

export const routeList: readonly RouteSpec[] = Object.values(routes);
