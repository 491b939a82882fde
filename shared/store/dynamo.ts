import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { config } from '../config.ts';
import { temporarilyUnavailable } from '../http/problem.ts';
import { isTransient } from './transient.ts';

/**
 * The document client every store uses. The SDK's standard retry mode already retries throttling,
 * 5xx and network errors with jittered exponential backoff; the short timeouts keep a till waiting
 * at most a few seconds before it hears 503 and may resend.
 */
export function createDocumentClient(
  client = new DynamoDBClient({
    maxAttempts: 3,
    requestHandler: { connectionTimeout: 1000, requestTimeout: 3000 },
  }),
) {
  return DynamoDBDocumentClient.from(client, { marshallOptions: { removeUndefinedValues: true } });
}

export function tableName(): string {
  const name = process.env.TABLE_NAME;
  if (!name) throw new Error('TABLE_NAME is not set');
  return name;
}

/** Runs a store call, turning a transient failure into a 503 problem that changes nothing. */
export async function transientAsUnavailable<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (isTransient(error)) throw temporarilyUnavailable(config.retryAfterSeconds);
    throw error;
  }
}
