import { randomUUID } from 'node:crypto';
import type { StaffAccount, StaffDirectory, StaffGroup } from '../../shared/accounts/staff.ts';

/**
 * The local sign-in's own account store, standing in for Cognito's user pool: the admin's invitations
 * land here, and the local sign-in page lets a person sign in by the email invited, with the groups
 * given, while the account is enabled. In memory: it lasts as long as the local register runs.
 */
export class LocalStaffAccounts implements StaffDirectory {
  private readonly accounts = new Map<string, StaffAccount>();

  async list(): Promise<StaffAccount[]> {
    return [...this.accounts.values()]
      .map((account) => ({ ...account, groups: [...account.groups] }))
      .sort((a, b) => a.email.localeCompare(b.email));
  }

  async get(username: string): Promise<StaffAccount | undefined> {
    const account = this.accounts.get(username);
    return account && { ...account, groups: [...account.groups] };
  }

  async invite(email: string, groups: readonly StaffGroup[]): Promise<StaffAccount | undefined> {
    if (this.byEmail(email)) return undefined;
    const account: StaffAccount = {
      username: `local-staff-${randomUUID()}`,
      email,
      groups: [...groups],
      enabled: true,
      createdAt: new Date().toISOString(),
    };
    this.accounts.set(account.username, account);
    return { ...account, groups: [...groups] };
  }

  async setGroups(account: StaffAccount, groups: readonly StaffGroup[]): Promise<void> {
    this.accounts.get(account.username)!.groups = [...groups];
  }

  async setEnabled(account: StaffAccount, enabled: boolean): Promise<void> {
    this.accounts.get(account.username)!.enabled = enabled;
  }

  /** The account a person signs in with by their email, if it may sign in. */
  signInAccount(email: string): StaffAccount | undefined {
    const account = this.byEmail(email);
    return account?.enabled ? account : undefined;
  }

  private byEmail(email: string) {
    return [...this.accounts.values()].find((account) => account.email === email);
  }
}

/** One store per local register process: the API's handlers and the sign-in page share it. */
export const localStaffAccounts = new LocalStaffAccounts();
