import { SendEmailCommand, SESv2Client } from '@aws-sdk/client-sesv2';
import { MessageNotSent, type Mail, type Mailer } from '../mail/mailer.ts';

/**
 * Mail through Amazon SES v2, from the register's sending address (MAIL_FROM) and, when the stack
 * made one, its configuration set (MAIL_CONFIGURATION_SET), whose events tell of bounces and
 * complaints. Locally the same client reaches aws-ses-v2-local (AWS_ENDPOINT_URL_SESV2).
 */
export class SesMailer implements Mailer {
  constructor(
    // One attempt: a send is not idempotent, and one SES took before a timeout would go twice.
    private readonly client = new SESv2Client({ maxAttempts: 1 }),
    private readonly from = mailFrom(),
    private readonly configurationSet = process.env.MAIL_CONFIGURATION_SET,
  ) {}

  async send(mail: Mail): Promise<void> {
    try {
      await this.client.send(
        new SendEmailCommand({
          FromEmailAddress: this.from,
          Destination: { ToAddresses: [mail.to] },
          ...(this.configurationSet ? { ConfigurationSetName: this.configurationSet } : {}),
          ...(mail.tags
            ? { EmailTags: Object.entries(mail.tags).map(([Name, Value]) => ({ Name, Value })) }
            : {}),
          Content: {
            Simple: {
              Subject: { Data: mail.subject, Charset: 'UTF-8' },
              Body: { Text: { Data: mail.text, Charset: 'UTF-8' } },
              Headers: Object.entries(mail.headers ?? {}).map(([Name, Value]) => ({ Name, Value })),
            },
          },
        }),
      );
    } catch (error) {
      throw notTakenOr(error);
    }
  }
}

/** SES's answers that say the message was not taken: refused for good, or not now (its rate). */
const REFUSED_FOR_GOOD = new Set(['MessageRejected', 'BadRequestException']);
const NOT_NOW = new Set(['TooManyRequestsException', 'LimitExceededException']);
function notTakenOr(error: unknown): unknown {
  const name = error instanceof Error ? error.name : '';
  if (REFUSED_FOR_GOOD.has(name)) return new MessageNotSent(true);
  if (NOT_NOW.has(name)) return new MessageNotSent(false);
  return error;
}

function mailFrom(): string {
  const from = process.env.MAIL_FROM;
  if (!from) throw new Error('MAIL_FROM is not set');
  return from;
}
