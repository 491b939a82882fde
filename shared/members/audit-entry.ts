import type { Role } from '../auth/roles.ts';

export type AuditAction =
  | 'read'
  | 'search'
  | 'export'
  | 'read-audit'
  | 'register'
  | 'correct'
  | 'choose-card'
  /** A spelling of the name on the card agreed with the member. */
  | 'name-on-card'
  | 'consent'
  | 'restrict'
  | 'erasure-request'
  | 'end-membership'
  | 'import'
  | 'address-refresh'
  | 'card-batch'
  | 'card-answer'
  | 'resolve-work'
  | 'link-account'
  /** What the mail service told of a message: a hard bounce, a complaint. */
  | 'mail-event'
  /** A STOP reply to a text message. */
  | 'text-reply';

/** Actions that only read: they are what "who viewed my data" lists as views. */
export const READ_ACTIONS: readonly AuditAction[] = ['read', 'search', 'export', 'read-audit'];

/** Who did what to whose data, and when. Field names only, never values. */
export interface AuditEntry {
  customerNumber: string;
  at: string;
  actor: string;
  /** The caller's role, or `system` for the register's own jobs. */
  role: Role | 'system';
  action: AuditAction;
  via: string;
  /** Why the actor had the data in hand: the role's purpose. */
  purpose: string;
  requestId: string;
  fields?: string[];
  /** Why, where the change needs one (a date of birth corrected): a code, never free text. */
  reason?: string;
}
