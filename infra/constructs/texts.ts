import { Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as kms from 'aws-cdk-lib/aws-kms';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import * as smsvoice from 'aws-cdk-lib/aws-smsvoice';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as subscriptions from 'aws-cdk-lib/aws-sns-subscriptions';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { STOP_KEYWORDS } from '../../shared/campaigns/message.ts';

/** What the number answers to a keyword: said once, in the three languages the register writes. */
const STOPPED =
  'Moymore: tekstiviestimarkkinointi lopetettu. Sms-marknadsföringen avslutad. Marketing texts stopped.';
const HELP = 'Moymore kanta-asiakaspalvelu / kundtjänst / customer service: moymore.fi/asiakaspalvelu';

/**
 * The register's text messages through AWS End User Messaging SMS: an origination number whose
 * STOP keywords (STOP, and LOPETA and SLUTA in Finnish and Swedish) put the sender on the register's
 * opt-out list, and whose replies reach an SNS topic the register hears, so that a STOP also
 * withdraws the member's consent. A deployment that already has a registered number or pool names it
 * with `-c smsOrigination=<its ARN>`; else a long code of the country `smsCountry` (FI) is ordered.
 */
export class RegisterTexts extends Construct {
  readonly configurationSet: smsvoice.CfnConfigurationSet;
  readonly replies: sns.Topic;
  /** The origination identity's ARN: a phone number or a pool. */
  readonly origination: string;

  constructor(scope: Construct, id: string, props: { key: kms.IKey }) {
    super(scope, id);
    const stack = Stack.of(this);
    this.configurationSet = new smsvoice.CfnConfigurationSet(this, 'ConfigurationSet', {});
    const optOuts = new smsvoice.CfnOptOutList(this, 'OptOuts', {});
    this.replies = new sns.Topic(this, 'Replies', {
      displayName: 'Replies to the register’s text messages',
      masterKey: props.key,
      enforceSSL: true,
    });
    const fromThisAccount = { StringEquals: { 'aws:SourceAccount': stack.account } };
    const service = new iam.ServicePrincipal('sms-voice.amazonaws.com');
    this.replies.addToResourcePolicy(
      new iam.PolicyStatement({
        principals: [service],
        actions: ['sns:Publish'],
        resources: [this.replies.topicArn],
        conditions: fromThisAccount,
      }),
    );
    props.key.addToResourcePolicy(
      new iam.PolicyStatement({
        principals: [service],
        actions: ['kms:GenerateDataKey*', 'kms:Decrypt'],
        resources: ['*'],
        conditions: fromThisAccount,
      }),
    );
    const given = this.node.tryGetContext('smsOrigination') as string | undefined;
    if (given) {
      this.origination = given;
      return;
    }
    // STOP is the service's own; the others answer as it does.
    const optionalStops = STOP_KEYWORDS.filter((keyword) => keyword !== 'STOP');
    const number = new smsvoice.CfnPhoneNumber(this, 'Number', {
      isoCountryCode: (this.node.tryGetContext('smsCountry') as string | undefined) ?? 'FI',
      numberType: 'LONG_CODE',
      numberCapabilities: ['SMS'],
      mandatoryKeywords: { stop: { message: STOPPED }, help: { message: HELP } },
      optionalKeywords: optionalStops.map((keyword) => ({ keyword, action: 'OPT_OUT', message: STOPPED })),
      optOutListName: optOuts.ref,
      twoWay: { enabled: true, channelArn: this.replies.topicArn },
    });
    this.origination = number.attrArn;
  }

  /** Lets a function send text messages from the register's number, through its configuration set, and nothing else. */
  grantSend(role: iam.IRole, environment: (name: string, value: string) => void) {
    role.addToPrincipalPolicy(
      new iam.PolicyStatement({
        actions: ['sms-voice:SendTextMessage'],
        resources: [this.origination, this.configurationSet.attrArn],
      }),
    );
    environment('SMS_ORIGINATION', this.origination);
    environment('SMS_CONFIGURATION_SET', this.configurationSet.attrArn);
  }

  /** Hands every reply to the function (one it fails on, after SNS's retries, to the dead-letter queue). */
  hearReplies(fn: lambda.IFunction, deadLetterQueue: sqs.IQueue) {
    this.replies.addSubscription(new subscriptions.LambdaSubscription(fn, { deadLetterQueue }));
  }
}
