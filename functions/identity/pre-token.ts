import type { PreTokenGenerationTriggerHandler } from 'aws-lambda';
import { memberSignIn } from '../../shared/accounts/link.ts';
import { CUSTOMER_NUMBER_CLAIM } from '../../shared/auth/caller.ts';
import { recordStaffSignIn } from '../../shared/accounts/staff.ts';
import { accessLogStore, linkAttemptStore, memberStore } from '../../shared/store/default-stores.ts';

/**
 * Cognito's pre-token-generation trigger: a member's ID token carries the customer number of the
 * membership their account is linked to, and only that (an attribute set by hand is suppressed).
 */
export const handler: PreTokenGenerationTriggerHandler = async (event, context) => {
  const attributes = event.request.userAttributes;
  const signIn = await memberSignIn(
    {
      subject: attributes.sub!,
      groups: event.request.groupConfiguration.groupsToOverride ?? [],
      ...(attributes.email_verified === 'true' && attributes.email
        ? { verifiedEmail: attributes.email }
        : {}),
      via: `cognito ${event.triggerSource}`,
      requestId: context.awsRequestId,
    },
    { members: memberStore(), attempts: linkAttemptStore() },
  );
  // A session renewed is not a sign-in: the review's "last sign-in" is the last time a person signed in.
  if (event.triggerSource !== 'TokenGeneration_RefreshTokens')
    await recordStaffSignIn(
      { username: event.userName, groups: event.request.groupConfiguration.groupsToOverride ?? [] },
      accessLogStore(),
    );
  event.response.claimsOverrideDetails = {
    ...(signIn.customerNumber
      ? { claimsToAddOrOverride: { [CUSTOMER_NUMBER_CLAIM]: signIn.customerNumber } }
      : { claimsToSuppress: [CUSTOMER_NUMBER_CLAIM] }),
  };
  return event;
};
