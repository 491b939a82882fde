import type { DataSource, Member, PersonalField } from '../members/member.ts';
import { ADDRESS_FIELDS } from '../members/member.ts';
import { helsinkiDate } from '../time/helsinki.ts';
import { isFinnish, type AddressUpdate } from './update-file.ts';

/** What one detail line came to; the report counts each. */
export const OUTCOMES = [
  'updated',
  'unchanged',
  'deceased',
  'protected',
  'update-ban',
  'no-match',
  'ambiguous',
  'not-released',
  'member-newer',
  'moved-abroad',
  'changed-meanwhile',
  'not-in-register',
  'restricted',
  'rejected',
] as const;
export type Outcome = (typeof OUTCOMES)[number];

/** Lines a person looks at: the register could not or would not apply what the service said. */
export const REVIEW_REASONS: Partial<Record<Outcome, string>> = {
  'no-match': 'the population register matched no one',
  ambiguous: 'the population register matched several people',
  'member-newer': 'the member changed the address after the move date; the member’s address stays',
  'moved-abroad': 'moved abroad; the Finnish address was removed and no foreign address is stored',
  'changed-meanwhile': 'the member was changed while the line was applied; apply it by hand',
};

export interface Decision {
  outcome: Outcome;
  /** The member as the line leaves them; absent when nothing is written. */
  after?: Member;
  /** A pending card order to cancel with the same write (orderedAt). */
  cancelCardOrder?: string;
}

export interface LineContext {
  fileId: string;
  line: number;
  referenceDate: string;
  now: string;
}

/** Only a matched record without an update ban can change anyone: the others need no read. */
export const needsMember = (update: AddressUpdate) =>
  update.match === 'matched' && update.status !== 'update-ban';

const BY_MATCH = { 'no-match': 'no-match', ambiguous: 'ambiguous', 'not-released': 'not-released' } as const;

/** Sources that are the member's own word, which a population register line older than it does not override. */
const OWN_WORD = new Set<DataSource>(['member', 'customer-service', 'admin']);

/**
 * What a detail line does to a member, as formats/address-update.md says. Pure: the caller reads the
 * member before and writes `after` conditionally on the version it read.
 */
export function decide(member: Member | undefined, update: AddressUpdate, context: LineContext): Decision {
  if (update.match !== 'matched') return { outcome: BY_MATCH[update.match] };
  if (update.status === 'update-ban') return { outcome: 'update-ban' };
  if (!member) return { outcome: 'not-in-register' };
  const marker = member.addressRefresh;
  if (marker?.fileId === context.fileId && marker.line === context.line) {
    return { outcome: marker.outcome as Outcome }; // applied before a resumed run: counted as it was
  }
  if (member.flags.restricted) return { outcome: 'restricted' };

  const next = new MemberDraft(member, context);
  next.setNames(update);
  if (update.status === 'deceased') {
    next.died(update.dateOfDeath!);
    return next.result('deceased', next.cancelPendingCard());
  }
  if (update.status === 'protected') {
    next.flags({ protectedAddress: true });
    next.setAddress(undefined);
    return next.result('protected');
  }
  const since = update.moveDate ?? context.referenceDate;
  if (ownAddressIsNewer(member, since)) return next.result('member-newer');
  next.flags({ protectedAddress: false });
  if (!isFinnish(update)) {
    next.setAddress(undefined);
    return next.result('moved-abroad');
  }
  const moved = next.setAddress(update, since);
  if (moved) next.flags({ addressDoubtful: false });
  return next.result(next.changed ? 'updated' : 'unchanged');
}

/** The member (or staff on their behalf) set any address field after the register's date. */
function ownAddressIsNewer(member: Member, since: string): boolean {
  return ADDRESS_FIELDS.some((field) => {
    const source = member.sources[field];
    return source && OWN_WORD.has(source.source) && helsinkiDate(new Date(source.at)) > since;
  });
}

/** A member being changed by one line: remembers whether anything differs from before. */
class MemberDraft {
  readonly member: Member;
  changed = false;

  constructor(
    private readonly before: Member,
    private readonly context: LineContext,
  ) {
    this.member = { ...before, flags: { ...before.flags }, sources: { ...before.sources } };
  }

  setNames(update: AddressUpdate) {
    this.set('surname', update.surname, this.context.referenceDate);
    this.set('firstNames', update.firstNames, this.context.referenceDate);
  }

  /** The address of the update, or none; true if it differed. */
  setAddress(
    update: Pick<AddressUpdate, (typeof ADDRESS_FIELDS)[number]> | undefined,
    at = this.context.referenceDate,
  ): boolean {
    let moved = false;
    for (const field of ADDRESS_FIELDS) moved = this.set(field, update?.[field] || undefined, at) || moved;
    return moved;
  }

  flags(flags: Partial<Member['flags']>) {
    for (const [flag, value] of Object.entries(flags) as [keyof Member['flags'], boolean][]) {
      if (this.member.flags[flag] !== value) {
        this.member.flags[flag] = value;
        this.changed = true;
      }
    }
  }

  died(on: string) {
    this.flags({ deceased: true });
    if (this.member.deceasedOn === on) return;
    this.member.deceasedOn = on;
    this.changed = true;
  }

  cancelPendingCard(): string | undefined {
    const { card } = this.before;
    if (card.status !== 'ORDERED' || !card.orderedAt) return undefined;
    this.member.card = { type: 'NONE', status: 'NONE' };
    this.changed = true;
    return card.orderedAt;
  }

  result(outcome: Outcome, cancelCardOrder?: string): Decision {
    if (!this.changed) return { outcome };
    const after: Member = {
      ...this.member,
      addressRefresh: { fileId: this.context.fileId, line: this.context.line, outcome },
      version: this.before.version + 1,
      updatedAt: this.context.now,
    };
    return { outcome, after, ...(cancelCardOrder ? { cancelCardOrder } : {}) };
  }

  private set(field: PersonalField, value: string | undefined, at: string): boolean {
    if (this.member[field] === value) return false;
    if (value === undefined) delete this.member[field];
    else (this.member as unknown as Record<string, string>)[field] = value;
    this.member.sources[field] = { source: 'population-register', at };
    this.changed = true;
    return true;
  }
}
