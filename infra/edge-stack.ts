import { Stack, type StackProps } from 'aws-cdk-lib';
import * as wafv2 from 'aws-cdk-lib/aws-wafv2';
import type { Construct } from 'constructs';

/** Requests per client IP in five minutes before the firewall answers 429 for a while. */
export const RATE_LIMIT_PER_5_MIN = 1000;

/**
 * The firewall where browsers and tills come in: a web ACL for the CloudFront distribution that
 * serves the console and the API. CloudFront's web ACLs live in us-east-1, hence a stack of its own.
 */
export class EdgeStack extends Stack {
  readonly webAcl: wafv2.CfnWebACL;

  constructor(scope: Construct, id: string, props: StackProps) {
    super(scope, id, props);
    // Counts only: a sampled request would keep its headers (a bearer token among them) and its path
    // (customer numbers) in us-east-1, outside the EU/EEA where the register keeps personal data.
    const visibility = (metricName: string) => ({
      cloudWatchMetricsEnabled: true,
      sampledRequestsEnabled: false,
      metricName,
    });
    const managed = (
      name: string,
      priority: number,
      counted: string[] = [],
    ): wafv2.CfnWebACL.RuleProperty => ({
      name,
      priority,
      overrideAction: { none: {} },
      statement: {
        managedRuleGroupStatement: {
          vendorName: 'AWS',
          name,
          ...(counted.length
            ? { ruleActionOverrides: counted.map((rule) => ({ name: rule, actionToUse: { count: {} } })) }
            : {}),
        },
      },
      visibilityConfig: visibility(name),
    });
    this.webAcl = new wafv2.CfnWebACL(this, 'WebAcl', {
      scope: 'CLOUDFRONT',
      defaultAction: { allow: {} },
      description: 'Moymore loyalty register: console, API and tills',
      customResponseBodies: {
        TooMany: { contentType: 'APPLICATION_JSON', content: '{"message":"Too many requests"}' },
      },
      rules: [
        {
          name: 'RatePerClient',
          priority: 0,
          action: { block: { customResponse: { responseCode: 429, customResponseBodyKey: 'TooMany' } } },
          statement: { rateBasedStatement: { limit: RATE_LIMIT_PER_5_MIN, aggregateKeyType: 'IP' } },
          visibilityConfig: visibility('RatePerClient'),
        },
        // The tills' receipt batches are larger than the group's 8 KB body limit; the API caps bodies itself.
        managed('AWSManagedRulesCommonRuleSet', 1, ['SizeRestrictions_BODY']),
        managed('AWSManagedRulesKnownBadInputsRuleSet', 2),
      ],
      visibilityConfig: visibility('MoymoreRegister'),
    });
  }
}
