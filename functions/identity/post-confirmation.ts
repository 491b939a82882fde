import type { PostConfirmationTriggerHandler } from 'aws-lambda';
import {
  AdminAddUserToGroupCommand,
  CognitoIdentityProviderClient,
} from '@aws-sdk/client-cognito-identity-provider';
import { SELF_SIGN_UP_GROUP } from '../../shared/accounts/link.ts';

const cognito = new CognitoIdentityProviderClient({});

/**
 * Cognito's post-confirmation trigger: a person who signed up on their own and confirmed their email
 * becomes a member (the only group self sign-up gives). An admin's users and a reset password pass by.
 */
export const handler: PostConfirmationTriggerHandler = async (event) => {
  if (event.triggerSource === 'PostConfirmation_ConfirmSignUp') {
    await cognito.send(
      new AdminAddUserToGroupCommand({
        UserPoolId: event.userPoolId,
        Username: event.userName,
        GroupName: SELF_SIGN_UP_GROUP,
      }),
    );
  }
  return event;
};
