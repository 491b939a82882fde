import { conflict, notFound, preconditionFailed } from '../http/problem.ts';
import type { SaveOutcome } from './member-store.ts';

/** Turns a refused save into the problem the caller sees. */
export function refusal(saved: SaveOutcome): Error {
  switch (saved.outcome) {
    case 'duplicate':
      return conflict('duplicate-value', 'Another member already has this value', [
        { field: saved.field, message: 'belongs to another member' },
      ]);
    case 'stale':
      return preconditionFailed();
    case 'gone':
      return notFound('member');
    default:
      return new Error(`member not saved: ${saved.outcome}`);
  }
}
