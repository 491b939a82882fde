import type { Role } from '../auth/roles.ts';
import type { Caller } from '../auth/caller.ts';
import type { AuditAction, AuditEntry } from './member-store.ts';

/** Why each role handles members' data (the catalogue's purposes, in the words of the audit). */
const AUDIT_PURPOSE: Record<Role, string> = {
  admin: 'administration',
  'customer-service': 'customer-service',
  processor: 'operations',
  marketing: 'marketing',
  pos: 'purchases',
  member: 'own-data',
};

export const auditEntry = (
  caller: Caller,
  customerNumber: string,
  action: AuditAction,
  at: string,
  fields?: string[],
): AuditEntry => ({
  customerNumber,
  at,
  actor: caller.actor,
  role: caller.role,
  action,
  via: caller.via,
  purpose: AUDIT_PURPOSE[caller.role],
  requestId: caller.requestId,
  ...(fields ? { fields } : {}),
});
