import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../infra/app.ts';
import { projectApp, registerTemplate } from '../support/cdk-app.ts';
import { routeList } from '../../shared/contract/routes.ts';
import { jobs, objectEvents } from '../../shared/contract/jobs.ts';
import { signInTrigger, signUpTrigger } from '../../shared/contract/identity.ts';
import { ROLES } from '../../shared/auth/roles.ts';
import { TABLE_INDEXES } from '../../shared/store/table.ts';

let template: Template;
let resourcesPerStack: number[];
let edgeTemplate: Template;
let outdir: string;

beforeAll(() => {
  outdir = mkdtempSync(join(tmpdir(), 'moymore-cdk-'));
  // A real synth, bundling included: esbuild from devDependencies, no Docker, no network.
  const { app, stack, edge } = buildApp(projectApp({ outdir }));
  app.synth();
  template = registerTemplate(stack, Stack.of(stack.jobs), stack.api.functionsStack);
  resourcesPerStack = [stack, Stack.of(stack.jobs), stack.api.functionsStack].map(
    (one) => Object.keys(Template.fromStack(one).toJSON().Resources).length,
  );
  edgeTemplate = Template.fromStack(edge);
});

const resources = (type: string) =>
  Object.values(template.findResources(type)) as { Properties: Record<string, any> }[]; // eslint-disable-line @typescript-eslint/no-explicit-any

describe('data', () => {
  it('fits CloudFormation: each of its stacks under the 500 resources a stack may hold, with room to grow', () => {
    for (const count of resourcesPerStack) expect(count).toBeLessThan(450);
  });

  it('keeps members in one table: pk/sk, on demand, PITR, deletion protection, KMS, TTL, GSI1 and the name search', () => {
    template.resourceCountIs('AWS::DynamoDB::Table', 1);
    template.hasResourceProperties('AWS::DynamoDB::Table', {
      KeySchema: [
        { AttributeName: 'pk', KeyType: 'HASH' },
        { AttributeName: 'sk', KeyType: 'RANGE' },
      ],
      BillingMode: 'PAY_PER_REQUEST',
      PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
      DeletionProtectionEnabled: true,
      SSESpecification: { SSEEnabled: true, SSEType: 'KMS', KMSMasterKeyId: Match.anyValue() },
      TimeToLiveSpecification: { AttributeName: 'expiresAt', Enabled: true },
      GlobalSecondaryIndexes: [
        Match.objectLike({ IndexName: 'GSI1', Projection: { ProjectionType: 'ALL' } }),
        ...['GSI2', 'GSI3', 'GSI4'].map((IndexName) =>
          Match.objectLike({
            IndexName,
            Projection: {
              ProjectionType: 'INCLUDE',
              NonKeyAttributes: Match.arrayWith(['surname', 'birthDate']),
            },
          }),
        ),
      ],
    });
    template.hasResourceProperties('AWS::KMS::Key', { EnableKeyRotation: true });
  });

  it('keeps the exchange bucket private, versioned, KMS-encrypted and TLS-only', () => {
    template.hasResourceProperties('AWS::S3::Bucket', {
      VersioningConfiguration: { Status: 'Enabled' },
      PublicAccessBlockConfiguration: {
        BlockPublicAcls: true,
        BlockPublicPolicy: true,
        IgnorePublicAcls: true,
        RestrictPublicBuckets: true,
      },
      BucketEncryption: {
        ServerSideEncryptionConfiguration: [
          Match.objectLike({ ServerSideEncryptionByDefault: Match.objectLike({ SSEAlgorithm: 'aws:kms' }) }),
        ],
      },
    });
    for (const policy of resources('AWS::S3::BucketPolicy')) {
      expect(JSON.stringify(policy.Properties.PolicyDocument)).toContain('"aws:SecureTransport":"false"');
    }
  });
});

describe('functions', () => {
  it('runs every function on nodejs22.x arm64 with explicit timeout, memory, tracing and its own log group', () => {
    // CDK's own deploy-time helpers (bucket notifications and deployment in Python, the cross-region
    // reference reader) are not ours.
    const functions = resources('AWS::Lambda::Function').filter(
      (f) =>
        !String(f.Properties.Runtime).startsWith('python') &&
        f.Properties.Handler !== '__entrypoint__.handler',
    );
    // One per route, job and object event, the stream's reader of job requests, and the sign-in and sign-up triggers.
    expect(functions).toHaveLength(routeList.length + Object.keys(jobs).length + objectEvents.length + 1 + 2);
    for (const { Properties: fn } of functions) {
      expect(fn.Runtime).toBe('nodejs22.x');
      expect(fn.Architectures).toEqual(['arm64']);
      expect(fn.Timeout).toBeGreaterThan(0);
      expect(fn.MemorySize).toBeGreaterThan(0);
      expect(fn.TracingConfig).toEqual({ Mode: 'Active' });
      expect(fn.LoggingConfig.LogGroup).toBeDefined();
      expect(fn.Handler).toBe('index.handler');
    }
    const roles = new Set(functions.map((f) => JSON.stringify(f.Properties.Role)));
    expect(roles.size).toBe(functions.length);
    for (const { Properties: group } of resources('AWS::Logs::LogGroup'))
      expect(group.RetentionInDays).toBeGreaterThan(0);
  });

  it('grants each function exactly the table actions of its route', () => {
    const policies = resources('AWS::IAM::Policy');
    for (const route of routeList) {
      const fn = Object.entries(template.findResources('AWS::Lambda::Function')).find(
        ([, f]) =>
          (f as { Properties: { Description: string } }).Properties.Description ===
          `${route.method} ${route.path}`,
      )!;
      const roleRef = (fn[1] as { Properties: { Role: { 'Fn::GetAtt': string[] } } }).Properties.Role[
        'Fn::GetAtt'
      ][0];
      const actions = policies
        .filter((p) => p.Properties.Roles.some((r: { Ref: string }) => r.Ref === roleRef))
        .flatMap((p) =>
          p.Properties.PolicyDocument.Statement.flatMap((s: { Action: string | string[] }) => s.Action),
        )
        .filter((a: string) => a.startsWith('dynamodb:'));
      expect(actions.sort(), `${route.method} ${route.path}`).toEqual(
        route.tableActions.map((a) => `dynamodb:${a}`).sort(),
      );
    }
  });

  it('lets a function that queries read every index the table has (the benefits read the month’s buyers on GSI3), unless it is held to some partitions', () => {
    const indexes = TABLE_INDEXES.map((index) => index.indexName);
    const queried = resources('AWS::IAM::Policy')
      .flatMap(
        (p) =>
          p.Properties.PolicyDocument.Statement as {
            Action: string | string[];
            Resource: unknown;
            Condition?: unknown;
          }[],
      )
      .filter((st) => [st.Action].flat().includes('dynamodb:Query') && !st.Condition);
    expect(queried.length).toBeGreaterThan(0);
    for (const st of queried) {
      const granted = JSON.stringify(st.Resource);
      for (const index of indexes) expect(granted).toContain(`/index/${index}`);
    }
  });
});

describe('API and identity', () => {
  it('serves every route of the table behind the Cognito JWT authorizer, the public ones without', () => {
    template.hasResourceProperties('AWS::ApiGatewayV2::Authorizer', {
      AuthorizerType: 'JWT',
      IdentitySource: ['$request.header.Authorization'],
      // The console's client (people's ID tokens) and the tills' client (access tokens).
      JwtConfiguration: { Audience: [Match.anyValue(), Match.anyValue()], Issuer: Match.anyValue() },
    });
    const apiRoutes = resources('AWS::ApiGatewayV2::Route').map((r) => r.Properties);
    expect(apiRoutes.map((r) => r.RouteKey).sort()).toEqual(
      routeList.map((r) => `${r.method} ${r.path}`).sort(),
    );
    const publicKeys = routeList.filter((r) => r.roles === 'public').map((r) => `${r.method} ${r.path}`);
    expect(publicKeys.sort()).toEqual([
      'GET /openapi.json',
      'GET /paper-form',
      'GET /privacy-notice',
      'GET /unsubscribe/{token}',
      'POST /unsubscribe/{token}',
    ]);
    for (const route of apiRoutes) {
      expect(route.AuthorizationType).toBe(publicKeys.includes(route.RouteKey) ? 'NONE' : 'JWT');
    }
  });

  it('throttles the stage and writes JSON access logs', () => {
    template.hasResourceProperties('AWS::ApiGatewayV2::Stage', {
      StageName: '$default',
      DefaultRouteSettings: { ThrottlingRateLimit: Match.anyValue(), ThrottlingBurstLimit: Match.anyValue() },
      AccessLogSettings: { DestinationArn: Match.anyValue(), Format: Match.stringLikeRegexp('"requestId"') },
    });
  });

  it('has a group for each of the six roles, MFA, and members signing up with a verified email', () => {
    const groups = resources('AWS::Cognito::UserPoolGroup').map((g) => g.Properties.GroupName);
    expect(groups.sort()).toEqual([...ROLES].sort());
    template.hasResourceProperties('AWS::Cognito::UserPool', {
      MfaConfiguration: 'ON',
      AdminCreateUserConfig: { AllowAdminCreateUserOnly: false },
      AutoVerifiedAttributes: ['email'],
    });
    // The console's client writes only the email when a person signs up; never a customer number.
    template.hasResourceProperties('AWS::Cognito::UserPoolClient', {
      CallbackURLs: Match.anyValue(),
      WriteAttributes: ['email'],
    });
  });

  it('makes a person who confirmed their own sign-up a member, with that one permission', () => {
    const [pool] = resources('AWS::Cognito::UserPool');
    const triggerRef = pool!.Properties.LambdaConfig.PostConfirmation['Fn::GetAtt'][0];
    const trigger = template.toJSON().Resources[triggerRef];
    expect(trigger.Properties.Description).toBe(signUpTrigger.description);
    const actions = resources('AWS::IAM::Policy')
      .filter((p) => JSON.stringify(p.Properties.Roles).includes(trigger.Properties.Role['Fn::GetAtt'][0]))
      .flatMap((p) =>
        p.Properties.PolicyDocument.Statement.flatMap((s: { Action: string | string[] }) =>
          [s.Action].flat(),
        ),
      )
      .filter((a: string) => !a.startsWith('logs:') && !a.startsWith('xray:'));
    expect(actions).toEqual(['cognito-idp:AdminAddUserToGroup']);
  });

  it('puts the linked customer number in members’ tokens through the pre-token-generation trigger', () => {
    const [pool] = resources('AWS::Cognito::UserPool');
    const triggerRef = pool!.Properties.LambdaConfig.PreTokenGeneration['Fn::GetAtt'][0];
    const trigger = template.toJSON().Resources[triggerRef];
    expect(trigger.Properties.Description).toBe(signInTrigger.description);
    // The trigger may read and link members, and nothing of the exchange bucket.
    const policies = resources('AWS::IAM::Policy').filter((p) =>
      JSON.stringify(p.Properties.Roles).includes(trigger.Properties.Role['Fn::GetAtt'][0]),
    );
    const actions = policies.flatMap((p) =>
      p.Properties.PolicyDocument.Statement.flatMap((s: { Action: string | string[] }) => [s.Action].flat()),
    );
    expect(actions.filter((a: string) => a.startsWith('dynamodb:')).sort()).toEqual(
      signInTrigger.tableActions.map((a) => `dynamodb:${a}`).sort(),
    );
    expect(actions.some((a: string) => a.startsWith('s3:'))).toBe(false);
  });
});

describe('cdk-nag', () => {
  const report = (dir: string) =>
    JSON.parse(readFileSync(join(dir, 'validation-report.json'), 'utf8')) as {
      pluginReports: { pluginName: string; violations: { ruleName: string }[] }[];
    };

  it('finds nothing unacknowledged in the register (AwsSolutions and Serverless packs)', () => {
    const findings = report(outdir)
      .pluginReports.filter((p) => ['AwsSolutions', 'Serverless'].includes(p.pluginName))
      .flatMap((p) => p.violations.map((v) => v.ruleName));
    expect(findings).toEqual([]);
  });
});

describe('tills are machines', () => {
  it('gives the tills an app client with client credentials and the register’s scopes, and nothing else', () => {
    template.hasResourceProperties('AWS::Cognito::UserPoolResourceServer', {
      Identifier: 'moymore-register',
      Scopes: [Match.objectLike({ ScopeName: 'purchases' }), Match.objectLike({ ScopeName: 'lookup' })],
    });
    template.hasResourceProperties('AWS::Cognito::UserPoolClient', {
      AllowedOAuthFlows: ['client_credentials'],
      // Built from the resource server's identifier: one per till scope.
      AllowedOAuthScopes: [Match.anyValue(), Match.anyValue()],
      GenerateSecret: true,
    });
  });

  it('asks the till routes for a till scope, and accepts the tills’ client as an audience', () => {
    const scoped = resources('AWS::ApiGatewayV2::Route')
      .filter((r) => r.Properties.AuthorizationScopes)
      .map((r) => [r.Properties.RouteKey, r.Properties.AuthorizationScopes]);
    expect(scoped.sort()).toEqual(
      [
        ['GET /pos/members/{cardOrCustomerNumber}', ['moymore-register/lookup']],
        ['POST /purchases', ['moymore-register/purchases']],
        ['POST /purchases/batch', ['moymore-register/purchases']],
      ].sort(),
    );
    const [authorizer] = resources('AWS::ApiGatewayV2::Authorizer');
    expect(authorizer!.Properties.JwtConfiguration.Audience).toHaveLength(2);
  });
});

describe('jobs, events and the card manufacturer', () => {
  /** Every statement of the policies attached to the role whose logical id starts with the prefix. */
  const statementsOf = (rolePrefix: string) => {
    const roleIds = Object.keys(template.findResources('AWS::IAM::Role')).filter((id) =>
      id.startsWith(rolePrefix),
    );
    expect(roleIds).toHaveLength(1);
    return resources('AWS::IAM::Policy')
      .filter((p) => p.Properties.Roles.some((r: { Ref: string }) => r.Ref === roleIds[0]))
      .flatMap(
        (p) =>
          p.Properties.PolicyDocument.Statement as {
            Action: string | string[];
            Resource: unknown;
            Condition?: unknown;
          }[],
      )
      .map((st) => ({
        ...st,
        Action: ([] as string[]).concat(st.Action),
        Resource: JSON.stringify(st.Resource),
      }));
  };
  const s3Statements = (rolePrefix: string) =>
    statementsOf(rolePrefix).filter((st) => st.Action.some((a) => a.startsWith('s3:')));

  it('lets only the admin’s staff routes use Cognito’s admin API, on the one pool, writing only where they change', () => {
    const cognito = resources('AWS::IAM::Policy').flatMap((policy) =>
      (policy.Properties.PolicyDocument.Statement as { Action: string | string[]; Resource: unknown }[])
        .filter((st) => [st.Action].flat().some((a) => a.startsWith('cognito-idp:')))
        .map((st) => ({ roles: JSON.stringify(policy.Properties.Roles), ...st })),
    );
    const byRoute = (prefix: string) => {
      const found = cognito.filter((st) => st.roles.includes(prefix));
      expect(found, prefix).toHaveLength(1);
      // The pool's own ARN (handed into the functions' nested stack), nothing wider.
      expect(found[0]!.Resource, prefix).toEqual({
        Ref: expect.stringMatching(/^referencetoMoymoreRegisterIdentityUsers[0-9A-F]+Arn$/),
      });
      return [found[0]!.Action].flat().sort();
    };
    const read = [
      'cognito-idp:AdminGetUser',
      'cognito-idp:AdminListGroupsForUser',
      'cognito-idp:ListUsersInGroup',
    ];
    expect(byRoute('ApiApiStaffList')).toEqual(read);
    expect(byRoute('ApiApiStaffReview')).toEqual(read);
    for (const writer of ['ApiApiStaffInvite', 'ApiApiStaffGroups', 'ApiApiStaffEnabled'])
      expect(byRoute(writer)).toEqual(
        [
          ...read,
          'cognito-idp:AdminAddUserToGroup',
          'cognito-idp:AdminCreateUser',
          'cognito-idp:AdminDisableUser',
          'cognito-idp:AdminEnableUser',
          'cognito-idp:AdminRemoveUserFromGroup',
          'cognito-idp:AdminUserGlobalSignOut',
        ].sort(),
      );
    // Nothing else may: the sign-up trigger only puts a person in the member group.
    const others = cognito.filter((st) => !st.roles.includes('ApiApiStaff'));
    expect(others.flatMap((st) => [st.Action].flat())).toEqual(['cognito-idp:AdminAddUserToGroup']);
  });

  it('lets the manufacturer read only card-orders/outbound/ and write only card-orders/inbound/', () => {
    const statements = s3Statements('CardManufacturerRole');
    expect(
      statements.map((st) => [st.Action, st.Resource.match(/card-orders\/\w+\/\*|Arn"\]\}$/)?.[0]]),
    ).toEqual([
      [['s3:GetObject'], 'card-orders/outbound/*'],
      [['s3:PutObject'], 'card-orders/inbound/*'],
      [['s3:ListBucket'], expect.any(String)],
    ]);
    expect(statements[2]!.Condition).toEqual({ StringLike: { 's3:prefix': ['card-orders/outbound/*'] } });
  });

  it.each([
    [
      'AddressService',
      [['s3:GetObject'], 'address-updates/outbound/*'],
      [['s3:PutObject'], 'address-updates/inbound/*'],
    ],
    ['MailingHouse', [['s3:GetObject'], 'marketing/exports/*']],
  ] as const)('lets the %s role read and write its own prefixes and nothing else', (id, ...expected) => {
    const statements = s3Statements(`${id}Role`);
    expect(
      statements
        .filter((st) => !st.Action.includes('s3:ListBucket'))
        .map((st) => [st.Action, st.Resource.match(/[a-z-]+\/[a-z]+\/\*/)?.[0]]),
    ).toEqual(expected);
    const [read] = expected[0]!.slice(1) as string[];
    expect(statements.find((st) => st.Action.includes('s3:ListBucket'))!.Condition).toEqual({
      StringLike: { 's3:prefix': [read] },
    });
  });

  it('lets each partner in from its own account, named by a context value', () => {
    const app = projectApp({
      outdir: mkdtempSync(join(tmpdir(), 'moymore-cdk-')),
      context: {
        manufacturerAccountId: '111111111111',
        addressServiceAccountId: '222222222222',
        mailingHouseAccountId: '333333333333',
        // Roles only: no function needs bundling for this.
        'aws:cdk:bundling-stacks': [],
      },
    });
    const partnerStack = buildApp(app).stack;
    const partnerTemplate = registerTemplate(
      partnerStack,
      Stack.of(partnerStack.jobs),
      partnerStack.api.functionsStack,
    );
    const principals = Object.entries(partnerTemplate.findResources('AWS::IAM::Role'))
      .filter(([id]) => /^(CardManufacturer|AddressService|MailingHouse)Role/.test(id))
      .map(([id, role]) => [
        id.replace(/Role.*/, ''),
        JSON.stringify(role.Properties.AssumeRolePolicyDocument),
      ]);
    expect(principals.map(([id, doc]) => [id, doc!.match(/\d{12}/)?.[0]])).toEqual([
      ['CardManufacturer', '111111111111'],
      ['AddressService', '222222222222'],
      ['MailingHouse', '333333333333'],
    ]);
  });

  it('lets the card batch job write outbound batches but read nothing, least of all inbound', () => {
    const statements = s3Statements('JobsCardBatchRole');
    expect(statements.flatMap((st) => st.Action).sort()).toEqual(['s3:AbortMultipartUpload', 's3:PutObject']);
    expect(statements.every((st) => st.Resource.includes('card-orders/outbound/*'))).toBe(true);
  });

  it('lets routes start their jobs by a request in the table, which the stream’s one reader hands on', () => {
    for (const route of ['ApiApiCampaignsComputeAudienceRole', 'ApiApiOperationsRunJobRole']) {
      const actions = statementsOf(route).flatMap((st) => [st.Action].flat());
      expect(
        actions.filter((a) => a.startsWith('lambda:') || a.startsWith('s3:')),
        route,
      ).toEqual([]);
      expect(actions, route).toContain('dynamodb:PutItem');
    }
    // Keys only: the stream holds no copy of anyone's data; and one reader, as a shard takes two at most.
    template.hasResourceProperties('AWS::DynamoDB::Table', {
      StreamSpecification: { StreamViewType: 'KEYS_ONLY' },
    });
    expect(Object.keys(template.findResources('AWS::Lambda::EventSourceMapping'))).toHaveLength(1);
    template.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      // The table's stream, handed down to the jobs' nested stack.
      EventSourceArn: { Ref: Match.stringLikeRegexp('DataTable.*StreamArn') },
      FunctionName: Match.objectLike({ Ref: Match.stringLikeRegexp('JobsJobRequests') }),
      StartingPosition: 'TRIM_HORIZON',
      BatchSize: 1,
      MaximumRetryAttempts: 2,
      MaximumRecordAgeInSeconds: 5 * 3600,
      FunctionResponseTypes: ['ReportBatchItemFailures'],
      DestinationConfig: { OnFailure: { Destination: Match.anyValue() } },
      // As Lambda's event filtering reads it: new items whose partition key starts so.
      FilterCriteria: {
        Filters: [
          { Pattern: '{"eventName":["INSERT"],"dynamodb":{"Keys":{"pk":{"S":[{"prefix":"JOBREQUEST#"}]}}}}' },
        ],
      },
    });
    // It reads requests and may invoke the jobs that routes start (the processor's on demand), and nothing else.
    const reader = statementsOf('JobsJobRequestsRole');
    const actions = (prefix: string) =>
      reader.flatMap((st) => [st.Action].flat()).filter((a: string) => a.startsWith(prefix));
    expect(actions('dynamodb:').sort()).toEqual([
      'dynamodb:DescribeStream',
      'dynamodb:GetItem',
      'dynamodb:GetRecords',
      'dynamodb:GetShardIterator',
      'dynamodb:ListStreams',
    ]);
    const invoked = reader
      .filter((st) => [st.Action].flat().includes('lambda:InvokeFunction'))
      .flatMap((st) => [st.Resource].flat())
      .map((resource) => JSON.stringify(resource).match(/Jobs[A-Za-z]+?(?=[0-9A-F]{8})/)?.[0])
      .filter((name, i, all) => all.indexOf(name) === i);
    const startedByRequests = [
      'JobsAccountNotice',
      'JobsAddressExtract',
      'JobsAddressRefresh',
      'JobsAuditVerify',
      'JobsBenefitPayout',
      'JobsBenefits',
      'JobsCampaignAudience',
      'JobsCampaignSend',
      'JobsCardBatch',
      'JobsReindex',
      'JobsRetention',
      'JobsStatistics',
    ];
    expect(invoked.sort()).toEqual(startedByRequests.map((job) => `${job}Function`));
    for (const job of startedByRequests) {
      template.hasResourceProperties('AWS::Lambda::EventInvokeConfig', {
        FunctionName: Match.objectLike({ Ref: Match.stringLikeRegexp(job) }),
        MaximumRetryAttempts: 2,
        DestinationConfig: { OnFailure: { Destination: Match.anyValue() } },
      });
    }
    const job = s3Statements('JobsCampaignAudienceRole');
    expect(job.every((st) => JSON.stringify(st.Resource).includes('marketing/exports/*'))).toBe(true);
  });

  it('sends mail only from the account-notice and campaign-send jobs, from the register’s verified domain, through its configuration set', () => {
    template.hasResourceProperties('AWS::SES::EmailIdentity', { EmailIdentity: 'moymore.fi' });
    template.hasResourceProperties('AWS::SES::ConfigurationSet', {
      DeliveryOptions: { TlsPolicy: 'REQUIRE' },
      SuppressionOptions: { SuppressedReasons: ['BOUNCE', 'COMPLAINT'] },
    });
    const senders = Object.entries(template.findResources('AWS::IAM::Policy'))
      .filter(([, policy]) => JSON.stringify(policy).includes('ses:SendEmail'))
      .map(([id]) => id.replace(/Role.*/, ''));
    expect(senders.sort()).toEqual(['JobsAccountNotice', 'JobsCampaignSend']);
    for (const role of ['JobsAccountNoticeRole', 'JobsCampaignSendRole']) {
      const send = statementsOf(role).find((st) => [st.Action].flat().includes('ses:SendEmail'))!;
      expect(JSON.stringify(send.Resource)).toMatch(/identity\/.*configuration-set\//s);
    }
  });

  it('hears SES’s bounces and complaints of messages to members, retried, then dead-lettered', () => {
    template.hasResourceProperties('AWS::SES::ConfigurationSetEventDestination', {
      EventDestination: Match.objectLike({
        Enabled: true,
        MatchingEventTypes: Match.arrayWith(['bounce', 'complaint', 'delivery']),
        EventBridgeDestination: Match.anyValue(),
      }),
    });
    template.hasResourceProperties('AWS::Events::Rule', {
      EventPattern: {
        source: ['aws.ses'],
        detail: { eventType: ['Bounce', 'Complaint'], mail: { tags: { member: [{ exists: true }] } } },
      },
      Targets: [
        Match.objectLike({
          Arn: Match.anyValue(),
          RetryPolicy: { MaximumRetryAttempts: 2, MaximumEventAgeInSeconds: 21600 },
          DeadLetterConfig: { Arn: Match.anyValue() },
        }),
      ],
    });
  });

  it('sends text messages only from the campaign-send job, from a number whose STOP keywords opt out and whose replies reach the register', () => {
    template.hasResourceProperties('AWS::SMSVOICE::PhoneNumber', {
      IsoCountryCode: 'FI',
      NumberCapabilities: ['SMS'],
      MandatoryKeywords: { STOP: { Message: Match.stringLikeRegexp('lopetettu') }, HELP: Match.anyValue() },
      OptionalKeywords: [
        { Keyword: 'LOPETA', Action: 'OPT_OUT', Message: Match.anyValue() },
        { Keyword: 'SLUTA', Action: 'OPT_OUT', Message: Match.anyValue() },
      ],
      OptOutListName: Match.anyValue(),
      TwoWay: { Enabled: true, ChannelArn: Match.anyValue() },
    });
    const senders = Object.entries(template.findResources('AWS::IAM::Policy'))
      .filter(([, policy]) => JSON.stringify(policy).includes('sms-voice:SendTextMessage'))
      .map(([id]) => id.replace(/Role.*/, ''));
    expect(senders).toEqual(['JobsCampaignSend']);
    // The replies' topic, encrypted and TLS only, hands each reply to marketing-events, dead-lettered.
    template.hasResourceProperties('AWS::SNS::Topic', { KmsMasterKeyId: Match.anyValue() });
    template.hasResourceProperties('AWS::SNS::Subscription', {
      Protocol: 'lambda',
      RedrivePolicy: { deadLetterTargetArn: Match.anyValue() },
    });
  });

  it('holds the routes that read no member (the public notice among them) to the marketing settings’ partition', () => {
    const heldTo = (role: string) =>
      statementsOf(role).find((st) => st.Action.some((action) => action.startsWith('dynamodb:')))!;
    for (const role of [
      'ApiApiPrivacyNoticeRole',
      'ApiApiPrivacyRecordsRole',
      'ApiApiCampaignsReadSettingsRole',
      'ApiApiCampaignsSetSettingsRole',
    ]) {
      const statement = heldTo(role);
      expect(statement.Condition).toEqual({
        'ForAllValues:StringEquals': { 'dynamodb:LeadingKeys': ['MARKETINGSETTINGS'] },
      });
      // No index: an index's partition is not the item's, and the condition could not hold it.
      expect(statement.Resource).not.toContain('/index/');
    }
    expect(heldTo('ApiApiMembersReadRole').Condition).toBeUndefined();
  });

  it('lets only the sender and the unsubscribe routes read the unsubscribe links’ generated key', () => {
    template.hasResourceProperties('AWS::SecretsManager::Secret', {
      GenerateSecretString: Match.objectLike({ PasswordLength: 64 }),
    });
    const readers = Object.entries(template.findResources('AWS::IAM::Policy'))
      .filter(([, policy]) => JSON.stringify(policy).includes('secretsmanager:GetSecretValue'))
      .map(([id]) => id.replace(/Role.*/, ''));
    expect(readers.sort()).toEqual([
      'ApiApiMessagesReadUnsubscribe',
      'ApiApiMessagesUnsubscribe',
      'JobsCampaignSend',
    ]);
    // The key is read through the Parameters and Secrets extension (cached; no SDK client in the bundle).
    const withKey = Object.values(template.findResources('AWS::Lambda::Function')).filter((fn) =>
      JSON.stringify(fn).includes('UNSUBSCRIBE_SECRET_ARN'),
    );
    expect(withKey).toHaveLength(3);
    for (const fn of withKey)
      expect(JSON.stringify(fn.Properties.Layers)).toMatch(/AWS-Parameters-and-Secrets-Lambda-Extension/);
    // The sender's links reach the API below the console's origin.
    template.hasResourceProperties('AWS::Lambda::Function', {
      Environment: {
        Variables: Match.objectLike({
          PUBLIC_API_URL: Match.anyValue(),
          UNSUBSCRIBE_SECRET_ARN: Match.anyValue(),
        }),
      },
    });
  });

  it('runs the card batch at 02:00 Helsinki time, with retries, a maximum event age and a dead-letter queue', () => {
    template.hasResourceProperties('AWS::Scheduler::Schedule', {
      ScheduleExpression: 'cron(0 2 * * ? *)',
      ScheduleExpressionTimezone: 'Europe/Helsinki',
      Target: Match.objectLike({
        RetryPolicy: { MaximumRetryAttempts: 2, MaximumEventAgeInSeconds: 7200 },
        DeadLetterConfig: { Arn: Match.anyValue() },
      }),
    });
  });

  it('delivers inbound acknowledgements to their handler with retries, an event age and an on-failure queue', () => {
    template.hasResourceProperties('AWS::Lambda::EventInvokeConfig', {
      MaximumRetryAttempts: 2,
      MaximumEventAgeInSeconds: 21600,
      DestinationConfig: { OnFailure: { Destination: Match.anyValue() } },
    });
    template.hasResourceProperties('Custom::S3BucketNotifications', {
      NotificationConfiguration: {
        LambdaFunctionConfigurations: Match.arrayWith([
          Match.objectLike({
            Filter: { Key: { FilterRules: [{ Name: 'prefix', Value: 'card-orders/inbound/' }] } },
          }),
        ]),
      },
    });
  });

  it('runs the address refresh at 03:00 Helsinki time through a workflow that invokes it again until it is done', () => {
    // The address refresh's and the benefits', scheduled, and the legacy import's, started by hand.
    const machines = resources('AWS::StepFunctions::StateMachine');
    expect(machines).toHaveLength(3);
    const definition = JSON.stringify(machines[0]!.Properties.DefinitionString);
    expect(definition).toContain('\\"Variable\\":\\"$.done\\",\\"BooleanEquals\\":true');
    expect(definition).toContain('\\"ErrorEquals\\":[\\"AnotherRunActive\\"]');
    expect(machines[0]!.Properties).toMatchObject({
      TracingConfiguration: { Enabled: true },
      LoggingConfiguration: { Level: 'ALL', IncludeExecutionData: false },
    });
    expect(Object.keys(template.findOutputs('*')).some((id) => id.includes('LegacyImportWorkflowArn'))).toBe(
      true,
    );
    template.hasResourceProperties('AWS::Scheduler::Schedule', {
      ScheduleExpression: 'cron(0 3 * * ? *)',
      ScheduleExpressionTimezone: 'Europe/Helsinki',
      Target: Match.objectLike({
        Arn: { Ref: Match.stringLikeRegexp('AddressRefreshWorkflow') },
        RetryPolicy: { MaximumRetryAttempts: 2, MaximumEventAgeInSeconds: 7200 },
      }),
    });
    template.hasResourceProperties('AWS::Scheduler::Schedule', {
      ScheduleExpression: 'cron(0 1 1 * ? *)',
      ScheduleExpressionTimezone: 'Europe/Helsinki',
    });
  });

  it('lets the address refresh list and read only inbound files and write only reports', () => {
    const statements = s3Statements('JobsAddressRefreshRole');
    expect(
      statements.map((st) => [st.Action, st.Condition ?? st.Resource.match(/address-updates\/\w+\/\*/)?.[0]]),
    ).toEqual([
      [['s3:GetObject'], 'address-updates/inbound/*'],
      [['s3:PutObject', 's3:AbortMultipartUpload'], 'address-updates/reports/*'],
      [['s3:ListBucket'], { StringLike: { 's3:prefix': ['address-updates/inbound/*'] } }],
    ]);
  });

  it('expires exchange files with personal data after 30 days, versions too, and reports after 24 months', () => {
    const [bucket] = resources('AWS::S3::Bucket').filter((b) => b.Properties.VersioningConfiguration);
    const rules = bucket!.Properties.LifecycleConfiguration.Rules as {
      Prefix?: string;
      ExpirationInDays?: number;
      NoncurrentVersionExpiration?: { NoncurrentDays: number };
    }[];
    const byPrefix = Object.fromEntries(
      rules
        .filter((r) => r.Prefix)
        .map((r) => [r.Prefix, [r.ExpirationInDays, r.NoncurrentVersionExpiration?.NoncurrentDays]]),
    );
    for (const prefix of [
      'card-orders/outbound/',
      'card-orders/inbound/',
      'address-updates/inbound/',
      'address-updates/outbound/',
      'marketing/exports/',
    ]) {
      expect(byPrefix[prefix]).toEqual([30, 30]);
    }
    expect(byPrefix['address-updates/reports/']).toEqual([744, 744]);
  });

  it('alarms on job errors, a failed workflow, lines in review and files left unapplied', () => {
    const descriptions = resources('AWS::CloudWatch::Alarm').map(
      (a) => a.Properties.AlarmDescription as string,
    );
    for (const name of Object.keys(jobs)) expect(descriptions).toContain(`The ${name} job failed`);
    expect(descriptions).toContain('The AddressRefresh workflow failed or timed out');
    template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      Namespace: 'Moymore/Register',
      MetricName: 'LinesInReview',
      Dimensions: [{ Name: 'service', Value: 'address-refresh' }],
      Threshold: 1,
    });
    template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      Namespace: 'Moymore/Register',
      MetricName: 'FilesUnapplied',
      Threshold: 1,
    });
  });

  it('raises an alarm on every dead-letter queue', () => {
    const queues = Object.keys(template.findResources('AWS::SQS::Queue'));
    const alarms = resources('AWS::CloudWatch::Alarm').map((a) => JSON.stringify(a.Properties.Dimensions));
    const scheduled = Object.values(jobs).filter((job) => 'schedule' in job);
    const startedByApi = Object.values(jobs).filter((job) => 'startedByApi' in job);
    const onSesEvents = Object.values(jobs).filter((job) => 'sesEvents' in job);
    const onTextReplies = Object.values(jobs).filter((job) => 'textReplies' in job);
    // …and one for the stream's reader of job requests.
    expect(queues.length).toBe(
      // An SES events job has two: events not delivered to it, and events it failed on; replies one more.
      scheduled.length +
        objectEvents.length +
        startedByApi.length +
        2 * onSesEvents.length +
        onTextReplies.length +
        1,
    );
    for (const queue of queues) expect(alarms.some((d) => d.includes(queue))).toBe(true);
  });
});

describe('the console and its front door', () => {
  it('serves the console from a private bucket through CloudFront with origin access control', () => {
    template.hasResourceProperties('AWS::CloudFront::OriginAccessControl', {
      OriginAccessControlConfig: Match.objectLike({
        OriginAccessControlOriginType: 's3',
        SigningBehavior: 'always',
      }),
    });
    const [distribution] = resources('AWS::CloudFront::Distribution');
    const config = distribution!.Properties.DistributionConfig;
    expect(config.WebACLId).toBeDefined();
    expect(config.DefaultCacheBehavior.ViewerProtocolPolicy).toBe('redirect-to-https');
    expect(config.CacheBehaviors.map((b: { PathPattern: string }) => b.PathPattern)).toEqual(['/api/*']);
  });

  it('sends a CSP that allows no inline script, HSTS, and no framing', () => {
    const [policy] = resources('AWS::CloudFront::ResponseHeadersPolicy');
    const headers = policy!.Properties.ResponseHeadersPolicyConfig.SecurityHeadersConfig;
    const csp = JSON.stringify(headers.ContentSecurityPolicy.ContentSecurityPolicy);
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).toContain("frame-ancestors 'none'");
    expect(headers.StrictTransportSecurity.AccessControlMaxAgeSec).toBeGreaterThanOrEqual(31536000);
    expect(headers.FrameOptions.FrameOption).toBe('DENY');
  });

  it('puts AWS WAF in front: the common and known-bad-inputs rule groups and a rate limit per client', () => {
    edgeTemplate.hasResourceProperties('AWS::WAFv2::WebACL', { Scope: 'CLOUDFRONT' });
    const [acl] = Object.values(edgeTemplate.findResources('AWS::WAFv2::WebACL')) as {
      Properties: { Rules: { Name: string; Statement: Record<string, unknown> }[] };
    }[];
    const rules = acl!.Properties.Rules;
    expect(rules.map((r) => r.Name)).toEqual(
      expect.arrayContaining([
        'AWSManagedRulesCommonRuleSet',
        'AWSManagedRulesKnownBadInputsRuleSet',
        'RatePerClient',
      ]),
    );
    expect(rules.find((r) => r.Name === 'RatePerClient')!.Statement.RateBasedStatement).toMatchObject({
      AggregateKeyType: 'IP',
    });
  });

  it('signs people in to the console with the code flow (PKCE, no secret) at the console’s own callback', () => {
    const clients = resources('AWS::Cognito::UserPoolClient').filter((c) =>
      (c.Properties.AllowedOAuthFlows ?? []).includes('code'),
    );
    expect(clients).toHaveLength(1);
    const console = clients[0]!.Properties;
    expect(console.GenerateSecret ?? false).toBe(false);
    expect(JSON.stringify(console.CallbackURLs)).toContain('/callback');
    template.hasResourceProperties('AWS::Cognito::UserPoolDomain', { ManagedLoginVersion: 2 });
  });

  it('answers no browser of another origin, but the console’s own domain when it has one', () => {
    for (const api of resources('AWS::ApiGatewayV2::Api'))
      expect(api.Properties.CorsConfiguration).toBeUndefined();
    const app = projectApp({
      outdir: mkdtempSync(join(tmpdir(), 'moymore-cdk-')),
      context: {
        consoleDomain: 'kanta.moymore.fi',
        consoleCertificateArn: 'arn:aws:acm:us-east-1:123456789012:certificate/console',
        // Bundled once above already: this synth only looks at the API's CORS.
        'aws:cdk:bundling-stacks': [],
      },
    });
    const withDomain = Template.fromStack(buildApp(app).stack);
    const [api] = Object.values(withDomain.findResources('AWS::ApiGatewayV2::Api')) as {
      Properties: { CorsConfiguration: { AllowOrigins: string[] } };
    }[];
    expect(api!.Properties.CorsConfiguration.AllowOrigins).toEqual(['https://kanta.moymore.fi']);
  });
});
