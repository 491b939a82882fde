import { describe, expect, it } from 'vitest';
import { mockClient } from 'aws-sdk-client-mock';
import {
  AdminAddUserToGroupCommand,
  CognitoIdentityProviderClient,
} from '@aws-sdk/client-cognito-identity-provider';
import type { Context, PostConfirmationTriggerEvent } from 'aws-lambda';
import { handler } from '../../functions/identity/post-confirmation.ts';

const cognito = mockClient(CognitoIdentityProviderClient);
const confirmed = (triggerSource: string) =>
  ({
    version: '1',
    triggerSource,
    region: 'eu-north-1',
    userPoolId: 'eu-north-1_pool',
    userName: 'a-person',
    callerContext: { awsSdkVersion: 'x', clientId: 'console' },
    request: { userAttributes: { sub: 'a-person', email: 'a@example.fi', email_verified: 'true' } },
    response: {},
  }) as unknown as PostConfirmationTriggerEvent;
const run = (event: PostConfirmationTriggerEvent) => handler(event, {} as Context, () => undefined);

describe('the sign-up trigger', () => {
  it('makes a person who signed up on their own a member, and nothing more', async () => {
    cognito.reset();
    cognito.on(AdminAddUserToGroupCommand).resolves({});
    await run(confirmed('PostConfirmation_ConfirmSignUp'));
    expect(cognito.commandCalls(AdminAddUserToGroupCommand).map((call) => call.args[0].input)).toEqual([
      { UserPoolId: 'eu-north-1_pool', Username: 'a-person', GroupName: 'member' },
    ]);
  });

  it('leaves a reset password alone', async () => {
    cognito.reset();
    await run(confirmed('PostConfirmation_ConfirmForgotPassword'));
    expect(cognito.calls()).toHaveLength(0);
  });
});
