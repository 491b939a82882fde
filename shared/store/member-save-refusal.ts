import { GetCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { MemberChange, MemberLookup, SaveOutcome } from '../members/member-store.ts';
import { ITEM_TYPES } from '../privacy/item-types.ts';
import { transientAsBusy, type Refused } from './dynamo.ts';
import { registrationReplayKey } from './keys.ts';
import type { Guard } from './member-change-items.ts';

/** What the refusal mapping reads: the table, and who holds a unique key. */
export interface RefusalReads {
  db: DynamoDBDocumentClient;
  table: string;
  find(lookup: MemberLookup): Promise<string | undefined>;
}

/** Why the profile refused a save: another version, a member being erased, or a number already drawn. */
function profileRefused(change: MemberChange, old: Record<string, unknown> | undefined): SaveOutcome {
  if (!change.before) return { outcome: 'customer-number-taken' };
  return old?.type === ITEM_TYPES.member ? { outcome: 'stale' } : { outcome: 'gone' };
}

/** The registration a repeated one answers with, if its key is still kept. */
async function replayed(change: MemberChange, reads: RefusalReads): Promise<SaveOutcome | undefined> {
  const { Item } = await transientAsBusy(() =>
    reads.db.send(
      new GetCommand({
        TableName: reads.table,
        Key: registrationReplayKey(change.replay!.actor, change.replay!.key),
        ConsistentRead: true,
      }),
    ),
  );
  return Item
    ? {
        outcome: 'replayed',
        customerNumber: Item.customerNumber as string,
        fingerprint: String(Item.fingerprint ?? ''),
      }
    : undefined;
}

/**
 * A member's change refused, told as the domain's outcome by the items whose conditions failed; an
 * audit entry whose place in the chain was taken is 'audit-raced', for the save to link it again.
 */
export async function saveRefusal(
  change: MemberChange,
  guards: readonly Guard[],
  refused: Refused,
  reads: RefusalReads,
): Promise<SaveOutcome | 'audit-raced'> {
  const failed = refused.flatMap((reason, i) => (reason.failed ? [guards[i]] : []));
  // The replay key is checked first: a repeated registration also collides on its own email.
  if (failed.includes('replay') && change.replay) {
    const outcome = await replayed(change, reads);
    if (outcome) return outcome;
  }
  if (failed.includes('profile')) return profileRefused(change, refused[guards.indexOf('profile')]?.item);
  if (failed.includes('legacy')) {
    return {
      outcome: 'already-imported',
      customerNumber: (await reads.find({ legacyNumber: change.legacyNumber! }))!,
    };
  }
  if (failed.includes('email')) return { outcome: 'duplicate', field: 'email' };
  if (failed.includes('mobile')) return { outcome: 'duplicate', field: 'mobile' };
  if (failed.includes('account')) return { outcome: 'account-taken' };
  if (failed.includes('card')) return { outcome: 'duplicate', field: 'card' };
  if (failed.includes('work')) return { outcome: 'work-gone' };
  if (failed.includes('audit')) return 'audit-raced';
  throw new Error(`member save refused by ${failed.join(', ')}`);
}
