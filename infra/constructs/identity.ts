import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import { Construct } from 'constructs';
import { ROLES } from '../../shared/auth/roles.ts';
import { RESOURCE_SERVER, TILL_SCOPES } from '../../shared/auth/scopes.ts';

/**
 * Who may call the API: a Cognito user pool with one group per role. Clients send the ID token:
 * Cognito puts custom:customerNumber only in ID tokens (no pre-token-generation trigger needed).
 */
export class RegisterIdentity extends Construct {
  readonly userPool: cognito.UserPool;
  readonly client: cognito.UserPoolClient;
  /** The till system's app client: OAuth client credentials, an access token with the tills' scopes. */
  readonly tillClient: cognito.UserPoolClient;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    this.userPool = new cognito.UserPool(this, 'Users', {
      // Accounts are granted to designated people, never self-created.
      selfSignUpEnabled: false,
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
    for (const role of ROLES) {
      this.userPool.addGroup(`Group-${role}`, { groupName: role, description: `Role ${role} (DESIGN.md)` });
    }
    this.client = this.userPool.addClient('Client', {
      authFlows: { userSrp: true },
      generateSecret: false,
      preventUserExistenceErrors: true,
      idTokenValidity: Duration.hours(1),
      accessTokenValidity: Duration.hours(1),
      refreshTokenValidity: Duration.hours(12),
      readAttributes: new cognito.ClientAttributes()
        .withStandardAttributes({ email: true })
        .withCustomAttributes('customerNumber'),
      writeAttributes: new cognito.ClientAttributes(),
      // No hosted sign-in for it until the console's callback URLs exist (the console issue).
      disableOAuth: true,
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
    this.userPool.addDomain('Domain', {
      cognitoDomain: { domainPrefix: scope.node.tryGetContext('cognitoDomainPrefix') ?? 'moymore-register' },
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

  get issuerUrl(): string {
    return this.userPool.userPoolProviderUrl;
  }
}
