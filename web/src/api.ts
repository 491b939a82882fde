import createClient, { type Middleware } from 'openapi-fetch';
import { CONSOLE_PATHS } from './lib/generated/console-config.ts';
import type { paths } from './lib/generated/schema.ts';
import { OPERATION_ROLES, type OperationId } from './lib/generated/roles.ts';
import type { Role } from './auth.tsx';

/** RFC 9457 problem details as the API answers them; `errors` names the fields of a 400. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail?: string;
  errors?: { field: string; message: string }[];
}

export class ApiProblem extends Error {
  constructor(readonly problem: Problem) {
    super(problem.title);
  }
}

/** The typed client, generated from the API's OpenAPI document, carrying the session's ID token. */
export function apiClient(token: () => string | undefined, onUnauthorized: () => void) {
  const client = createClient<paths>({ baseUrl: CONSOLE_PATHS.api });
  const auth: Middleware = {
    onRequest({ request }) {
      const idToken = token();
      if (idToken) request.headers.set('authorization', `Bearer ${idToken}`);
      return request;
    },
    onResponse({ response }) {
      if (response.status === 401) onUnauthorized();
      return response;
    },
  };
  client.use(auth);
  return client;
}

export type Api = ReturnType<typeof apiClient>;

/** The data of an answer, or its problem thrown (TanStack Query shows it as the query's error). */
export function ok<T>(answer: { data?: T; error?: unknown; response: Response }): T {
  if (answer.error !== undefined || answer.data === undefined) {
    const error = answer.error as Partial<Problem> | undefined;
    throw new ApiProblem({
      type: error?.type ?? 'about:blank',
      title: error?.title ?? answer.response.statusText,
      status: answer.response.status,
      ...(error?.detail ? { detail: error.detail } : {}),
      ...(error?.errors ? { errors: error.errors } : {}),
    });
  }
  return answer.data;
}

/** Whether one of the roles may call the operation: the route table decides, as it does for the API. */
export function may(roles: readonly Role[], operation: OperationId): boolean {
  const allowed = OPERATION_ROLES[operation];
  return allowed === 'public' || roles.some((role) => (allowed as readonly string[]).includes(role));
}
