import { join } from 'node:path';
import { existsSync } from 'node:fs';
import { Duration, RemovalPolicy, Stack } from 'aws-cdk-lib';
import * as acm from 'aws-cdk-lib/aws-certificatemanager';
import * as cloudfront from 'aws-cdk-lib/aws-cloudfront';
import * as origins from 'aws-cdk-lib/aws-cloudfront-origins';
import type * as apigw from 'aws-cdk-lib/aws-apigatewayv2';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as deployment from 'aws-cdk-lib/aws-s3-deployment';
import { Construct } from 'constructs';
import { PROJECT_ROOT } from '../bundling.ts';
import { CONSOLE_PATHS, consoleSecurityHeaders, type ConsoleConfig } from '../../shared/contract/console.ts';
import { acknowledge } from '../nag.ts';

export const CONSOLE_DIST = join(PROJECT_ROOT, 'web', 'dist');

/** CloudFront Functions (viewer request), as their source: a console route is answered by index.html. */
export const CONSOLE_ROUTES_CODE = `function handler(event){var r=event.request;if(!/\\.[a-z0-9]+$/i.test(r.uri)){r.uri='/index.html';}return r;}`;
/** The API's routes have no /api prefix: CloudFront strips it on the way. */
export const API_PREFIX_CODE = `function handler(event){var r=event.request;r.uri=r.uri.substring(${CONSOLE_PATHS.api.length})||'/';return r;}`;

/** CloudFront's security headers policy, from the same list the local front door sends. */
function securityHeaders(scope: Construct, identityOrigins: string[]) {
  const headers = consoleSecurityHeaders(identityOrigins);
  return new cloudfront.ResponseHeadersPolicy(scope, 'SecurityHeaders', {
    comment: 'Moymore console: CSP without inline script, HSTS, no framing',
    securityHeadersBehavior: {
      contentSecurityPolicy: { contentSecurityPolicy: headers['content-security-policy']!, override: true },
      strictTransportSecurity: {
        accessControlMaxAge: Duration.days(730),
        includeSubdomains: true,
        override: true,
      },
      contentTypeOptions: { override: true },
      frameOptions: { frameOption: cloudfront.HeadersFrameOption.DENY, override: true },
      referrerPolicy: { referrerPolicy: cloudfront.HeadersReferrerPolicy.NO_REFERRER, override: true },
    },
    customHeadersBehavior: {
      customHeaders: [
        { header: 'permissions-policy', value: headers['permissions-policy']!, override: true },
      ],
    },
  });
}

export interface RegisterConsoleProps {
  api: apigw.IHttpApi;
  accessLogs: s3.IBucket;
  /** The AWS WAF web ACL (us-east-1) in front of everything the distribution serves. */
  webAclArn: string;
  /** Where the console sends people to sign in, and what it may connect to for it. */
  config: ConsoleConfig;
  identityOrigins: string[];
  /** The console's own name and its ACM certificate (us-east-1); CloudFront's default name otherwise. */
  domain?: { name: string; certificateArn: string };
}

/**
 * The console: a private bucket behind CloudFront (origin access control), and the API below /api
 * on the same origin, so the firewall sees every request of browsers and tills and the browser makes
 * no cross-origin call at all.
 */
export class RegisterConsole extends Construct {
  readonly distribution: cloudfront.Distribution;
  readonly bucket: s3.Bucket;

  constructor(
    scope: Construct,
    id: string,
    private readonly props: RegisterConsoleProps,
  ) {
    super(scope, id);
    this.bucket = new s3.Bucket(this, 'Files', {
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      encryption: s3.BucketEncryption.S3_MANAGED,
      serverAccessLogsBucket: props.accessLogs,
      serverAccessLogsPrefix: 'console-bucket/',
      removalPolicy: RemovalPolicy.DESTROY,
      autoDeleteObjects: false,
    });

    const consoleRoutes = new cloudfront.Function(this, 'ConsoleRoutes', {
      runtime: cloudfront.FunctionRuntime.JS_2_0,
      code: cloudfront.FunctionCode.fromInline(CONSOLE_ROUTES_CODE),
    });
    const apiPrefix = new cloudfront.Function(this, 'ApiPrefix', {
      runtime: cloudfront.FunctionRuntime.JS_2_0,
      code: cloudfront.FunctionCode.fromInline(API_PREFIX_CODE),
    });
    const region = Stack.of(this).region;
    this.distribution = new cloudfront.Distribution(this, 'Distribution', {
      comment: 'Moymore loyalty register: console and API',
      defaultRootObject: 'index.html',
      webAclId: props.webAclArn,
      httpVersion: cloudfront.HttpVersion.HTTP2_AND_3,
      minimumProtocolVersion: cloudfront.SecurityPolicyProtocol.TLS_V1_2_2021,
      ...(props.domain
        ? {
            domainNames: [props.domain.name],
            certificate: acm.Certificate.fromCertificateArn(this, 'Certificate', props.domain.certificateArn),
          }
        : {}),
      enableLogging: true,
      logBucket: props.accessLogs,
      logFilePrefix: 'cloudfront/',
      defaultBehavior: {
        origin: origins.S3BucketOrigin.withOriginAccessControl(this.bucket),
        viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        responseHeadersPolicy: securityHeaders(this, props.identityOrigins),
        functionAssociations: [
          { function: consoleRoutes, eventType: cloudfront.FunctionEventType.VIEWER_REQUEST },
        ],
      },
      additionalBehaviors: {
        [`${CONSOLE_PATHS.api}/*`]: {
          origin: new origins.HttpOrigin(`${props.api.apiId}.execute-api.${region}.amazonaws.com`),
          viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.HTTPS_ONLY,
          allowedMethods: cloudfront.AllowedMethods.ALLOW_ALL,
          cachePolicy: cloudfront.CachePolicy.CACHING_DISABLED,
          originRequestPolicy: cloudfront.OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER,
          responseHeadersPolicy: cloudfront.ResponseHeadersPolicy.SECURITY_HEADERS,
          functionAssociations: [
            { function: apiPrefix, eventType: cloudfront.FunctionEventType.VIEWER_REQUEST },
          ],
        },
      },
    });
    acknowledge(
      this.distribution,
      'AwsSolutions-CFR1',
      'No geo restriction: members use the register from abroad too; the web ACL rate-limits per client.',
    );
    if (!props.domain)
      acknowledge(
        this.distribution,
        'AwsSolutions-CFR4',
        'The default CloudFront certificate allows TLSv1 viewers; the context values consoleDomain and consoleCertificateArn fix it, see README.',
      );

    if (!existsSync(join(CONSOLE_DIST, 'index.html')))
      throw new Error('The console is not built: run `npm run build` before `cdk synth` or `cdk deploy`.');
    new deployment.BucketDeployment(this, 'Deploy', {
      destinationBucket: this.bucket,
      sources: [
        deployment.Source.asset(CONSOLE_DIST),
        deployment.Source.jsonData(CONSOLE_PATHS.config.slice(1), props.config),
      ],
      distribution: this.distribution,
      distributionPaths: ['/index.html', CONSOLE_PATHS.config],
      memoryLimit: 512,
    });
    // The deployment's function is CDK's own singleton at the stack's root; aws-cdk-lib writes its code and policy.
    const stack = Stack.of(this);
    const singleton = stack.node.children.find((child) =>
      child.node.id.startsWith('Custom::CDKBucketDeployment'),
    )!;
    const cdkOwn =
      'CDK’s own bucket-deployment custom resource: aws-cdk-lib chooses its runtime and writes its policy';
    for (const rule of [
      'AwsSolutions-L1',
      'Serverless-LambdaDLQ',
      'Serverless-LambdaLatestVersion',
      'Serverless-LambdaTracing',
    ])
      acknowledge(singleton, rule, `${cdkOwn}; it runs only during a deployment.`);
    for (const finding of [
      'Action::s3:Abort*',
      'Action::s3:DeleteObject*',
      'Action::s3:GetBucket*',
      'Action::s3:GetObject*',
      'Action::s3:List*',
      'Resource::*',
      `Resource::<${stack.getLogicalId(this.bucket.node.defaultChild as s3.CfnBucket)}.Arn>/*`,
      `Resource::arn:<AWS::Partition>:s3:::cdk-hnb659fds-assets-<AWS::AccountId>-${stack.region}/*`,
    ])
      acknowledge(
        singleton,
        `AwsSolutions-IAM5[${finding}]`,
        `${cdkOwn}: it copies the built console into its bucket.`,
      );
  }

  get origin(): string {
    return `https://${this.props.domain?.name ?? this.distribution.distributionDomainName}`;
  }
}
