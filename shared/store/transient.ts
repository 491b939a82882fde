/**
 * Which AWS failures are passing ones. A module without SDK imports, so that the HTTP error mapping
 * can ask without putting the DynamoDB client into every bundle.
 */
const TRANSIENT = new Set([
  'ProvisionedThroughputExceededException',
  'ThrottlingException',
  'RequestLimitExceeded',
  'TransactionConflictException',
  'TransactionInProgressException',
  'InternalServerError',
  'ServiceUnavailable',
  'TimeoutError',
  'RequestTimeout',
  // SES's sending rate.
  'TooManyRequestsException',
]);
const NETWORK = new Set(['ECONNRESET', 'ECONNREFUSED', 'ETIMEDOUT', 'EPIPE', 'EAI_AGAIN', 'ENOTFOUND']);

/** Throttling, timeouts and network faults that outlived the SDK's retries: the caller may safely resend. */
export function isTransient(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: string }).code;
  return TRANSIENT.has(error.name) || (code !== undefined && NETWORK.has(code));
}
