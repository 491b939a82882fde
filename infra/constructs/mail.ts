import { CfnOutput, Stack } from 'aws-cdk-lib';
import * as events from 'aws-cdk-lib/aws-events';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import * as ses from 'aws-cdk-lib/aws-ses';
import { Construct } from 'constructs';
import { acknowledge } from '../nag.ts';

/**
 * The register's mail through Amazon SES v2: the sending domain as a verified identity (DKIM; its
 * three CNAME records are outputs, for the domain's DNS), and a configuration set that requires TLS
 * and keeps addresses that bounced or complained off later sending.
 */
export class RegisterMail extends Construct {
  readonly identity: ses.EmailIdentity;
  readonly configurationSet: ses.ConfigurationSet;
  /** The sender of every message, at the verified domain. */
  readonly from: string;
  /** Seals the unsubscribe links of marketing messages (generated here; nobody types it). */
  readonly unsubscribeKey: secretsmanager.Secret;

  constructor(scope: Construct, id: string, props: { domain: string }) {
    super(scope, id);
    this.configurationSet = new ses.ConfigurationSet(this, 'ConfigurationSet', {
      tlsPolicy: ses.ConfigurationSetTlsPolicy.REQUIRE,
      suppressionReasons: ses.SuppressionReasons.BOUNCES_AND_COMPLAINTS,
      reputationMetrics: true,
    });
    // Bounces, complaints and deliveries to the account's default bus, where the register's rule hears them.
    this.configurationSet.addEventDestination('ToEventBridge', {
      destination: ses.EventDestination.eventBus(
        events.EventBus.fromEventBusName(this, 'DefaultBus', 'default'),
      ),
      events: [ses.EmailSendingEvent.BOUNCE, ses.EmailSendingEvent.COMPLAINT, ses.EmailSendingEvent.DELIVERY],
    });
    this.identity = new ses.EmailIdentity(this, 'Identity', {
      identity: ses.Identity.domain(props.domain),
      configurationSet: this.configurationSet,
    });
    this.from = `Moymore <kanta-asiakas@${props.domain}>`;
    this.unsubscribeKey = new secretsmanager.Secret(this, 'UnsubscribeKey', {
      description: 'Seals the unsubscribe links of marketing messages',
      generateSecretString: { passwordLength: 64, excludePunctuation: true },
    });
    acknowledge(
      this.unsubscribeKey,
      'AwsSolutions-SMG4',
      'Not rotated: a new key would void every unsubscribe link in members’ mailboxes (they work for 90 days).',
    );
    [1, 2, 3].forEach((i) => {
      const name = this.identity[`dkimDnsTokenName${i as 1 | 2 | 3}`];
      const value = this.identity[`dkimDnsTokenValue${i as 1 | 2 | 3}`];
      new CfnOutput(this, `Dkim${i}`, {
        value: `${name} CNAME ${value}`,
        description: 'Add to the domain’s DNS',
      });
    });
  }

  /** Lets a function send from the register's identity, through its configuration set, and nothing else. */
  grantSend(role: iam.IRole, environment: (name: string, value: string) => void) {
    const stack = Stack.of(this);
    role.addToPrincipalPolicy(
      new iam.PolicyStatement({
        actions: ['ses:SendEmail'],
        resources: [
          stack.formatArn({
            service: 'ses',
            resource: 'identity',
            resourceName: this.identity.emailIdentityName,
          }),
          stack.formatArn({
            service: 'ses',
            resource: 'configuration-set',
            resourceName: this.configurationSet.configurationSetName,
          }),
        ],
      }),
    );
    environment('MAIL_FROM', this.from);
    environment('MAIL_CONFIGURATION_SET', this.configurationSet.configurationSetName);
  }

  /** Lets a function seal and open unsubscribe links: it may read their key, and nothing else. */
  grantUnsubscribeLinks(role: iam.IRole, environment: (name: string, value: string) => void) {
    this.unsubscribeKey.grantRead(role);
    environment('UNSUBSCRIBE_SECRET_ARN', this.unsubscribeKey.secretArn);
  }
}
