import type * as z from 'zod/mini';
import type { FieldError } from './problem.ts';
import { SYSTEM_FIELDS } from '../members/member.ts';

const valueAt = (data: unknown, path: readonly PropertyKey[]): unknown =>
  path.reduce<unknown>(
    (node, key) =>
      node && typeof node === 'object' ? (node as Record<PropertyKey, unknown>)[key] : undefined,
    data,
  );

/**
 * zod issues as field errors. Messages are written here from the issue's kind, never from the
 * input, so no value the caller sent (personal data) is echoed back or logged.
 */
export function fieldErrors(error: z.core.$ZodError, data: unknown): FieldError[] {
  return error.issues.flatMap((issue): FieldError[] => {
    const field = issue.path.join('.') || '(body)';
    switch (issue.code) {
      case 'unrecognized_keys':
        return issue.keys.map((key) => ({
          field: [...issue.path, key].join('.'),
          message: (SYSTEM_FIELDS as readonly string[]).includes(key)
            ? 'is set by the register and cannot be sent'
            : 'is not a field of this request',
        }));
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
