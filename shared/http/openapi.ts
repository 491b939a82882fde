import * as z from 'zod/mini';
import { PROBLEM_BASE } from './problem.ts';
import type { RouteSpec, Schema } from '../contract/route.ts';
import { ProblemView } from '../members/schemas.ts';

// Refinements (check digits, age) cannot be expressed in JSON Schema; they are described in prose.
const jsonSchema = (schema: Schema, io: 'input' | 'output') => {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as Record<
    string,
    unknown
  >;
  return rest;
};

function parameters(route: RouteSpec) {
  const list: object[] = [];
  const add = (schema: Schema | undefined, where: 'path' | 'query') => {
    if (!schema) return;
    const json = jsonSchema(schema, 'input') as { properties?: Record<string, object>; required?: string[] };
    for (const [name, property] of Object.entries(json.properties ?? {})) {
      list.push({
        name,
        in: where,
        required: where === 'path' || (json.required ?? []).includes(name),
        schema: property,
      });
    }
  };
  add(route.params, 'path');
  add(route.query, 'query');
  for (const header of route.headers ?? []) {
    list.push({
      name: header.name,
      in: 'header',
      required: header.required ?? false,
      description: header.description,
      schema: header.schema ? jsonSchema(header.schema, 'input') : { type: 'string' },
    });
  }
  return list;
}

function operation(operationId: string, route: RouteSpec) {
  const responses: Record<string, object> = {};
  for (const [status, response] of Object.entries(route.responses)) {
    const media = Number(status) < 400 ? 'application/json' : 'application/problem+json';
    const body = response.body ?? (Number(status) >= 400 ? ProblemView : undefined);
    responses[status] = {
      description: response.description,
      ...(body ? { content: { [media]: { schema: jsonSchema(body, 'output') } } } : {}),
    };
  }
  if (route.roles !== 'public') {
    responses['401'] ??= { description: 'No valid token' };
    responses['403'] ??= { description: 'The role may not call this' };
  }
  // The firewall's rate limit per client answers every route so (see README, "Firewall").
  responses['429'] ??= { description: 'Too many requests from this client; try again later' };
  return {
    operationId,
    summary: route.summary,
    ...(route.roles === 'public'
      ? { security: [] }
      : { 'x-moymore-roles': route.roles, description: `Roles: ${route.roles.join(', ')}.` }),
    parameters: parameters(route),
    ...(route.body
      ? {
          requestBody: {
            required: true,
            content: {
              [route.bodyMediaType ?? 'application/json']: { schema: jsonSchema(route.body, 'input') },
            },
          },
        }
      : {}),
    responses,
  };
}

/**
 * The OpenAPI 3.1 document of the routes, from the same schemas the handlers parse with. Each route's
 * name in the table is its operationId, so generated clients get names such as `registerMember`.
 */
export function openApiDocument(routes: Readonly<Record<string, RouteSpec>>) {
  const paths: Record<string, Record<string, object>> = {};
  for (const [operationId, route] of Object.entries(routes)) {
    (paths[route.path] ??= {})[route.method.toLowerCase()] = operation(operationId, route);
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Moymore loyalty register',
      // Raised when a route changes what a client relies on: the public parts change only with a version.
      version: '2',
      description: `Errors are RFC 9457 problem+json; their types start with ${PROBLEM_BASE}.`,
      license: { name: 'Proprietary, Moymore Oy', identifier: 'LicenseRef-Moymore-Proprietary' },
    },
    // Below the console's origin, through the firewall: CloudFront in AWS, the local front door on npm start.
    servers: [{ url: '/api', description: 'The register’s API, below the console’s own origin' }],
    components: {
      securitySchemes: {
        cognito: {
          type: 'http',
          scheme: 'bearer',
          bearerFormat: 'JWT',
          description: 'Cognito ID token; the role is a cognito:groups group.',
        },
      },
    },
    security: [{ cognito: [] }],
    paths,
  };
}
