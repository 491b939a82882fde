import type { Caller } from '../auth/caller.ts';
import { Refusal } from '../refusal.ts';
import { randomUUID } from 'node:crypto';
import { isLeaving, type Member } from '../members/member.ts';
import type { MemberStore } from '../members/member-store.ts';
import { auditEntry } from '../members/audit.ts';
import { saveChange } from '../members/change-member.ts';
import { accountLinkedAlready } from '../members/outcome.ts';
import { registerMember } from '../members/register.ts';
import { Email, type JoinInput } from '../members/schemas.ts';
import { LINK_ATTEMPT_RULE, type LinkAttempts } from './link-attempts.ts';
import type { LinkProof } from './schemas.ts';
import type { AccountNotice, NoticeKind } from './notices.ts';

/**
 * A member's own sign-in account and their membership, linked once: by the email the identity
 * provider verified, or by a card number and birth date that match, counted for the account so
 * that guessing locks the guesser. A link by card is told to the member's email, whose owner can
 * always take the membership back. The link is the profile's `account` and its uniqueness key,
 * saved with an audit entry in the member's trail (and any notice, in the same write); the sign-in
 * trigger reads it to put the customer number in the member's tokens.
 */
export interface AccountDeps {
  members: MemberStore;
  attempts: LinkAttempts;
}

const notMatched = () =>
  new Refusal(
    'link-not-matched',
    'No membership matches what was given',
    'Check the card number and the birth date, or join as a new member.',
  );
const emailNotVerified = () =>
  new Refusal(
    'email-not-verified',
    'Your sign-in email is not verified',
    'Verify your email and sign in again.',
  );

/** The customer number of the membership the account is linked to, if it is. */
export const linkedMembership = (account: string, members: MemberStore) => members.find({ account });

export async function linkAccount(
  caller: Caller,
  proof: LinkProof,
  deps: AccountDeps,
  now = new Date(),
  { takeBack = true } = {},
): Promise<{ customerNumber: string }> {
  // A token that carries a customer number is linked already.
  const linked = caller.customerNumber ?? (await linkedMembership(caller.actor, deps.members));
  if (linked) return { customerNumber: linked };
  if (proof.by === 'email') {
    const member = await byEmail(caller, deps.members);
    if (isLeaving(member)) throw notMatched();
    if (!member.account) return link(caller, member, 'email', [], deps, now);
    // The verified email's owner is the member: their membership comes back to them, both accounts told.
    if (!takeBack) throw accountLinkedAlready();
    const told = [notice('taken-back', member.email!, member, now, member.accountEmail)];
    if (member.accountEmail) told.push(notice('unlinked', member.accountEmail, member, now));
    return link(caller, member, 'email', told, deps, now);
  }
  // Counted for the account only: a stranger's guesses lock the stranger out, never the card's owner.
  const counted = [`account:${caller.actor}`];
  const member = await byCard(counted, proof, deps, now);
  // A membership linked already, or leaving, answers as a wrong guess does: the answer tells nothing, and forgets no count.
  if (member.account || isLeaving(member)) throw notMatched();
  const told = member.email
    ? [notice('linked-by-card', member.email, member, now, caller.verifiedEmail)]
    : [];
  const linkedNow = await link(caller, member, 'card', told, deps, now);
  await deps.attempts.forget(counted);
  return linkedNow;
}

const notice = (
  kind: NoticeKind,
  to: string,
  member: Member,
  now: Date,
  accountEmail?: string,
): AccountNotice => ({
  id: randomUUID(),
  kind,
  to,
  language: member.language,
  at: now.toISOString(),
  ...(accountEmail ? { accountEmail } : {}),
});

async function link(
  caller: Caller,
  member: Member,
  by: 'email' | 'card',
  notices: AccountNotice[],
  deps: AccountDeps,
  now: Date,
) {
  const at = now.toISOString();
  await saveChange(
    deps.members,
    member,
    {
      account: caller.actor,
      accountLinkedBy: by,
      // A card-linked account's email, so that it can be told if the member takes the membership back.
      accountEmail: by === 'card' ? caller.verifiedEmail : undefined,
    },
    at,
    { audit: auditEntry(caller, member.customerNumber, 'link-account', at, ['account']), notices },
  );
  return { customerNumber: member.customerNumber };
}

/** The account's verified email as the register keeps emails (trimmed, lower case), if it is one. */
function verifiedEmailOf(caller: Caller): string {
  const email = caller.verifiedEmail === undefined ? undefined : Email.safeParse(caller.verifiedEmail);
  if (!email?.success) throw emailNotVerified();
  return email.data;
}

async function byEmail(caller: Caller, members: MemberStore): Promise<Member> {
  const customerNumber = await members.find({ email: verifiedEmailOf(caller) });
  const member = customerNumber && (await members.get(customerNumber));
  if (!member) throw notMatched();
  return member;
}

async function byCard(
  counted: readonly string[],
  proof: Extract<LinkProof, { by: 'card' }>,
  deps: AccountDeps,
  now: Date,
): Promise<Member> {
  const { lockedUntil } = await deps.attempts.begin(counted, LINK_ATTEMPT_RULE, now);
  if (lockedUntil) {
    const seconds = Math.max(1, Math.ceil((lockedUntil.getTime() - now.getTime()) / 1000));
    throw new Refusal(
      'link-locked',
      'Too many attempts to link a membership',
      'Try again later, or ask customer service.',
      undefined,
      seconds,
    );
  }
  const holder = await deps.members.cardHolder(proof.cardNumber);
  // A card reported lost proves nothing: whoever found it may have found the birth date too.
  const member = holder && !holder.blockedAt && (await deps.members.get(holder.customerNumber));
  if (!member || member.birthDate !== proof.birthDate) throw notMatched();
  return member;
}

/** Joining on one's own: a new member registered with the account's verified email, linked in the same write. */
export async function joinAsMember(
  caller: Caller,
  input: JoinInput,
  members: MemberStore,
  now = new Date(),
): Promise<Member> {
  if (caller.customerNumber || (await linkedMembership(caller.actor, members))) throw accountLinkedAlready();
  return registerMember(
    caller,
    { ...input, email: verifiedEmailOf(caller) },
    members,
    { account: caller.actor },
    now,
  );
}

/** The group a person who signed up on their own is put in when their email is confirmed: they are a member. */
export const SELF_SIGN_UP_GROUP = 'member';

/**
 * What the sign-in trigger adds to a member's ID token: the customer number of the membership their
 * account is linked to. An account not yet linked is linked by its verified email when a membership
 * has it; otherwise the token carries no customer number, and the console offers to link or to join.
 * Anyone not in the member group (staff, or an account no admin has granted anything) gets nothing.
 */
export async function memberSignIn(
  account: {
    subject: string;
    groups: readonly string[];
    verifiedEmail?: string;
    via: string;
    requestId: string;
  },
  deps: AccountDeps,
  now = new Date(),
): Promise<{ customerNumber?: string }> {
  if (!account.groups.includes(SELF_SIGN_UP_GROUP)) return {};
  const caller: Caller = {
    actor: account.subject,
    role: 'member',
    via: account.via,
    requestId: account.requestId,
    ...(account.verifiedEmail ? { verifiedEmail: account.verifiedEmail } : {}),
  };
  if (!account.verifiedEmail) {
    const customerNumber = await linkedMembership(account.subject, deps.members);
    return customerNumber ? { customerNumber } : {};
  }
  // Linking answers the membership linked already, if there is one, before it looks by email; a
  // membership linked to another account is taken back only when the member asks, in the console.
  try {
    return await linkAccount(caller, { by: 'email' }, deps, now, { takeBack: false });
  } catch (error) {
    // No membership has the email, or it has an account already: the person links or joins in the console.
    if (!(error instanceof Refusal)) throw error;
    return {};
  }
}
