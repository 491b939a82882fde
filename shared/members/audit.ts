import type { Caller } from '../auth/caller.ts';
import type { AuditAction, AuditEntry } from '../store/member-store.ts';

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
  requestId: caller.requestId,
  ...(fields ? { fields } : {}),
});
