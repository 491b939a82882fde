import { Duration, NestedStack, RemovalPolicy, Stack } from 'aws-cdk-lib';
import * as apigw from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpJwtAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as kms from 'aws-cdk-lib/aws-kms';
import type * as s3 from 'aws-cdk-lib/aws-s3';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import type { RegisterMail } from './mail.ts';
import { routeKey, type RouteSpec } from '../../shared/contract/route.ts';
import { acknowledge } from '../nag.ts';
import { RegisterFunction } from './register-function.ts';
import { grantBucketPrefixes, grantTableActions } from './grants.ts';
import type { RegisterIdentity } from './identity.ts';

export interface RegisterApiProps {
  routes: readonly RouteSpec[];
  identity: RegisterIdentity;
  table: dynamodb.ITable;
  bucket: s3.IBucket;
  key: kms.IKey;
  /**
   * The console's own domain, when it has one (context `consoleDomain`): browsers there may call the
   * API across origins. Without it the console reaches the API below its own origin and no CORS is needed.
   */
  consoleOrigin?: string;
  /** Given to every route's function. */
  environment?: Record<string, string>;
  mail: RegisterMail;
}

/** The HTTP API, one function per row of the route table, each granted only its route's table actions. */
export class RegisterApi extends Construct {
  readonly httpApi: apigw.HttpApi;
  readonly functions = new Map<string, RegisterFunction>();
  /**
   * The routes' functions (each with its role, policy and log group) in a nested stack of their own:
   * the parent keeps the API, its routes and integrations, and both stay well under the 500
   * resources a stack may hold.
   */
  readonly functionsStack: Stack;

  constructor(scope: Construct, id: string, props: RegisterApiProps) {
    super(scope, id);
    const authorizer = new HttpJwtAuthorizer('Cognito', props.identity.issuerUrl, {
      // People's ID tokens carry the console client as aud; the tills' access tokens their client_id.
      jwtAudience: [props.identity.client.userPoolClientId, props.identity.tillClient.userPoolClientId],
    });
    this.httpApi = new apigw.HttpApi(this, 'HttpApi', {
      description: 'Moymore loyalty register',
      createDefaultStage: false,
      defaultAuthorizer: authorizer,
      ...(props.consoleOrigin
        ? {
            corsPreflight: {
              allowOrigins: [props.consoleOrigin],
              allowMethods: [apigw.CorsHttpMethod.ANY],
              allowHeaders: ['authorization', 'content-type', 'if-match', 'idempotency-key'],
              exposeHeaders: ['etag', 'location'],
              maxAge: Duration.hours(1),
            },
          }
        : {}),
    });
    const accessLogs = new logs.LogGroup(this, 'AccessLogs', {
      retention: logs.RetentionDays.ONE_YEAR,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    new apigw.HttpStage(this, 'DefaultStage', {
      httpApi: this.httpApi,
      stageName: '$default',
      autoDeploy: true,
      throttle: { rateLimit: 200, burstLimit: 400 },
      accessLogSettings: {
        destination: new apigw.LogGroupLogDestination(accessLogs),
        // Who called which route and how it went; no query strings or bodies, which can hold personal data.
        format: AccessLogFormat.custom(
          JSON.stringify({
            requestId: '$context.requestId',
            time: '$context.requestTime',
            route: '$context.routeKey',
            status: '$context.status',
            latencyMs: '$context.responseLatency',
            integrationLatencyMs: '$context.integrationLatency',
            sourceIp: '$context.identity.sourceIp',
            subject: '$context.authorizer.claims.sub',
            error: '$context.error.message',
            authorizerError: '$context.authorizer.error',
          }),
        ),
      },
    });

    this.functionsStack = new NestedStack(this, 'FunctionsStack', {
      description: 'The register API’s functions, one per route',
    });
    const functionsScope = new Construct(this.functionsStack, 'Api');
    for (const route of props.routes) {
      const name = route.handler
        .split('/')
        .map((part) => part.replace(/(^|-)(\w)/g, (_, _d, c: string) => c.toUpperCase()))
        .join('');
      const fn = new RegisterFunction(functionsScope, name, {
        handler: route.handler,
        description: routeKey(route),
        ...(route.timeoutSeconds ? { timeout: Duration.seconds(route.timeoutSeconds) } : {}),
        ...(route.readsUnsubscribeKey ? { readsSecrets: true } : {}),
        environment: {
          ...props.environment,
          ...(route.tableActions.length ? { TABLE_NAME: props.table.tableName } : {}),
        },
      });
      grantTableActions(fn.role, props.table, props.key, route.tableActions, route.tablePartitions);
      if (route.readsUnsubscribeKey)
        props.mail.grantUnsubscribeLinks(fn.role, (variable, value) => fn.fn.addEnvironment(variable, value));
      if (route.staffAccounts) props.identity.grantStaffAccounts(fn, route.staffAccounts);
      if (route.bucketPrefixes) {
        grantBucketPrefixes(fn.role, props.bucket, props.key, route.bucketPrefixes);
        fn.fn.addEnvironment('BUCKET_NAME', props.bucket.bucketName);
      }
      acknowledge(
        fn.fn,
        'Serverless-LambdaDLQ',
        'Invoked synchronously by API Gateway: a failure is answered to the caller, a DLQ only serves asynchronous invocations.',
      );
      this.functions.set(route.handler, fn);
      const [path, method] = [route.path, apigw.HttpMethod[route.method]];
      const [created] = this.httpApi.addRoutes({
        path,
        methods: [method],
        integration: new HttpLambdaIntegration(`${name}Integration`, fn.fn),
        ...(route.roles === 'public' ? { authorizer: new apigw.HttpNoneAuthorizer() } : {}),
        ...(route.scopes ? { authorizationScopes: [...route.scopes] } : {}),
      });
      if (route.roles === 'public' && created) {
        acknowledge(created, 'AwsSolutions-APIG4', 'Public on purpose: the OpenAPI document holds no data.');
      }
    }
  }
}
