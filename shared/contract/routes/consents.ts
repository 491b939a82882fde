import {
  ConsentBody,
  ConsentHistory,
  ConsentList,
  ConsentPath,
  ConsentState,
} from '../../consents/schemas.ts';
import { MemberPath } from '../../members/schemas.ts';
import type { RouteSpec } from '../route.ts';

// A member's consents and bans, and their history. One export per route, as routes.ts says.

export const readConsents = {
  method: 'GET',
  path: '/members/{customerNumber}/consents',
  handler: 'api/consents/read',
  roles: ['admin', 'customer-service', 'processor', 'member'],
  summary: 'The member’s consents and bans as they stand',
  params: MemberPath,
  responses: {
    200: { description: 'Current consents', body: ConsentList },
    404: { description: 'No such member' },
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
    200: {
      description: 'The consents as they are now (the campaigns that reached the member are read apart)',
      body: ConsentState,
    },
    404: { description: 'No such member' },
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
  responses: {
    200: { description: 'The history', body: ConsentHistory },
    404: { description: 'No such member' },
  },
  tableActions: ['GetItem', 'PutItem', 'DeleteItem', 'Query'],
} as const satisfies RouteSpec;
