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

/** What the client answers for one call. */
export interface Answer<T> {
  data?: T;
  error?: unknown;
  response: Response;
}

/** The data of an answer, or its problem thrown (TanStack Query shows it as the query's error). */
export function ok<T>(answer: Answer<T>): T {
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

/** Whether a call failed with this HTTP status. */
export const failedWith = (error: unknown, status: number) =>
  error instanceof ApiProblem && error.problem.status === status;

/** Field errors of a 400, by field name. */
export function fieldErrors(error: unknown): Record<string, string> {
  if (!(error instanceof ApiProblem)) return {};
  return Object.fromEntries((error.problem.errors ?? []).map((e) => [e.field, e.message]));
}
