import { notFound, Refusal, staleVersion } from '../refusal.ts';
import type { SaveOutcome } from './member-store.ts';

/** Turns a refused save into the refusal the caller sees. */
export function refusal(saved: SaveOutcome): Error {
  switch (saved.outcome) {
    case 'duplicate':
      return new Refusal('duplicate-value', 'Another member already has this value', undefined, [
        { field: saved.field, message: 'belongs to another member' },
      ]);
    case 'stale':
      return staleVersion();
    case 'gone':
      return notFound('member');
    case 'work-gone':
      return notFound('work item');
    default:
      return new Error(`member not saved: ${saved.outcome}`);
  }
}
