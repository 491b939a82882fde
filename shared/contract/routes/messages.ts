import { OneClickBody, UnsubscribePath } from '../../campaigns/schemas.ts';
import type { RouteSpec } from '../route.ts';

// What a marketing message's reader reaches without signing in. One export per route, as routes.ts says.

export const readUnsubscribe = {
  method: 'GET',
  path: '/unsubscribe/{token}',
  handler: 'api/messages/read-unsubscribe',
  roles: 'public',
  summary:
    'The page a message’s unsubscribe link opens: asks to confirm, and changes nothing (mail scanners follow links)',
  params: UnsubscribePath,
  responses: {
    200: { description: 'The confirmation page (HTML)' },
    400: { description: 'Not a link the register made' },
    410: { description: 'The link has expired' },
  },
  tableActions: [],
  readsUnsubscribeKey: true,
} as const satisfies RouteSpec;

export const unsubscribe = {
  method: 'POST',
  path: '/unsubscribe/{token}',
  handler: 'api/messages/unsubscribe',
  roles: 'public',
  summary:
    'One-click unsubscribe (RFC 8058): withdraws exactly the linked member’s consent for the channel, with its history; again, it changes nothing',
  params: UnsubscribePath,
  body: OneClickBody,
  bodyMediaType: 'application/x-www-form-urlencoded',
  responses: {
    200: { description: 'Unsubscribed (HTML)' },
    400: { description: 'Not a link the register made, or not List-Unsubscribe=One-Click' },
    410: { description: 'The link has expired' },
  },
  tableActions: ['GetItem', 'PutItem', 'DeleteItem', 'Query'],
  readsUnsubscribeKey: true,
} as const satisfies RouteSpec;
