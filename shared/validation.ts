import type * as z from 'zod/mini';
import type { FieldError } from './refusal.ts';
import { SYSTEM_FIELDS } from './members/member.ts';

const valueAt = (data: unknown, path: readonly PropertyKey[]): unknown =>
  path.reduce<unknown>(
    (node, key) =>
      node && typeof node === 'object' ? (node as Record<PropertyKey, unknown>)[key] : undefined,
    data,
  );

/** Field names are short ASCII identifiers; a key that is not one may be data (an email, a name). */
const FIELD_NAME = /^[A-Za-z][A-Za-z0-9_]{0,39}$/;

/** A key the request does not take: named only when it looks like a field name, never echoed otherwise. */
export function unknownField(path: readonly PropertyKey[], key: string): FieldError {
  return FIELD_NAME.test(key)
    ? { field: [...path, key].join('.'), message: 'is not a field of this request' }
    : { field: path.join('.') || '(body)', message: 'has a field this request does not take' };
}

/**
 * zod issues as field errors. Messages are written here from the issue's kind, never from the
 * input, so no value the caller sent (personal data) is echoed back or logged.
 */
export function fieldErrors(error: z.core.$ZodError, data: unknown): FieldError[] {
  return error.issues.flatMap((issue): FieldError[] => {
    const field = issue.path.join('.') || '(body)';
    switch (issue.code) {
      case 'unrecognized_keys':
        return issue.keys.map((key) =>
          (SYSTEM_FIELDS as readonly string[]).includes(key)
            ? { field: [...issue.path, key].join('.'), message: 'is set by the register and cannot be sent' }
            : unknownField(issue.path, key),
        );
      case 'invalid_type':
        return [
          {
            field,
            message: valueAt(data, issue.path) === undefined ? 'is required' : `must be ${issue.expected}`,
          },
        ];
      case 'invalid_value':
        return [{ field, message: `must be one of: ${issue.values.map(String).join(', ')}` }];
      case 'too_small':
      case 'too_big':
      case 'invalid_format':
      case 'custom':
        // These messages are the schema's own (see shared/members/schemas.ts), written without input.
        return [{ field, message: issue.message === 'Invalid input' ? 'is not valid' : issue.message }];
      default:
        return [{ field, message: 'is not valid' }];
    }
  });
}
