import type * as z from 'zod/mini';
import type { Role } from '../auth/roles.ts';
import type { ExchangePrefix } from '../exchange/layout.ts';

/** Actions inside a TransactWriteItems need their own grant each. */
export type TableAction =
  | 'GetItem'
  | 'PutItem'
  | 'UpdateItem'
  | 'DeleteItem'
  | 'ConditionCheckItem'
  | 'Query'
  | 'Scan'
  | 'BatchGetItem'
  | 'BatchWriteItem';
export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
export type Schema = z.ZodMiniType;

/** One row of the route table: read by the CDK API, the local server, the OpenAPI document and the tests. */
/** Partitions a route may be held to, by name; shared/store/keys.ts knows their keys. */
export type TablePartition = 'marketing-settings' | 'staff-access';

export interface RouteSpec {
  method: HttpMethod;
  path: string;
  /** Entry point under functions/, without extension. */
  handler: string;
  /** Roles that may call it; 'public' needs no token. */
  roles: readonly Role[] | 'public';
  /**
   * For machine routes: the access token must carry one of these scopes (the authorizer checks it),
   * so a person's ID token is refused there.
   */
  scopes?: readonly string[];
  /** A member whose sign-in account is not yet linked to a membership may call it (to link it, or to join). */
  unlinkedMember?: boolean;
  summary: string;
  params?: Schema;
  query?: Schema;
  body?: Schema;
  /**
   * The body's media type: JSON unless a route must take what others send, as the one-click
   * unsubscribe of RFC 8058 (`application/x-www-form-urlencoded`), read into an object of strings.
   */
  bodyMediaType?: 'application/x-www-form-urlencoded';
  /** Largest body accepted; the default suits one resource. */
  maxBodyBytes?: number;
  /** Request headers the route reads: documented in OpenAPI, and checked against their schema when given. */
  headers?: readonly { name: string; description: string; required?: boolean; schema?: Schema }[];
  responses: Readonly<Record<number, { description: string; body?: Schema }>>;
  /** The DynamoDB actions the function's IAM role is granted on the table, and nothing more. */
  tableActions: readonly TableAction[];
  /**
   * The only partitions of the table it may touch (IAM's dynamodb:LeadingKeys), for a route that
   * reads no member: the public notice reads the marketing settings and nothing else.
   */
  tablePartitions?: readonly TablePartition[];
  /** Prefixes of the exchange bucket the function may read or write. */
  bucketPrefixes?: { read?: readonly ExchangePrefix[]; write?: readonly ExchangePrefix[] };
  /**
   * A job (shared/contract/jobs.ts, `startedByApi`) the route asks to run by writing a request to the
   * table (shared/store/dynamo-job-requests.ts); the stream's reader hands it to the job's function.
   * Several: the route's path names which.
   */
  startsJob?: string | readonly string[];
  /**
   * Reads or changes staff accounts in the user pool (shared/accounts/staff.ts): the admin API's
   * actions for that, on the one pool, and nothing of any other pool.
   */
  staffAccounts?: 'read' | 'write';
  /** Opens unsubscribe links: it may read their key's secret. */
  readsUnsubscribeKey?: boolean;
  /** Longer than the default 10 s only for work over many members; API Gateway stops waiting at 30 s. */
  timeoutSeconds?: number;
}

export const routeKey = (route: Pick<RouteSpec, 'method' | 'path'>) => `${route.method} ${route.path}`;
