import { MemberPath, MemberView } from '../../members/schemas.ts';
import {
  AuditTrailView,
  ErasureQuery,
  PaperFormQuery,
  PrivacyNoticeQuery,
  RestrictionBody,
} from '../../privacy/schemas.ts';
import type { RouteSpec } from '../route.ts';

// The data subject's rights (export, audit trail, erasure, restriction), the privacy notice and the
// records of processing. One export per route, as routes.ts says.

export const exportMember = {
  method: 'GET',
  path: '/members/{customerNumber}/export',
  handler: 'api/privacy/export',
  roles: ['admin', 'customer-service', 'member'],
  summary: 'Everything the register holds on the member, by item type with purposes (Art. 15, 20)',
  params: MemberPath,
  responses: { 200: { description: 'The export, JSON' }, 404: { description: 'No such member' } },
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
    404: { description: 'No such member' },
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
    202: { description: 'Recorded: the member with erasureRequestedAt', body: MemberView },
    404: { description: 'No such member' },
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
  responses: {
    202: { description: 'Ended: the member with membershipEndedAt', body: MemberView },
    404: { description: 'No such member' },
  },
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
  responses: { 200: { description: 'The tombstone' }, 404: { description: 'No such member' } },
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
  responses: {
    200: { description: 'The member with flags.restricted', body: MemberView },
    404: { description: 'No such member' },
  },
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
  tableActions: ['Query'],
  tablePartitions: ['marketing-settings'],
} as const satisfies RouteSpec;

export const paperForm = {
  method: 'GET',
  path: '/paper-form',
  handler: 'api/privacy/paper-form',
  roles: 'public',
  summary:
    'The paper joining form with its short privacy notice, for printing: lang=fi|sv|en; the consents asked today, a refusal where a channel rests on the own-customer exception',
  query: PaperFormQuery,
  responses: { 200: { description: 'The form, HTML' } },
  tableActions: ['Query'],
  tablePartitions: ['marketing-settings'],
} as const satisfies RouteSpec;

export const recordsOfProcessing = {
  method: 'GET',
  path: '/records-of-processing',
  handler: 'api/privacy/records',
  roles: ['admin'],
  summary: 'Records of processing activities (Art. 30), from the data catalogue',
  responses: { 200: { description: 'The records, JSON' } },
  tableActions: ['Query'],
  tablePartitions: ['marketing-settings'],
} as const satisfies RouteSpec;
