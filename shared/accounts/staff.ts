import type { Caller } from '../auth/caller.ts';
import type { Role } from '../auth/roles.ts';
import { Readable } from 'node:stream';
import { text } from 'node:stream/consumers';
import { registerCsv } from '../exchange/csv.ts';
import { Refusal } from '../refusal.ts';

/** The groups of people who work with the register: an admin grants them; members and tills are not theirs. */
export const STAFF_GROUPS = [
  'admin',
  'customer-service',
  'processor',
  'marketing',
] as const satisfies readonly Role[];
export type StaffGroup = (typeof STAFF_GROUPS)[number];

/** A person's sign-in account for work: in Cognito's user pool in AWS, in the local sign-in's store locally. */
export interface StaffAccount {
  /** The account's id in the directory (Cognito's username, the `sub`). */
  username: string;
  email: string;
  groups: StaffGroup[];
  enabled: boolean;
  createdAt: string;
}

/**
 * The directory of sign-in accounts, as far as staff go: it lists only accounts in a staff group and
 * changes only those, so that no change here reaches a member's or a till's account.
 */
export interface StaffDirectory {
  list(): Promise<StaffAccount[]>;
  get(username: string): Promise<StaffAccount | undefined>;
  /** A new account that gets an invitation by email; undefined when the email has an account already. */
  invite(email: string, groups: readonly StaffGroup[]): Promise<StaffAccount | undefined>;
  setGroups(account: StaffAccount, groups: readonly StaffGroup[]): Promise<void>;
  setEnabled(account: StaffAccount, enabled: boolean): Promise<void>;
}

/** One change of someone's access, kept in the register: who did it, to whom, what it became. */
export interface AccessChange {
  username: string;
  email: string;
  action: 'invite' | 'change-groups' | 'disable' | 'enable';
  groups: StaffGroup[];
  previousGroups?: StaffGroup[];
  at: string;
  actor: string;
  role: Role;
  requestId: string;
}

export interface AccessLog {
  record(change: AccessChange): Promise<void>;
  /** Every change, oldest first. */
  changes(): Promise<AccessChange[]>;
  /** When each account last signed in, by username. */
  lastSignIns(): Promise<Map<string, string>>;
  signedIn(username: string, at: string): Promise<void>;
}

export interface StaffDeps {
  directory: StaffDirectory;
  log: AccessLog;
}

const noSuchAccount = () =>
  new Refusal('not-found', 'No such staff account', 'Staff accounts are listed at GET /staff-accounts.');
const accountExists = () =>
  new Refusal(
    'staff-account-exists',
    'That email has a sign-in account already',
    'A staff account with it is listed here: change its groups. A member’s account stays the member’s.',
  );
/** An admin cannot lock themselves out: another admin does that. */
const ownAccess = () =>
  new Refusal(
    'own-access',
    'An admin does not take away their own admin access',
    'Ask another admin to change your account.',
  );
/** The register keeps an enabled admin: the last one is not disabled or moved out of the group. */
const lastAdmin = () =>
  new Refusal(
    'own-access',
    'The register keeps at least one enabled admin',
    'Give another account the admin group first.',
  );

/** Refuses a change that would take away the caller's own admin access, or the register's last admin's. */
async function keepAnAdmin(caller: Caller, account: StaffAccount, deps: StaffDeps) {
  if (caller.actor === account.username) throw ownAccess();
  if (!account.enabled || !account.groups.includes('admin')) return;
  const others = (await deps.directory.list()).filter(
    (a) => a.enabled && a.groups.includes('admin') && a.username !== account.username,
  );
  if (others.length === 0) throw lastAdmin();
}

async function staffAccount(username: string, deps: StaffDeps): Promise<StaffAccount> {
  const account = await deps.directory.get(username);
  if (!account) throw noSuchAccount();
  return account;
}

const change = (
  caller: Caller,
  account: Pick<StaffAccount, 'username' | 'email'>,
  action: AccessChange['action'],
  groups: readonly StaffGroup[],
  at: Date,
  previousGroups?: readonly StaffGroup[],
): AccessChange => ({
  username: account.username,
  email: account.email,
  action,
  groups: [...groups],
  ...(previousGroups ? { previousGroups: [...previousGroups] } : {}),
  at: at.toISOString(),
  actor: caller.actor,
  role: caller.role,
  requestId: caller.requestId,
});

export const listStaff = async (deps: StaffDeps) => ({ accounts: await deps.directory.list() });

/** Invites a person by email into one or more staff groups: the directory mails them how to sign in. */
export async function inviteStaff(
  caller: Caller,
  invitation: { email: string; groups: readonly StaffGroup[] },
  deps: StaffDeps,
  now = new Date(),
): Promise<StaffAccount> {
  const groups = staffGroupsOf(invitation.groups);
  const account = await deps.directory.invite(invitation.email, groups);
  if (!account) throw accountExists();
  await deps.log.record(change(caller, account, 'invite', groups, now));
  return account;
}

/** Sets the account's staff groups; the same groups again change nothing. */
export async function changeStaffGroups(
  caller: Caller,
  username: string,
  wanted: readonly StaffGroup[],
  deps: StaffDeps,
  now = new Date(),
): Promise<StaffAccount> {
  const account = await staffAccount(username, deps);
  const groups = staffGroupsOf(wanted);
  if (groups.join() === account.groups.join()) return account;
  if (!groups.includes('admin')) await keepAnAdmin(caller, account, deps);
  await deps.directory.setGroups(account, groups);
  await deps.log.record(change(caller, account, 'change-groups', groups, now, account.groups));
  return { ...account, groups };
}

/** Disables or re-enables the account: a disabled one cannot sign in; its groups stay for re-enabling. */
export async function setStaffEnabled(
  caller: Caller,
  username: string,
  enabled: boolean,
  deps: StaffDeps,
  now = new Date(),
): Promise<StaffAccount> {
  const account = await staffAccount(username, deps);
  if (account.enabled === enabled) return account;
  if (!enabled) await keepAnAdmin(caller, account, deps);
  await deps.directory.setEnabled(account, enabled);
  // The groups stay as they were: nothing is granted by enabling.
  await deps.log.record(
    change(caller, account, enabled ? 'enable' : 'disable', account.groups, now, account.groups),
  );
  return { ...account, enabled };
}

export interface AccessReviewRow {
  email: string;
  groups: StaffGroup[];
  enabled: boolean;
  lastSignInAt?: string;
  /** Who gave each group the account has, and when: the latest change that added it. */
  grantedBy: { group: StaffGroup; actor: string; at: string }[];
}

/**
 * The quarterly access review: who has which role, when they last signed in, and who granted it,
 * from the directory and the register's own record of every change.
 */
export async function accessReview(deps: StaffDeps, now = new Date()) {
  const [accounts, changes, signIns] = await Promise.all([
    deps.directory.list(),
    deps.log.changes(),
    deps.log.lastSignIns(),
  ]);
  const rows = accounts.map((account): AccessReviewRow => {
    const own = changes.filter((c) => c.username === account.username);
    const grantedBy = account.groups.map((group) => {
      // The last change that gave the group: one where it was not had before.
      const gave = own.findLast((c) => c.groups.includes(group) && !(c.previousGroups ?? []).includes(group));
      return { group, actor: gave?.actor ?? 'unknown', at: gave?.at ?? account.createdAt };
    });
    const lastSignInAt = signIns.get(account.username);
    return {
      email: account.email,
      groups: account.groups,
      enabled: account.enabled,
      ...(lastSignInAt ? { lastSignInAt } : {}),
      grantedBy,
    };
  });
  return { reviewedAt: now.toISOString(), accounts: rows.sort((a, b) => a.email.localeCompare(b.email)) };
}

/** The review as the CSV an auditor files: a row per account, each grant as `group by actor at`. */
export async function accessReviewCsv(deps: StaffDeps, now = new Date()): Promise<string> {
  const review = await accessReview(deps, now);
  const rows = review.accounts.map((row) => ({
    email: row.email,
    groups: row.groups.join(' '),
    enabled: row.enabled ? 'yes' : 'no',
    lastSignInAt: row.lastSignInAt ?? '',
    grantedBy: row.grantedBy.map((g) => `${g.group} by ${g.actor} at ${g.at}`).join(', '),
  }));
  const columns = ['email', 'groups', 'enabled', 'lastSignInAt', 'grantedBy'];
  return text(Readable.from(rows).pipe(registerCsv({ header: true, columns })));
}

/** The groups of a caller's token that are staff groups: a sign-in by one of these is recorded. */
export const staffGroupsOf = (groups: readonly string[]): StaffGroup[] =>
  STAFF_GROUPS.filter((group) => groups.includes(group));

/** A staff person signed in: the access review shows when each last did. A member's sign-in is not kept here. */
export async function recordStaffSignIn(
  account: { username: string; groups: readonly string[] },
  log: Pick<AccessLog, 'signedIn'>,
  now = new Date(),
): Promise<void> {
  if (staffGroupsOf(account.groups).length > 0) await log.signedIn(account.username, now.toISOString());
}
