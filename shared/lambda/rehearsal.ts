/**
 * The clock of a job that may rehearse a month's close on a local stack (`npm run job -- benefits
 * --as-of <ISO time>`): the instant given, refused in AWS, where a job acts only on the real time.
 */
export function rehearsalClock(asOf: string | undefined): (() => Date) | undefined {
  if (asOf === undefined) return undefined;
  if (process.env.AWS_LAMBDA_FUNCTION_NAME)
    throw new Error('--as-of rehearses a month locally; it is refused in AWS');
  const at = new Date(asOf);
  if (Number.isNaN(at.getTime())) throw new Error('--as-of must be an ISO time');
  return () => at;
}
