import { CardBatchesQuery, CardBatchesView } from '../../cards/schemas.ts';
import { AgreeNameOnCardBody, ChooseCardBody, MemberPath, MemberView } from '../../members/schemas.ts';
import type { RouteSpec } from '../route.ts';
import { IF_MATCH_OPTIONAL } from './headers.ts';

// A member's loyalty card (choose, replace, report lost) and the card batches sent. One export per
// route, as routes.ts says.

export const chooseCard = {
  method: 'PUT',
  path: '/members/{customerNumber}/card',
  handler: 'api/members/choose-card',
  roles: ['admin', 'customer-service', 'member'],
  summary: 'Choose the card: MASTERCARD or CASH_CARD orders one, NONE cancels a waiting order',
  params: MemberPath,
  body: ChooseCardBody,
  headers: [IF_MATCH_OPTIONAL],
  responses: {
    200: { description: 'The member with the card choice', body: MemberView },
    404: { description: 'No such member' },
    409: { description: 'No card for a deceased member' },
    412: { description: 'The member changed since it was read' },
  },
  tableActions: ['GetItem', 'PutItem', 'UpdateItem', 'DeleteItem', 'Query'],
} as const satisfies RouteSpec;

export const agreeNameOnCard = {
  method: 'PUT',
  path: '/members/{customerNumber}/card/name-on-card',
  handler: 'api/members/name-on-card',
  roles: ['admin', 'customer-service'],
  summary:
    'Agree with the member how their name is spelt on the card (the manufacturer’s letters, at most 26): an order waiting because the name cannot be embossed goes in the next batch. A later change of name drops it',
  params: MemberPath,
  body: AgreeNameOnCardBody,
  headers: [IF_MATCH_OPTIONAL],
  responses: {
    200: { description: 'The member with the name agreed', body: MemberView },
    404: { description: 'No such member' },
    412: { description: 'The member changed since it was read' },
  },
  tableActions: ['GetItem', 'PutItem', 'UpdateItem', 'DeleteItem', 'Query'],
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
    200: { description: 'The member with the replacement ordered', body: MemberView },
    404: { description: 'No such member' },
    409: { description: 'No card to replace' },
  },
  tableActions: ['GetItem', 'PutItem', 'UpdateItem', 'DeleteItem', 'Query'],
} as const satisfies RouteSpec;

export const reportLostCard = {
  method: 'POST',
  path: '/members/{customerNumber}/card/lost',
  handler: 'api/members/card-lost',
  roles: ['admin', 'customer-service', 'member'],
  summary: 'A lost card: the tills refuse it at once, and a replacement of the same type is ordered',
  params: MemberPath,
  responses: {
    200: { description: 'The member with the replacement ordered', body: MemberView },
    404: { description: 'No such member' },
    409: { description: 'No card to report lost' },
  },
  tableActions: ['GetItem', 'PutItem', 'UpdateItem', 'DeleteItem', 'Query'],
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
