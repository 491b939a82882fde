import { beforeEach, describe, expect, it } from 'vitest';
import { mockClient } from 'aws-sdk-client-mock';
import {
  AdminAddUserToGroupCommand,
  AdminCreateUserCommand,
  AdminDisableUserCommand,
  AdminGetUserCommand,
  AdminListGroupsForUserCommand,
  AdminRemoveUserFromGroupCommand,
  AdminUserGlobalSignOutCommand,
  CognitoIdentityProviderClient,
  ListUsersInGroupCommand,
  UsernameExistsException,
} from '@aws-sdk/client-cognito-identity-provider';
import { CognitoStaffDirectory } from '../../shared/store/cognito-staff-directory.ts';

const cognito = mockClient(CognitoIdentityProviderClient);
const directory = () => new CognitoStaffDirectory(new CognitoIdentityProviderClient({}), 'eu-north-1_pool');
const user = (username: string, email: string) => ({
  Username: username,
  Attributes: [{ Name: 'email', Value: email }],
  Enabled: true,
  UserCreateDate: new Date('2026-01-02T00:00:00Z'),
});

beforeEach(() => cognito.reset());

describe('staff accounts in Cognito', () => {
  it('lists the staff groups’ members, each once with all their groups, and asks for no other group', async () => {
    cognito.on(ListUsersInGroupCommand).callsFake((input: { GroupName: string }) => ({
      Users:
        input.GroupName === 'admin'
          ? [user('u-1', 'anna@moymore.example')]
          : input.GroupName === 'processor'
            ? [user('u-1', 'anna@moymore.example'), user('u-2', 'pekka@moymore.example')]
            : [],
    }));
    expect(await directory().list()).toEqual([
      expect.objectContaining({ username: 'u-1', groups: ['admin', 'processor'] }),
      expect.objectContaining({ username: 'u-2', groups: ['processor'] }),
    ]);
    const asked = cognito.commandCalls(ListUsersInGroupCommand).map((call) => call.args[0].input.GroupName);
    expect(asked.sort()).toEqual(['admin', 'customer-service', 'marketing', 'processor']);
  });

  it('treats a member’s account as no staff account, so nothing here changes it', async () => {
    cognito.on(AdminGetUserCommand).resolves({ Username: 'm-1', UserAttributes: [] });
    cognito.on(AdminListGroupsForUserCommand).resolves({ Groups: [{ GroupName: 'member' }] });
    expect(await directory().get('m-1')).toBeUndefined();
    // A member who was also put in a staff group by hand is not the admin's to change here either.
    cognito.on(AdminListGroupsForUserCommand).resolves({
      Groups: [{ GroupName: 'member' }, { GroupName: 'marketing' }],
    });
    expect(await directory().get('m-1')).toBeUndefined();
  });

  it('invites with Cognito’s email and puts the account in its groups; an email taken is told', async () => {
    cognito.on(AdminCreateUserCommand).resolves({ User: user('u-3', 'liisa@moymore.example') });
    cognito.on(AdminAddUserToGroupCommand).resolves({});
    const invited = await directory().invite('liisa@moymore.example', ['customer-service', 'processor']);
    expect(invited).toMatchObject({ username: 'u-3', groups: ['customer-service', 'processor'] });
    expect(cognito.commandCalls(AdminCreateUserCommand)[0]!.args[0].input).toMatchObject({
      Username: 'liisa@moymore.example',
      DesiredDeliveryMediums: ['EMAIL'],
    });
    expect(cognito.commandCalls(AdminAddUserToGroupCommand).map((c) => c.args[0].input.GroupName)).toEqual([
      'customer-service',
      'processor',
    ]);
    cognito
      .on(AdminCreateUserCommand)
      .rejects(new UsernameExistsException({ message: 'exists', $metadata: {} }));
    expect(await directory().invite('liisa@moymore.example', ['admin'])).toBeUndefined();
  });

  it('moves an account between staff groups only, and ends its sessions when it is disabled', async () => {
    cognito.on(AdminAddUserToGroupCommand).resolves({});
    cognito.on(AdminRemoveUserFromGroupCommand).resolves({});
    const account = {
      username: 'u-1',
      email: 'anna@moymore.example',
      groups: ['admin', 'processor'] as const,
      enabled: true,
      createdAt: '2026-01-02T00:00:00.000Z',
    };
    await directory().setGroups({ ...account, groups: [...account.groups] }, ['processor', 'marketing']);
    expect(cognito.commandCalls(AdminAddUserToGroupCommand).map((c) => c.args[0].input.GroupName)).toEqual([
      'marketing',
    ]);
    expect(
      cognito.commandCalls(AdminRemoveUserFromGroupCommand).map((c) => c.args[0].input.GroupName),
    ).toEqual(['admin']);
    await directory().setEnabled({ ...account, groups: [...account.groups] }, false);
    expect(cognito.commandCalls(AdminDisableUserCommand)).toHaveLength(1);
    expect(cognito.commandCalls(AdminUserGlobalSignOutCommand)).toHaveLength(1);
  });
});
