import { notFound, Refusal, staleVersion } from '../refusal.ts';

export const accountLinkedAlready = () =>
  new Refusal(
    'account-linked',
    'This membership or this account is linked already',
    'Sign in again to see your membership, or ask customer service.',
  );
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
    case 'account-taken':
      return accountLinkedAlready();
    default:
      return new Error(`member not saved: ${saved.outcome}`);
  }
}
