import { Refusal, type FieldError, type RefusalKind, type StoreBusy } from '../refusal.ts';

/** RFC 9457 problem details. The `type` URIs are public: clients branch on them. */
export const PROBLEM_BASE = 'https://moymore.fi/problems/';

export interface ProblemBody {
  type: string;
  title: string;
  status: number;
  detail?: string;
  errors?: readonly FieldError[];
}

/** An expected failure: carries only what may be shown to the caller (never input values). */
export class Problem extends Error {
  constructor(
    readonly status: number,
    readonly slug: string,
    readonly title: string,
    readonly detail?: string,
    readonly errors?: readonly FieldError[],
    readonly headers: Record<string, string> = {},
  ) {
    super(title);
    this.name = 'Problem';
  }

  toBody(): ProblemBody {
    return {
      type: PROBLEM_BASE + this.slug,
      title: this.title,
      status: this.status,
      ...(this.detail ? { detail: this.detail } : {}),
      ...(this.errors ? { errors: this.errors } : {}),
    };
  }
}

/** The status of each domain refusal: the one place the domain's words become HTTP. */
const REFUSAL_STATUS: Record<RefusalKind, number> = {
  'not-found': 404,
  'validation-failed': 400,
  'stale-version': 412,
  'if-match-required': 428,
  'duplicate-value': 409,
  'member-changing': 409,
  'member-deceased': 409,
  'no-card-to-replace': 409,
  'receipt-id-taken': 409,
  'idempotency-key-reused': 422,
  'unknown-member': 422,
  'return-exceeds-purchases': 422,
  'receipt-too-old': 422,
  'card-blocked': 422,
  'role-not-allowed': 403,
  'link-not-matched': 422,
  'link-locked': 429,
  'account-linked': 409,
  'email-not-verified': 422,
  'campaign-state': 409,
  'unsubscribe-link-invalid': 400,
  'unsubscribe-link-expired': 410,
  'staff-account-exists': 409,
  'own-access': 409,
};

/** A domain refusal as problem details: its kind is the problem type. */
export const problemOf = (refusal: Refusal) =>
  new Problem(
    REFUSAL_STATUS[refusal.kind],
    refusal.kind,
    refusal.title,
    refusal.detail,
    refusal.errors,
    refusal.retryAfterSeconds === undefined ? {} : { 'retry-after': String(refusal.retryAfterSeconds) },
  );

export const malformedBody = (detail: string) =>
  new Problem(400, 'malformed-body', 'The body is not valid JSON', detail);
export const unsupportedMediaType = (mediaType = 'application/json') =>
  new Problem(415, 'unsupported-media-type', `Send the body as ${mediaType}`);
export const bodyTooLarge = (limit: number) =>
  new Problem(413, 'body-too-large', 'The body is too large', `At most ${limit} bytes.`);
export const unauthenticated = () => new Problem(401, 'unauthenticated', 'A valid bearer token is required');
export const forbidden = () => new Problem(403, 'forbidden', 'Your role may not do this');
export const temporarilyUnavailable = (retryAfterSeconds: number) =>
  new Problem(
    503,
    'temporarily-unavailable',
    'The register is busy; nothing was changed by this attempt',
    'Send the same request again after Retry-After seconds.',
    undefined,
    { 'retry-after': String(retryAfterSeconds) },
  );
export const internalError = () =>
  new Problem(500, 'internal-error', 'Something went wrong on our side', 'The error was logged.');

/** What a batch answers for one item it refused, or could not do now (the store was busy). */
export const problemBodyOf = (refusal: Refusal | StoreBusy, retryAfterSeconds: number): ProblemBody =>
  (refusal instanceof Refusal ? problemOf(refusal) : temporarilyUnavailable(retryAfterSeconds)).toBody();
