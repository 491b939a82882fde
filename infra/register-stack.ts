import { CfnOutput, NestedStack, Stack, type StackProps } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import { RegisterApi } from './constructs/api.ts';
import { RegisterData } from './constructs/data.ts';
import { RegisterIdentity } from './constructs/identity.ts';
import { RegisterConsole } from './constructs/console.ts';
import { routeList } from '../shared/contract/routes.ts';
import { jobs, objectEvents } from '../shared/contract/jobs.ts';
import { RegisterJobs } from './constructs/jobs.ts';
import { partnerRole } from './constructs/partners.ts';
import { RegisterMail } from './constructs/mail.ts';
import { partners } from '../shared/contract/partners.ts';
import type { DataLocation } from '../shared/privacy/data-location.ts';

/** The whole register in one stack: data, identity, and the API over both. */
export class RegisterStack extends Stack {
  readonly data: RegisterData;
  readonly api: RegisterApi;
  readonly jobs: RegisterJobs;

  readonly console: RegisterConsole;

  constructor(
    scope: Construct,
    id: string,
    props: StackProps & { webAclArn: string; placement: DataLocation },
  ) {
    super(scope, id, props);
    this.data = new RegisterData(this, 'Data');
    const consoleDomain = this.node.tryGetContext('consoleDomain') as string | undefined;
    const identity = new RegisterIdentity(this, 'Identity', {
      consoleOrigin: () => this.console.origin,
      table: this.data.table,
      key: this.data.key,
    });
    const mail = new RegisterMail(this, 'Mail', { domain: this.node.getContext('mailDomain') as string });
    // The jobs in a nested stack of their own: a stack holds at most 500 resources, and the API's
    // functions, routes and integrations take most of the parent's.
    this.jobs = new RegisterJobs(new NestedStack(this, 'JobsStack'), 'Jobs', {
      jobs,
      objectEvents,
      table: this.data.table,
      bucket: this.data.exchangeBucket,
      key: this.data.key,
      mail,
    });
    this.api = new RegisterApi(this, 'Api', {
      routes: routeList,
      identity,
      table: this.data.table,
      bucket: this.data.exchangeBucket,
      key: this.data.key,
      mail,
      // The notice and the records of processing state a transfer outside the EU/EEA and its safeguard.
      environment: props.placement.outsideEeaSafeguard
        ? { OUTSIDE_EEA_SAFEGUARD: props.placement.outsideEeaSafeguard }
        : {},
      ...(consoleDomain ? { consoleOrigin: `https://${consoleDomain}` } : {}),
    });
    this.console = new RegisterConsole(this, 'Console', {
      api: this.api.httpApi,
      accessLogs: this.data.accessLogs,
      webAclArn: props.webAclArn,
      config: identity.consoleConfig,
      identityOrigins: identity.consoleConnects,
      ...(consoleDomain
        ? {
            domain: {
              name: consoleDomain,
              certificateArn: this.node.getContext('consoleCertificateArn') as string,
            },
          }
        : {}),
    });
    // Links in messages reach the API below the console's origin; the sender keeps under the account's SES rate.
    const sendingRate = this.node.tryGetContext('sesSendingRate') as number | undefined;
    const textingRate = this.node.tryGetContext('smsSendingRate') as number | undefined;
    for (const fn of this.jobs.linking) {
      fn.addEnvironment('PUBLIC_API_URL', `${this.console.origin}/api`);
      if (sendingRate) fn.addEnvironment('MAIL_SENDS_PER_SECOND', String(sendingRate));
      if (textingRate) fn.addEnvironment('SMS_SENDS_PER_SECOND', String(textingRate));
    }
    for (const [id, partner] of Object.entries(partners)) {
      const account = this.node.tryGetContext(partner.accountContext) ?? this.account;
      const role = partnerRole(this, id, partner, this.data.exchangeBucket, this.data.key, account);
      new CfnOutput(this, `${id}RoleArn`, { value: role.roleArn });
    }
    for (const [name, workflow] of this.jobs.startedByHand)
      new CfnOutput(this, `${name}WorkflowArn`, { value: workflow.stateMachineArn });
    new CfnOutput(this, 'ConsoleUrl', { value: this.console.origin });
    new CfnOutput(this, 'ApiUrl', { value: `${this.console.origin}/api` });
    new CfnOutput(this, 'UserPoolId', { value: identity.userPool.userPoolId });
    new CfnOutput(this, 'UserPoolClientId', { value: identity.client.userPoolClientId });
    new CfnOutput(this, 'ExchangeBucket', { value: this.data.exchangeBucket.bucketName });
  }
}
