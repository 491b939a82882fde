import { TILL_SCOPES } from '../../auth/scopes.ts';
import { MemberPath } from '../../members/schemas.ts';
import {
  PosAnswer,
  PosMemberPath,
  PurchaseMonthList,
  PurchaseMonthsQuery,
  Receipt,
  ReceiptAnswer,
  ReceiptBatch,
} from '../../purchases/schemas.ts';
import type { RouteSpec } from '../route.ts';

// Purchases: the tills' receipts and lookups, the main groups, and a member's monthly totals. One
// export per route, as routes.ts says.

// A property read of an imported object counts as a side effect to esbuild; this call, marked free of
// them, does not, so that a bundle drops the routes it does not import.
const tillScope = /* @__NO_SIDE_EFFECTS__ */ (scope: keyof typeof TILL_SCOPES) => TILL_SCOPES[scope];

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
    400: { description: 'Not valid, or an unknown main group' },
    422: { description: 'Unknown member, or a return beyond this month’s purchases' },
    503: { description: 'Not counted this time; send it again after Retry-After' },
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
    404: { description: 'No such member' },
  },
  tableActions: ['GetItem', 'Query', 'PutItem', 'DeleteItem'],
} as const satisfies RouteSpec;

export const posLookup = {
  method: 'GET',
  path: '/pos/members/{cardOrCustomerNumber}',
  handler: 'api/pos/lookup',
  roles: ['pos'],
  scopes: [tillScope('lookup')],
  summary:
    'For the till’s scan: is this a member, the card’s state, and the benefit tier the month so far has reached; nothing personal',
  params: PosMemberPath,
  responses: { 200: { description: 'A member', body: PosAnswer }, 404: { description: 'Not a member' } },
  tableActions: ['GetItem', 'Query'],
} as const satisfies RouteSpec;
