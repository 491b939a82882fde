import {
  CorrectMemberBody,
  FindMembersQuery,
  IdempotencyKey,
  MemberList,
  MemberPath,
  MemberSearchPage,
  ReadMemberQuery,
  RegisterMemberBody,
  MemberView,
  SearchMembersQuery,
} from '../../members/schemas.ts';
import type { RouteSpec } from '../route.ts';
import { IF_MATCH } from './headers.ts';

// Members: register, find and search them, read and correct one. One export per route, as routes.ts
// says.

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
    201: { description: 'Registered; Location and ETag name the new member', body: MemberView },
    400: { description: 'Not valid' },
    409: { description: 'Email or mobile belongs to another member' },
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
  responses: {
    200: { description: 'Zero or one member', body: MemberList },
    400: { description: 'Not valid' },
  },
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
    400: { description: 'Not valid' },
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
  responses: {
    200: { description: 'The member, with its ETag', body: MemberView },
    404: { description: 'No such member' },
  },
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
  headers: [IF_MATCH],
  responses: {
    200: { description: 'Corrected, with its new ETag', body: MemberView },
    404: { description: 'No such member' },
    409: { description: 'Email or mobile belongs to another member' },
    412: { description: 'The member changed since it was read' },
    428: { description: 'If-Match is missing' },
  },
  tableActions: ['GetItem', 'PutItem', 'DeleteItem', 'Query'],
} as const satisfies RouteSpec;
