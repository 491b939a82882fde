/** RFC 9457 problem details. The `type` URIs are public: clients branch on them. */
export const PROBLEM_BASE = 'https://moymore.fi/problems/';

export interface FieldError {
  field: string;
  message: string;
}

export interface ProblemBody {
  type: string;
  title: string;
  status: number;
  detail?: string;
  errors?: FieldError[];
}

/** An expected failure: carries only what may be shown to the caller (never input values). */
export class Problem extends Error {
  constructor(
    readonly status: number,
    readonly slug: string,
    readonly title: string,
    readonly detail?: string,
    readonly errors?: FieldError[],
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

export const validationFailed = (errors: FieldError[]) =>
  new Problem(400, 'validation-failed', 'The request is not valid', 'See errors for each field.', errors);
export const malformedBody = (detail: string) =>
  new Problem(400, 'malformed-body', 'The body is not valid JSON', detail);
export const unsupportedMediaType = () =>
  new Problem(415, 'unsupported-media-type', 'Send the body as application/json');
export const bodyTooLarge = (limit: number) =>
  new Problem(413, 'body-too-large', 'The body is too large', `At most ${limit} bytes.`);
export const unauthenticated = () => new Problem(401, 'unauthenticated', 'A valid bearer token is required');
export const forbidden = () => new Problem(403, 'forbidden', 'Your role may not do this');
export const notFound = (what: string) => new Problem(404, 'not-found', `No such ${what}`);
export const conflict = (slug: string, title: string, errors?: FieldError[]) =>
  new Problem(409, slug, title, undefined, errors);
export const preconditionFailed = () =>
  new Problem(
    412,
    'stale-version',
    'The resource has changed since you read it',
    'Read it again and send its new ETag in If-Match.',
  );
export const preconditionRequired = () =>
  new Problem(428, 'if-match-required', 'Send If-Match with the ETag you read');
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
