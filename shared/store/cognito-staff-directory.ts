import {
  AdminAddUserToGroupCommand,
  AdminCreateUserCommand,
  AdminDisableUserCommand,
  AdminEnableUserCommand,
  AdminGetUserCommand,
  AdminListGroupsForUserCommand,
  AdminRemoveUserFromGroupCommand,
  AdminUserGlobalSignOutCommand,
  CognitoIdentityProviderClient,
  paginateListUsersInGroup,
  UsernameExistsException,
  UserNotFoundException,
  type AttributeType,
} from '@aws-sdk/client-cognito-identity-provider';
import {
  STAFF_GROUPS,
  staffGroupsOf,
  type StaffAccount,
  type StaffDirectory,
  type StaffGroup,
} from '../accounts/staff.ts';

const emailOf = (attributes: AttributeType[] | undefined) =>
  attributes?.find((attribute) => attribute.Name === 'email')?.Value ?? '';

/**
 * Staff accounts in the Cognito user pool, through its admin API. Only accounts in a staff group and
 * in no other (a member's account is in `member`) are listed or changed; groups outside the staff
 * groups are never added or removed. Cognito mails the invitation with a temporary password; the
 * pool requires MFA, set up at the first sign-in.
 */
export class CognitoStaffDirectory implements StaffDirectory {
  constructor(
    private readonly client: CognitoIdentityProviderClient,
    private readonly userPoolId: string,
  ) {}

  async list(): Promise<StaffAccount[]> {
    const accounts = new Map<string, StaffAccount>();
    for (const group of STAFF_GROUPS) {
      const pages = paginateListUsersInGroup(
        { client: this.client },
        { UserPoolId: this.userPoolId, GroupName: group },
      );
      for await (const page of pages) {
        for (const user of page.Users ?? []) {
          const username = user.Username!;
          const account = accounts.get(username) ?? {
            username,
            email: emailOf(user.Attributes),
            groups: [],
            enabled: user.Enabled !== false,
            createdAt: (user.UserCreateDate ?? new Date(0)).toISOString(),
          };
          account.groups.push(group);
          accounts.set(username, account);
        }
      }
    }
    return [...accounts.values()].sort((a, b) => a.email.localeCompare(b.email));
  }

  async get(username: string): Promise<StaffAccount | undefined> {
    try {
      const [user, listed] = await Promise.all([
        this.client.send(new AdminGetUserCommand({ UserPoolId: this.userPoolId, Username: username })),
        this.client.send(
          new AdminListGroupsForUserCommand({ UserPoolId: this.userPoolId, Username: username, Limit: 60 }),
        ),
      ]);
      const groups = (listed.Groups ?? []).map((group) => group.GroupName!);
      const staff = staffGroupsOf(groups);
      // A member's or a till's account, or one in no staff group, is not the admin's to change here.
      if (staff.length === 0 || staff.length !== groups.length) return undefined;
      return {
        username: user.Username!,
        email: emailOf(user.UserAttributes),
        groups: staff,
        enabled: user.Enabled !== false,
        createdAt: (user.UserCreateDate ?? new Date(0)).toISOString(),
      };
    } catch (error) {
      if (error instanceof UserNotFoundException) return undefined;
      throw error;
    }
  }

  async invite(email: string, groups: readonly StaffGroup[]): Promise<StaffAccount | undefined> {
    let created;
    try {
      created = await this.client.send(
        new AdminCreateUserCommand({
          UserPoolId: this.userPoolId,
          Username: email,
          UserAttributes: [
            { Name: 'email', Value: email },
            { Name: 'email_verified', Value: 'true' },
          ],
          DesiredDeliveryMediums: ['EMAIL'],
        }),
      );
    } catch (error) {
      if (error instanceof UsernameExistsException) return undefined;
      throw error;
    }
    const username = created.User!.Username!;
    for (const group of groups) await this.addTo(username, group);
    return {
      username,
      email,
      groups: [...groups],
      enabled: true,
      createdAt: (created.User!.UserCreateDate ?? new Date()).toISOString(),
    };
  }

  async setGroups(account: StaffAccount, groups: readonly StaffGroup[]): Promise<void> {
    for (const group of groups.filter((g) => !account.groups.includes(g)))
      await this.addTo(account.username, group);
    for (const group of account.groups.filter((g) => !groups.includes(g)))
      await this.client.send(
        new AdminRemoveUserFromGroupCommand({
          UserPoolId: this.userPoolId,
          Username: account.username,
          GroupName: group,
        }),
      );
  }

  async setEnabled(account: StaffAccount, enabled: boolean): Promise<void> {
    const target = { UserPoolId: this.userPoolId, Username: account.username };
    if (enabled) {
      await this.client.send(new AdminEnableUserCommand(target));
      return;
    }
    await this.client.send(new AdminDisableUserCommand(target));
    // Its refresh tokens end too: a disabled person's console cannot renew its session.
    await this.client.send(new AdminUserGlobalSignOutCommand(target));
  }

  private addTo(username: string, group: StaffGroup) {
    return this.client.send(
      new AdminAddUserToGroupCommand({ UserPoolId: this.userPoolId, Username: username, GroupName: group }),
    );
  }
}
