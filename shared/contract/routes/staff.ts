import {
  AccessReviewQuery,
  AccessReviewView,
  InviteStaffBody,
  StaffAccountView,
  StaffEnabledBody,
  StaffGroupsBody,
  StaffListView,
  StaffPath,
} from '../../accounts/schemas.ts';
import type { RouteSpec } from '../route.ts';

// Staff accounts, for the admin: who may use the register, granted and withdrawn in the console, each
// change recorded in the register. One export per route, as routes.ts says.

export const listStaff = {
  method: 'GET',
  path: '/staff-accounts',
  handler: 'api/staff/list',
  roles: ['admin'],
  summary: 'The staff accounts: email, staff groups, enabled or not',
  responses: { 200: { description: 'Every account in a staff group', body: StaffListView } },
  tableActions: [],
  staffAccounts: 'read',
} as const satisfies RouteSpec;

export const inviteStaff = {
  method: 'POST',
  path: '/staff-accounts',
  handler: 'api/staff/invite',
  roles: ['admin'],
  summary:
    'Invite a person by email into one or more staff groups (admin, customer-service, processor, marketing): the invitation goes by email, the first sign-in sets a password and MFA',
  body: InviteStaffBody,
  responses: {
    201: { description: 'The account invited', body: StaffAccountView },
    409: { description: 'That email has a sign-in account already' },
  },
  tableActions: ['PutItem'],
  tablePartitions: ['staff-access'],
  staffAccounts: 'write',
} as const satisfies RouteSpec;

export const changeStaffGroups = {
  method: 'PUT',
  path: '/staff-accounts/{username}/groups',
  handler: 'api/staff/groups',
  roles: ['admin'],
  summary:
    'Set a staff account’s groups; the same groups again change nothing. An admin keeps their own admin group, and the last enabled admin stays one',
  params: StaffPath,
  body: StaffGroupsBody,
  responses: {
    200: { description: 'The account with its groups', body: StaffAccountView },
    404: { description: 'No such staff account (a member’s account is not one)' },
    409: { description: 'An admin taking away their own admin access' },
  },
  tableActions: ['PutItem'],
  tablePartitions: ['staff-access'],
  staffAccounts: 'write',
} as const satisfies RouteSpec;

export const setStaffEnabled = {
  method: 'PUT',
  path: '/staff-accounts/{username}/enabled',
  handler: 'api/staff/enabled',
  roles: ['admin'],
  summary:
    'Disable a staff account (it cannot sign in again, its refresh tokens end; an ID token it holds lapses within the hour) or enable it again with the groups it had; the last enabled admin stays',
  params: StaffPath,
  body: StaffEnabledBody,
  responses: {
    200: { description: 'The account', body: StaffAccountView },
    404: { description: 'No such staff account' },
    409: { description: 'An admin disabling themselves' },
  },
  tableActions: ['PutItem'],
  tablePartitions: ['staff-access'],
  staffAccounts: 'write',
} as const satisfies RouteSpec;

export const accessReview = {
  method: 'GET',
  path: '/access-review',
  handler: 'api/staff/review',
  roles: ['admin'],
  summary:
    'The quarterly access review: who has which staff group, when they last signed in, who granted each group and when; format=csv for the file',
  query: AccessReviewQuery,
  responses: { 200: { description: 'The review', body: AccessReviewView } },
  tableActions: ['Query'],
  tablePartitions: ['staff-access'],
  staffAccounts: 'read',
} as const satisfies RouteSpec;
