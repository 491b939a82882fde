import { Duration, Stack, TimeZone } from 'aws-cdk-lib';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import { DynamoEventSource, SqsDlq } from 'aws-cdk-lib/aws-lambda-event-sources';
import * as events from 'aws-cdk-lib/aws-events';
import * as eventTargets from 'aws-cdk-lib/aws-events-targets';
import type * as kms from 'aws-cdk-lib/aws-kms';
import { SqsDestination } from 'aws-cdk-lib/aws-lambda-destinations';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { LambdaDestination } from 'aws-cdk-lib/aws-s3-notifications';
import * as scheduler from 'aws-cdk-lib/aws-scheduler';
import { LambdaInvoke, StepFunctionsStartExecution } from 'aws-cdk-lib/aws-scheduler-targets';
import * as logsLib from 'aws-cdk-lib/aws-logs';
import * as sfn from 'aws-cdk-lib/aws-stepfunctions';
import * as tasks from 'aws-cdk-lib/aws-stepfunctions-tasks';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import type { RegisterMail } from './mail.ts';
import { RegisterTexts } from './texts.ts';
import {
  jobFunctionVariable,
  jobRequestHandler,
  type JobSpec,
  type ObjectEventSpec,
} from '../../shared/contract/jobs.ts';
import { AnotherRunActive } from '../../shared/jobs/lease.ts';
import { acknowledge } from '../nag.ts';
import { jobRequestPattern } from '../../shared/store/dynamo-job-requests.ts';
import { grantBucketPrefixes, grantTableActions } from './grants.ts';
import { RegisterFunction } from './register-function.ts';

export interface RegisterJobsProps {
  jobs: Record<string, JobSpec>;
  objectEvents: readonly ObjectEventSpec[];
  table: dynamodb.ITable;
  bucket: s3.IBucket;
  key: kms.IKey;
  mail: RegisterMail;
}

const pascal = (name: string) => name.replace(/(^|[-/])(\w)/g, (_, _sep, c: string) => c.toUpperCase());

/**
 * Scheduled jobs, jobs that routes ask for (through the table's stream), and S3-triggered handlers.
 * Every asynchronous target has an explicit retry policy, a maximum event age, and a dead-letter
 * queue whose depth raises an alarm.
 */
export class RegisterJobs extends Construct {
  readonly functions = new Map<string, RegisterFunction>();
  readonly alarms: cloudwatch.Alarm[] = [];
  /** Functions whose messages carry links to the API: the stack gives them its public URL. */
  readonly linking: lambda.Function[] = [];
  /** Workflows an operator starts, by the job's name: their ARNs are the stack's outputs. */
  readonly startedByHand = new Map<string, { stateMachineArn: string }>();

  constructor(scope: Construct, id: string, props: RegisterJobsProps) {
    super(scope, id);
    const environment = { TABLE_NAME: props.table.tableName, BUCKET_NAME: props.bucket.bucketName };

    // Beside the jobs that send and hear them: a subscription may not reach into a parent stack.
    const texts = new RegisterTexts(this, 'Texts', { key: props.key });
    const startedByRequests = new Map<string, lambda.IFunction>();
    for (const [name, job] of Object.entries(props.jobs)) {
      const fn = this.function(pascal(name), job, props, environment);
      const environmentOf = (variable: string, value: string) => fn.fn.addEnvironment(variable, value);
      if (job.sendsMail) props.mail.grantSend(fn.role, environmentOf);
      if (job.sendsTexts) texts.grantSend(fn.role, environmentOf);
      if (job.textReplies) texts.hearReplies(fn.fn, this.deadLetterQueue(`${pascal(name)}Replies`));
      if (job.readsUnsubscribeKey) {
        props.mail.grantUnsubscribeLinks(fn.role, environmentOf);
        this.linking.push(fn.fn);
      }
      if (job.startedByApi) {
        // Invoked asynchronously for a route's request: Lambda retries it, then hands it to the on-failure queue.
        fn.fn.configureAsyncInvoke({
          retryAttempts: 2,
          maxEventAge: Duration.hours(1),
          onFailure: new SqsDestination(this.deadLetterQueue(pascal(name))),
        });
        startedByRequests.set(name, fn.fn);
      }
      acknowledge(
        fn.fn,
        'Serverless-LambdaDLQ',
        job.startedByApi || job.sesEvents
          ? 'Failed asynchronous invocations go to an on-failure destination queue (EventInvokeConfig), with an alarm.'
          : 'Invoked by EventBridge Scheduler, whose target has its own retry policy and dead-letter queue.',
      );
      // The scheduler's role invokes the function and its versions; CDK writes that as ARN:*.
      acknowledge(
        Stack.of(this),
        `AwsSolutions-IAM5[Resource::<${Stack.of(this).getLogicalId(fn.fn.node.defaultChild as lambda.CfnFunction)}.Arn>:*]`,
        'The scheduler may invoke this one function (any version); nothing else.',
      );
      this.alarm(
        `${pascal(name)}Errors`,
        `The ${name} job failed`,
        fn.fn.metricErrors({ period: Duration.minutes(5) }),
      );
      for (const alarm of job.alarms ?? []) {
        this.alarm(
          `${pascal(name)}${alarm.metric}`,
          alarm.description,
          new cloudwatch.Metric({
            namespace: alarm.namespace,
            metricName: alarm.metric,
            dimensionsMap: { service: alarm.service },
            statistic: 'Maximum',
            period: Duration.hours(1),
          }),
        );
      }
      if (job.sesEvents) this.hearMailEvents(pascal(name), fn.fn);
      const loop = job.runsUntilDone ? this.loopUntilDone(pascal(name), fn.fn) : undefined;
      if (!job.schedule) {
        // Started by hand: `aws stepfunctions start-execution` with the job's input.
        if (loop) this.startedByHand.set(pascal(name), loop);
        continue;
      }
      const targetProps = {
        retryAttempts: 2,
        maxEventAge: Duration.hours(2),
        deadLetterQueue: this.deadLetterQueue(`${pascal(name)}Schedule`),
      };
      new scheduler.Schedule(this, `${pascal(name)}Schedule`, {
        description: job.description,
        schedule: scheduler.ScheduleExpression.cron({
          minute: String(job.schedule.minute),
          hour: String(job.schedule.hour),
          ...(job.schedule.day ? { day: job.schedule.day } : {}),
          timeZone: TimeZone.EUROPE_HELSINKI,
        }),
        target: loop
          ? new StepFunctionsStartExecution(loop, targetProps)
          : new LambdaInvoke(fn.fn, targetProps),
      });
    }

    if (startedByRequests.size > 0) this.handJobRequests(props, environment, startedByRequests);

    for (const event of props.objectEvents) {
      const fn = this.function(pascal(event.handler), event, props, environment);
      acknowledge(
        fn.fn,
        'Serverless-LambdaDLQ',
        'Failed asynchronous invocations go to an on-failure destination queue (EventInvokeConfig), with an alarm.',
      );
      fn.fn.configureAsyncInvoke({
        retryAttempts: 2,
        maxEventAge: Duration.hours(6),
        onFailure: new SqsDestination(this.deadLetterQueue(pascal(event.handler))),
      });
      props.bucket.addEventNotification(s3.EventType.OBJECT_CREATED, new LambdaDestination(fn.fn), {
        prefix: event.prefix,
      });
      // The notification's custom resource is made in the bucket's stack.
      acknowledge(
        Stack.of(props.bucket),
        'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
        'Only CDK’s own bucket-notification custom resource uses it, at deploy time; the register’s functions have their own roles.',
      );
    }
  }

  /**
   * The SES events of the register's configuration set reach the default bus; a rule hands the
   * bounces and complaints of messages that name a member to the function (an event it cannot
   * deliver goes to a dead-letter queue, one the function fails on to an on-failure queue).
   * Deliveries stay on the bus: they change nothing in the register.
   */
  private hearMailEvents(id: string, fn: lambda.Function) {
    // EventBridge invokes asynchronously: an event the function fails on is retried, then kept.
    fn.configureAsyncInvoke({
      retryAttempts: 2,
      maxEventAge: Duration.hours(6),
      onFailure: new SqsDestination(this.deadLetterQueue(`${id}Failures`)),
    });
    new events.Rule(this, `${id}Rule`, {
      description: 'Bounces and complaints of the register’s messages to members',
      eventPattern: {
        source: ['aws.ses'],
        detail: { eventType: ['Bounce', 'Complaint'], mail: { tags: { member: [{ exists: true }] } } },
      },
      targets: [
        new eventTargets.LambdaFunction(fn, {
          retryAttempts: 2,
          maxEventAge: Duration.hours(6),
          deadLetterQueue: this.deadLetterQueue(`${id}Events`),
        }),
      ],
    });
  }

  private function(
    id: string,
    spec: Pick<JobSpec, 'handler' | 'description' | 'tableActions' | 'bucket' | 'readsUnsubscribeKey'>,
    props: RegisterJobsProps,
    environment: Record<string, string>,
    size: { timeout: Duration; memorySize: number } = { timeout: Duration.minutes(15), memorySize: 1024 },
  ): RegisterFunction {
    const fn = new RegisterFunction(this, id, {
      handler: spec.handler,
      description: spec.description,
      environment,
      ...size,
      ...(spec.readsUnsubscribeKey ? { readsSecrets: true } : {}),
    });
    grantTableActions(fn.role, props.table, props.key, spec.tableActions);
    grantBucketPrefixes(fn.role, props.bucket, props.key, spec.bucket);
    this.functions.set(spec.handler, fn);
    return fn;
  }

  /**
   * The table stream's one reader (a shard takes two at most): new job requests, by their key's
   * prefix, each handed to its job's function, which only it and a job's schedule invoke. A request
   * it cannot hand on is given again, twice, then reported to an on-failure queue with an alarm; a
   * stream it falls behind on raises an alarm too. It starts from the stream's oldest record, so
   * that no request written while it is first deployed is missed (a request started twice is
   * tolerated by every job a route starts).
   */
  private handJobRequests(
    props: RegisterJobsProps,
    environment: Record<string, string>,
    jobs: Map<string, lambda.IFunction>,
  ) {
    const fn = this.function(
      'JobRequests',
      { ...jobRequestHandler, bucket: {} },
      props,
      { TABLE_NAME: environment.TABLE_NAME! },
      {
        timeout: Duration.seconds(30),
        memorySize: 256,
      },
    );
    for (const [name, job] of jobs) {
      fn.fn.addEnvironment(jobFunctionVariable(name), job.functionName);
      job.grantInvoke(fn.fn);
      acknowledge(
        fn.role,
        `AwsSolutions-IAM5[Resource::<${Stack.of(this).getLogicalId(job.node.defaultChild as lambda.CfnFunction)}.Arn>:*]`,
        'The job-requests function may invoke this one job function (any version); nothing else.',
      );
    }
    acknowledge(
      fn.role,
      'AwsSolutions-IAM5[Resource::*]',
      'dynamodb:ListStreams, which reading the table’s stream needs, takes no resource.',
    );
    fn.fn.addEventSource(
      new DynamoEventSource(props.table, {
        startingPosition: lambda.StartingPosition.TRIM_HORIZON,
        batchSize: 1,
        retryAttempts: 2,
        // With the job's own hour (maxEventAge), within the 7 h after which an audience may be started again.
        maxRecordAge: Duration.hours(5),
        reportBatchItemFailures: true,
        onFailure: new SqsDlq(this.deadLetterQueue('JobRequests')),
        filters: [lambda.FilterCriteria.filter(jobRequestPattern())],
      }),
    );
    acknowledge(
      fn.fn,
      'Serverless-LambdaDLQ',
      'Reads the table’s stream: a request it cannot hand on goes to the mapping’s on-failure queue, with an alarm.',
    );
    this.alarm(
      'JobRequestsBehind',
      'The job-requests function is more than 5 minutes behind the table’s stream',
      fn.fn.metric('IteratorAge', { statistic: 'Maximum', period: Duration.minutes(5) }),
      5 * 60 * 1000,
    );
  }

  /** A dead-letter queue for a failed invocation or stream batch, with an alarm as soon as anything lands in it. */
  private deadLetterQueue(id: string): sqs.Queue {
    const queue = new sqs.Queue(this, `${id}DeadLetters`, {
      encryption: sqs.QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
    });
    acknowledge(
      queue,
      'AwsSolutions-SQS3',
      'This queue is itself a dead-letter queue; what lands here is inspected by hand.',
    );
    acknowledge(
      queue,
      'Serverless-SQSRedrivePolicy',
      'This queue is itself a dead-letter queue: nothing redrives from it.',
    );
    this.alarm(
      `${id}DeadLetters`,
      `A failed ${id} invocation waits in its dead-letter queue`,
      queue.metricApproximateNumberOfMessagesVisible({ period: Duration.minutes(5) }),
    );
    return queue;
  }

  /** An alarm as soon as the metric reaches the threshold (1) in a period; no data (nothing happened) is fine. */
  private alarm(id: string, description: string, metric: cloudwatch.IMetric, threshold = 1): void {
    this.alarms.push(
      new cloudwatch.Alarm(this, `${id}Alarm`, {
        alarmDescription: description,
        metric,
        threshold,
        evaluationPeriods: 1,
        comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
        treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
      }),
    );
  }

  /**
   * A job that may outlast one invocation: a Standard workflow invokes it, and again while it
   * answers `done: false`; each invocation resumes from the checkpoint the previous one saved.
   */
  private loopUntilDone(id: string, fn: lambda.IFunction): sfn.StateMachine {
    const invoke = new tasks.LambdaInvoke(this, `${id}Invoke`, {
      lambdaFunction: fn,
      payloadResponseOnly: true,
      retryOnServiceExceptions: true,
    });
    // A run still holding the lease (or one that died, until its lease lapses): wait, then go on.
    invoke.addRetry({
      errors: [new AnotherRunActive().name],
      maxAttempts: 4,
      interval: Duration.minutes(5),
      backoffRate: 2,
    });
    invoke.addRetry({ errors: ['States.TaskFailed'], maxAttempts: 2, interval: Duration.minutes(1) });
    const logs = new logsLib.LogGroup(this, `${id}WorkflowLogs`, {
      retention: logsLib.RetentionDays.THREE_MONTHS,
    });
    const machine = new sfn.StateMachine(this, `${id}Workflow`, {
      definitionBody: sfn.DefinitionBody.fromChainable(
        invoke.next(
          new sfn.Choice(this, `${id}Done`)
            .when(sfn.Condition.booleanEquals('$.done', true), new sfn.Succeed(this, `${id}Finished`))
            .otherwise(invoke),
        ),
      ),
      timeout: Duration.hours(12),
      tracingEnabled: true,
      // Execution data is left out of the logs: the job's answer names files and counts, but never log more than needed.
      logs: { destination: logs, level: sfn.LogLevel.ALL, includeExecutionData: false },
    });
    acknowledge(
      machine.role,
      'AwsSolutions-IAM5[Resource::*]',
      'X-Ray tracing and CloudWatch log delivery take no resource-level permissions (AWS documents "*").',
    );
    acknowledge(
      machine.role,
      `AwsSolutions-IAM5[Resource::<${Stack.of(this).getLogicalId(fn.node.defaultChild as lambda.CfnFunction)}.Arn>:*]`,
      'The workflow may invoke this one function (any version); nothing else.',
    );
    this.alarm(`${id}WorkflowFailed`, `The ${id} workflow failed or timed out`, machine.metricFailed());
    this.alarm(`${id}WorkflowTimedOut`, `The ${id} workflow timed out`, machine.metricTimedOut());
    return machine;
  }
}
