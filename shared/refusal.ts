/**
 * What the domain refuses, as values with a stable kind: the domain knows nothing of HTTP, and the
 * HTTP layer's one table (shared/http/problem.ts) gives each kind its problem type and status.
 */

/** A field the caller must fix, by its name: never its value. */
export interface FieldError {
  field: string;
  message: string;
}

export const REFUSAL_KINDS = [
  'not-found',
  'validation-failed',
  'stale-version',
  'if-match-required',
  'duplicate-value',
  'member-changing',
  'member-deceased',
  'no-card-to-replace',
  'idempotency-key-reused',
  'unknown-member',
  'return-exceeds-purchases',
  'receipt-id-taken',
  'receipt-too-old',
  'card-blocked',
  /** The route is the role's, but not this part of it (an admin's work queue). */
  'role-not-allowed',
  /** A sign-in account could not be linked to a membership by what was given. */
  'link-not-matched',
  /** Too many failed link attempts: try again later. */
  'link-locked',
  /** The membership has a sign-in account already, or this account a membership. */
  'account-linked',
  /** The account's email is not verified, so it proves nothing. */
  'email-not-verified',
  /** The campaign's status does not allow this (edit only a draft, compute one not computing, …). */
  'campaign-state',
  /** An unsubscribe link the register did not make (or altered). */
  'unsubscribe-link-invalid',
  /** An unsubscribe link past its time. */
  'unsubscribe-link-expired',
  /** The email has a sign-in account already: change that one's groups. */
  'staff-account-exists',
  /** An admin taking away their own admin access or disabling themselves: another admin does it. */
  'own-access',
] as const;
export type RefusalKind = (typeof REFUSAL_KINDS)[number];

/** An expected refusal: carries only what may be shown to the caller (never input values). */
export class Refusal extends Error {
  constructor(
    readonly kind: RefusalKind,
    readonly title: string,
    readonly detail?: string,
    readonly errors?: readonly FieldError[],
    /** When asking again may succeed (a lock's end). */
    readonly retryAfterSeconds?: number,
  ) {
    super(title);
    this.name = 'Refusal';
  }
}

/**
 * The store cannot answer now (throttled, timed out, a transaction in contention): nothing was
 * changed by the attempt, and the same call may be made again.
 */
export class StoreBusy extends Error {
  constructor() {
    super('the store is busy');
    this.name = 'StoreBusy';
  }
}

export const notFound = (what: string) => new Refusal('not-found', `No such ${what}`);
export const invalid = (errors: readonly FieldError[], title = 'The request is not valid') =>
  new Refusal('validation-failed', title, 'See errors for each field.', errors);
export const staleVersion = () =>
  new Refusal(
    'stale-version',
    'The resource has changed since you read it',
    'Read it again and send its new ETag in If-Match.',
  );
export const versionRequired = () => new Refusal('if-match-required', 'Send If-Match with the ETag you read');
