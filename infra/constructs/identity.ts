import { Duration, Lazy, RemovalPolicy, Stack, Token } from 'aws-cdk-lib';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import { Construct } from 'constructs';
import { ROLES } from '../../shared/auth/roles.ts';
import { RESOURCE_SERVER, TILL_SCOPES } from '../../shared/auth/scopes.ts';
import { CONSOLE_PATHS, type ConsoleConfig } from '../../shared/contract/console.ts';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import type * as kms from 'aws-cdk-lib/aws-kms';
import { signInTrigger, signUpTrigger } from '../../shared/contract/identity.ts';
import * as iam from 'aws-cdk-lib/aws-iam';
import { RegisterFunction } from './register-function.ts';
import { grantTableActions } from './grants.ts';
import { acknowledge } from '../nag.ts';

/**
 * Who may call the API: a Cognito user pool with one group per role. People send the ID token. Staff
 * accounts are made by an admin and put in their role's group; members sign up on their own: the
 * post-confirmation trigger makes them members, and the pre-token-generation trigger puts their
 * linked customer number in the token (shared/accounts/link.ts).
 */
export class RegisterIdentity extends Construct {
  readonly userPool: cognito.UserPool;
  readonly client: cognito.UserPoolClient;
  /** The till system's app client: OAuth client credentials, an access token with the tills' scopes. */
  readonly tillClient: cognito.UserPoolClient;

  readonly domain: cognito.UserPoolDomain;

  /** `consoleOrigin` is read at synth: the console's distribution is made after the API that needs this client. */
  constructor(
    scope: Construct,
    id: string,
    props: { consoleOrigin: () => string; table: dynamodb.ITable; key: kms.IKey },
  ) {
    super(scope, id);
    const consoleUrl = (path: string) => Lazy.string({ produce: () => props.consoleOrigin() + path });
    this.userPool = new cognito.UserPool(this, 'Users', {
      // Members sign up with a verified email; staff roles are granted by an admin (groups), never by signing up.
      selfSignUpEnabled: true,
      autoVerify: { email: true },
      keepOriginal: { email: true },
      // Email is the sign-in name (not a required attribute: that would change an existing pool's schema).
      signInAliases: { email: true },
      mfa: cognito.Mfa.REQUIRED,
      mfaSecondFactor: { otp: true, sms: false },
      passwordPolicy: {
        minLength: 14,
        requireDigits: true,
        requireLowercase: true,
        requireUppercase: true,
        requireSymbols: true,
        tempPasswordValidity: Duration.days(3),
      },
      featurePlan: cognito.FeaturePlan.PLUS,
      standardThreatProtectionMode: cognito.StandardThreatProtectionMode.FULL_FUNCTION,
      accountRecovery: cognito.AccountRecovery.EMAIL_ONLY,
      customAttributes: {
        customerNumber: new cognito.StringAttribute({ minLen: 10, maxLen: 10, mutable: false }),
      },
      deletionProtection: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    const trigger = new RegisterFunction(this, 'SignInTrigger', {
      handler: signInTrigger.handler,
      description: signInTrigger.description,
      environment: { TABLE_NAME: props.table.tableName },
    });
    grantTableActions(trigger.role, props.table, props.key, signInTrigger.tableActions);
    acknowledge(
      trigger.fn,
      'Serverless-LambdaDLQ',
      'Cognito invokes it synchronously at sign-in: a failure fails that sign-in, which the person tries again; nothing is left to queue.',
    );
    this.userPool.addTrigger(cognito.UserPoolOperation.PRE_TOKEN_GENERATION, trigger.fn);

    const signUp = new RegisterFunction(this, 'SignUpTrigger', {
      handler: signUpTrigger.handler,
      description: signUpTrigger.description,
    });
    // The pool's ARN cannot be named here (the pool names this function: a cycle), so its pools are.
    const pools = Stack.of(this).formatArn({
      service: 'cognito-idp',
      resource: 'userpool',
      resourceName: '*',
    });
    signUp.role.addToPolicy(
      new iam.PolicyStatement({ actions: ['cognito-idp:AdminAddUserToGroup'], resources: [pools] }),
    );
    const named = (value: string, token: string) => (Token.isUnresolved(value) ? token : value);
    const stack = Stack.of(this);
    acknowledge(
      stack,
      `AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:cognito-idp:${named(stack.region, '<AWS::Region>')}:${named(stack.account, '<AWS::AccountId>')}:userpool/*]`,
      'Adding a user to a group, in this account and region only: naming the one pool would make a dependency cycle with its trigger.',
    );
    acknowledge(
      signUp.fn,
      'Serverless-LambdaDLQ',
      'Cognito invokes it synchronously at confirmation: a failure fails that confirmation, which the person tries again.',
    );
    this.userPool.addTrigger(cognito.UserPoolOperation.POST_CONFIRMATION, signUp.fn);
    for (const role of ROLES) {
      this.userPool.addGroup(`Group-${role}`, { groupName: role, description: `Role ${role} (DESIGN.md)` });
    }
    // The console: authorization code with PKCE (a public client, no secret), Cognito's managed login.
    this.client = this.userPool.addClient('Client', {
      authFlows: { userSrp: true },
      oAuth: {
        flows: { authorizationCodeGrant: true },
        scopes: [cognito.OAuthScope.OPENID, cognito.OAuthScope.EMAIL],
        callbackUrls: [consoleUrl(CONSOLE_PATHS.callback)],
        logoutUrls: [consoleUrl(CONSOLE_PATHS.signedOut)],
      },
      supportedIdentityProviders: [cognito.UserPoolClientIdentityProvider.COGNITO],
      generateSecret: false,
      preventUserExistenceErrors: true,
      idTokenValidity: Duration.hours(1),
      accessTokenValidity: Duration.hours(1),
      refreshTokenValidity: Duration.hours(12),
      readAttributes: new cognito.ClientAttributes()
        .withStandardAttributes({ email: true })
        .withCustomAttributes('customerNumber'),
      // Signing up writes the email and nothing else; the customer number comes only from the trigger.
      writeAttributes: new cognito.ClientAttributes().withStandardAttributes({ email: true }),
    });

    // The tills are machines: client credentials against the register's resource server.
    const scopes = Object.values(TILL_SCOPES).map(
      (name) =>
        new cognito.ResourceServerScope({
          scopeName: name.slice(RESOURCE_SERVER.length + 1),
          scopeDescription: `Tills: ${name}`,
        }),
    );
    const server = this.userPool.addResourceServer('Register', { identifier: RESOURCE_SERVER, scopes });
    // The token endpoint of client credentials is on the pool's domain; its prefix is a context value.
    this.domain = this.userPool.addDomain('Domain', {
      cognitoDomain: { domainPrefix: scope.node.tryGetContext('cognitoDomainPrefix') ?? 'moymore-register' },
      managedLoginVersion: cognito.ManagedLoginVersion.NEWER_MANAGED_LOGIN,
    });
    // Managed login needs a style for the client; Cognito's own look will do.
    new cognito.CfnManagedLoginBranding(this, 'Branding', {
      userPoolId: this.userPool.userPoolId,
      clientId: this.client.userPoolClientId,
      useCognitoProvidedValues: true,
    });
    this.tillClient = this.userPool.addClient('Tills', {
      generateSecret: true,
      authFlows: {},
      oAuth: {
        flows: { clientCredentials: true },
        scopes: scopes.map((s) => cognito.OAuthScope.resourceServer(server, s)),
      },
      accessTokenValidity: Duration.hours(1),
      preventUserExistenceErrors: true,
    });
  }

  /**
   * The admin's staff account routes: Cognito's admin API on this one pool, reading staff groups'
   * members, and for `write` inviting, moving between groups, disabling and enabling. IAM cannot name
   * groups, so the code (shared/accounts/staff.ts) keeps to the staff groups and to accounts in no
   * other group: a member's account is never listed or changed.
   */
  grantStaffAccounts(fn: RegisterFunction, access: 'read' | 'write') {
    const read = [
      'cognito-idp:ListUsersInGroup',
      'cognito-idp:AdminGetUser',
      'cognito-idp:AdminListGroupsForUser',
    ];
    const write = [
      'cognito-idp:AdminCreateUser',
      'cognito-idp:AdminAddUserToGroup',
      'cognito-idp:AdminRemoveUserFromGroup',
      'cognito-idp:AdminDisableUser',
      'cognito-idp:AdminEnableUser',
      'cognito-idp:AdminUserGlobalSignOut',
    ];
    fn.role.addToPolicy(
      new iam.PolicyStatement({
        actions: access === 'write' ? [...read, ...write] : read,
        resources: [this.userPool.userPoolArn],
      }),
    );
    fn.fn.addEnvironment('USER_POOL_ID', this.userPool.userPoolId);
  }

  get issuerUrl(): string {
    return this.userPool.userPoolProviderUrl;
  }

  /** What the console reads from /config.json in AWS. */
  get consoleConfig(): ConsoleConfig {
    return {
      authority: this.issuerUrl,
      clientId: this.client.userPoolClientId,
      // Cognito's sign-out is /logout with logout_uri, not in its discovery document.
      signOut: { endpoint: `${this.domain.baseUrl()}/logout`, returnParameter: 'logout_uri' },
    };
  }

  /** Where the console's browser code talks to Cognito: discovery and keys, and the token endpoint. */
  get consoleConnects(): string[] {
    return [`https://cognito-idp.${Stack.of(this).region}.amazonaws.com`, this.domain.baseUrl()];
  }
}
