import middy, { type MiddlewareObj } from '@middy/core';
import type {
  APIGatewayProxyEventV2WithJWTAuthorizer,
  APIGatewayProxyStructuredResultV2,
  Context,
} from 'aws-lambda';
import type * as z from 'zod/mini';
import { callerFromClaims, type Caller } from '../auth/caller.ts';
import { config } from '../config.ts';
import { isTransient } from '../store/transient.ts';
import { logger } from './logger.ts';
import {
  bodyTooLarge,
  forbidden,
  internalError,
  malformedBody,
  Problem,
  temporarilyUnavailable,
  unauthenticated,
  problemOf,
  unsupportedMediaType,
} from './problem.ts';
import { invalid, Refusal, StoreBusy, type FieldError } from '../refusal.ts';
import { Reply } from './reply.ts';
import { routeKey, type RouteSpec, type Schema } from '../contract/route.ts';
import { fieldErrors, unknownField } from '../validation.ts';

type Event = APIGatewayProxyEventV2WithJWTAuthorizer;
type Result = APIGatewayProxyStructuredResultV2;
type Parsed<S> = S extends Schema ? z.output<S> : undefined;

export interface ApiInput<R extends RouteSpec> {
  caller: R['roles'] extends 'public' ? undefined : Caller;
  params: Parsed<R['params']>;
  query: Parsed<R['query']>;
  body: Parsed<R['body']>;
  /** Lower-case header names, as API Gateway delivers them. */
  headers: Readonly<Record<string, string | undefined>>;
  /** API Gateway's id of the request, for an audit entry of a route no caller signs in to. */
  requestId: string;
}

type ParsedEvent<R extends RouteSpec> = Event & { input: ApiInput<R> };

const JSON_TYPE = /^application\/(?:[\w.+-]+\+)?json\s*(?:;|$)/i;
/** A form, as a browser posts one, or as RFC 8058 asks a mail client to (multipart). */
const FORM_TYPES = /^(?:application\/x-www-form-urlencoded|multipart\/form-data)\s*(?:;|$)/i;

/** A form's text fields, by the platform's own form parser (files are not fields). */
async function formFields(raw: string, contentType: string): Promise<Record<string, string>> {
  try {
    const fields = await new Response(raw, { headers: { 'content-type': contentType } }).formData();
    return Object.fromEntries(
      [...fields].filter((field): field is [string, string] => typeof field[1] === 'string'),
    );
  } catch {
    throw malformedBody('The body must be one form.');
  }
}
const BASE_HEADERS = { 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' };

function parsePart(schema: Schema | undefined, data: unknown, errors: FieldError[]): unknown {
  if (!schema) {
    const keys = data && typeof data === 'object' ? Object.keys(data) : [];
    errors.push(...keys.map((key) => unknownField([], key)));
    return undefined;
  }
  const parsed = schema.safeParse(data);
  if (parsed.success) return parsed.data;
  errors.push(...fieldErrors(parsed.error, data));
  return undefined;
}

/**
 * Text arrives composed (NFC) from here on: a name typed as A + ring must be the same Å that search,
 * uniqueness and the card manufacturer see.
 */
const toNfc = (_key: string, value: unknown) => (typeof value === 'string' ? value.normalize('NFC') : value);
const nfcValues = (values: Record<string, string | undefined>) =>
  Object.fromEntries(Object.entries(values).map(([key, value]) => [key, value?.normalize('NFC')]));

/** API Gateway hands over a body that is not valid UTF-8 base64-encoded: it is refused, not patched with U+FFFD. */
function utf8(bytes: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw malformedBody('The body must be UTF-8.');
  }
}

async function readBody(route: RouteSpec, event: Event): Promise<unknown> {
  if (!route.body) return undefined;
  const form = route.bodyMediaType === 'application/x-www-form-urlencoded';
  const contentType = event.headers['content-type'] ?? '';
  if (!(form ? FORM_TYPES : JSON_TYPE).test(contentType)) throw unsupportedMediaType(route.bodyMediaType);
  const raw = event.isBase64Encoded ? utf8(Buffer.from(event.body ?? '', 'base64')) : (event.body ?? '');
  const limit = route.maxBodyBytes ?? config.maxBodyBytes;
  if (Buffer.byteLength(raw) > limit) throw bodyTooLarge(limit);
  if (form) return formFields(raw, contentType);
  try {
    return JSON.parse(raw, toNfc);
  } catch {
    throw malformedBody('The body must be one JSON object.');
  }
}

/** Claims → caller, then params, query and body through the route's strict schemas, all errors at once. */
const parseRequest = <R extends RouteSpec>(route: R): MiddlewareObj<Event, Result> => ({
  before: async (request) => {
    const event = request.event;
    let caller: Caller | undefined;
    if (route.roles !== 'public') {
      const found = callerFromClaims(
        event.requestContext.authorizer?.jwt?.claims,
        route.roles,
        {
          via: routeKey(route),
          requestId: event.requestContext.requestId,
        },
        route.unlinkedMember,
      );
      if (found === 'unauthenticated') throw unauthenticated();
      if (found === 'forbidden') throw forbidden();
      caller = found;
    }
    const body = await readBody(route, event);
    const errors: FieldError[] = [];
    const input = {
      caller,
      params: parsePart(route.params, nfcValues(event.pathParameters ?? {}), errors),
      query: parsePart(route.query, nfcValues(event.queryStringParameters ?? {}), errors),
      body: parsePart(route.body, body, errors),
      headers: event.headers,
      requestId: event.requestContext.requestId,
    };
    for (const header of route.headers ?? []) {
      const value = event.headers[header.name];
      if (value !== undefined && header.schema && !header.schema.safeParse(value).success) {
        errors.push({ field: header.name, message: 'is not valid' });
      }
    }
    if (errors.length > 0) throw invalid(errors);
    (event as ParsedEvent<R>).input = input as ApiInput<R>;
  },
});

const problemResult = (problem: Problem): Result => ({
  statusCode: problem.status,
  headers: { ...BASE_HEADERS, 'content-type': 'application/problem+json', ...problem.headers },
  body: JSON.stringify(problem.toBody()),
});

/**
 * Every failure becomes problem+json here, and only here. An unexpected error is logged by its
 * name alone (its message may carry data) and answered 500 without any detail.
 */
const problemResponses = (route: RouteSpec): MiddlewareObj<Event, Result> => ({
  onError: (request) => {
    const error = request.error;
    if (error instanceof Problem || error instanceof Refusal) {
      const problem = error instanceof Refusal ? problemOf(error) : error;
      if (problem.status >= 500)
        logger.warn('request not served', { route: routeKey(route), problem: problem.slug });
      request.response = problemResult(problem);
      return;
    }
    const name = error instanceof Error ? error.name : typeof error;
    // One path for a busy store, whether an adapter said so or the SDK's own error came through.
    if (error instanceof StoreBusy || isTransient(error)) {
      logger.warn('store unavailable', { route: routeKey(route), error: name });
      request.response = problemResult(temporarilyUnavailable(config.retryAfterSeconds));
      return;
    }
    logger.error('request failed', {
      route: routeKey(route),
      error: name,
      requestId: request.event.requestContext?.requestId,
    });
    request.response = problemResult(internalError());
  },
});

/** The one middy stack of every API function: auth, strict parse, one domain call, JSON or problem+json. */
export function apiHandler<R extends RouteSpec>(route: R, run: (input: ApiInput<R>) => Promise<unknown>) {
  return middy<Event, Result, Error, Context>()
    .use(problemResponses(route))
    .use(parseRequest(route))
    .handler(async (event): Promise<Result> => {
      const answer = await run((event as ParsedEvent<R>).input);
      const { status, body, headers } = answer instanceof Reply ? answer : new Reply(200, answer);
      const raw = typeof body === 'string' && headers['content-type'] !== undefined;
      return {
        statusCode: status,
        headers: { ...BASE_HEADERS, 'content-type': 'application/json', ...headers },
        body: raw ? body : JSON.stringify(body),
      };
    });
}
