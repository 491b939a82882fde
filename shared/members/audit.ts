import type { Role } from '../auth/roles.ts';
import type { Caller } from '../auth/caller.ts';
import type { AuditAction, AuditEntry } from './audit-entry.ts';
import { PERSONAL_FIELDS, type Member } from './member.ts';

/** Why each role handles members' data (the catalogue's purposes, in the words of the audit). */
const AUDIT_PURPOSE: Record<Role, string> = {
  admin: 'administration',
  'customer-service': 'customer-service',
  processor: 'operations',
  marketing: 'marketing',
  pos: 'purchases',
  member: 'own-data',
};

/** Who acted, in what role, through which route and why: the part every audit record shares. */
export const recordedCaller = (caller: Caller) => ({
  actor: caller.actor,
  role: caller.role,
  via: caller.via,
  purpose: AUDIT_PURPOSE[caller.role],
  requestId: caller.requestId,
});

export const auditEntry = (
  caller: Caller,
  customerNumber: string,
  action: AuditAction,
  at: string,
  fields?: string[],
): AuditEntry => ({
  customerNumber,
  at,
  ...recordedCaller(caller),
  action,
  ...(fields ? { fields } : {}),
});

/** A change the register makes itself (a job, a partner's file): who made it, from what, and which fields. */
export const systemAuditEntry = (change: {
  customerNumber: string;
  at: string;
  /** The job or party: `population-register`, `card-manufacturer`, `card-batch`, `legacy-import`. */
  actor: string;
  action: AuditAction;
  /** The file and line, or the batch and row, the change came from. */
  via: string;
  purpose: string;
  fields: string[];
}): AuditEntry => ({ ...change, role: 'system', requestId: change.via });

/** The fields a change touches, by name (`flags.deceased`), never their values. */
export function changedFields(before: Member, after: Member): string[] {
  const personal = PERSONAL_FIELDS.filter((field) => before[field] !== after[field]);
  const flags = (Object.keys(after.flags) as (keyof Member['flags'])[])
    .filter((flag) => before.flags[flag] !== after.flags[flag])
    .map((flag) => `flags.${flag}`);
  const other = (['deceasedOn', 'card'] as const).filter(
    (field) => JSON.stringify(before[field]) !== JSON.stringify(after[field]),
  );
  return [...personal, ...flags, ...other];
}
