import { PinpointSMSVoiceV2Client, SendTextMessageCommand } from '@aws-sdk/client-pinpoint-sms-voice-v2';
import { MessageNotSent, type TextMessage, type Texter } from '../mail/mailer.ts';

/**
 * Text messages through AWS End User Messaging SMS, from the register's origination number
 * (SMS_ORIGINATION) through its configuration set (SMS_CONFIGURATION_SET), as promotional messages.
 * Locally the same client reaches the stand-in that keeps what was sent (AWS_ENDPOINT_URL_PINPOINT_SMS_VOICE_V2).
 */
export class SmsTexter implements Texter {
  constructor(
    // One attempt: a send is not idempotent, and one the service took before a timeout would go twice.
    // A refusal (its rate) is released and the run retried, at the sender's pace.
    private readonly client = new PinpointSMSVoiceV2Client({ maxAttempts: 1 }),
    private readonly origination = smsOrigination(),
    private readonly configurationSet = process.env.SMS_CONFIGURATION_SET,
  ) {}

  async send(message: TextMessage): Promise<void> {
    try {
      await this.client.send(
        new SendTextMessageCommand({
          DestinationPhoneNumber: message.to,
          OriginationIdentity: this.origination,
          MessageBody: message.text,
          MessageType: 'PROMOTIONAL',
          ...(this.configurationSet ? { ConfigurationSetName: this.configurationSet } : {}),
          ...(message.tags ? { Context: { ...message.tags } } : {}),
        }),
      );
    } catch (error) {
      throw notTakenOr(error);
    }
  }
}

/**
 * The service's answers that say the message was not taken. Refused for good only when the number
 * replied STOP (on the opt-out list); any other refusal (its rate, a registration not complete, a
 * country not enabled, the price limit) says nothing of the member: released, and the run fails
 * until the account is put right.
 */
function notTakenOr(error: unknown): unknown {
  const name = error instanceof Error ? error.name : '';
  const reason = (error as { Reason?: string } | undefined)?.Reason;
  if (name === 'ConflictException' && reason === 'DESTINATION_PHONE_NUMBER_OPTED_OUT')
    return new MessageNotSent(true);
  if (REFUSED.has(name)) return new MessageNotSent(false);
  return error;
}
const REFUSED = new Set([
  'ConflictException',
  'ValidationException',
  'ThrottlingException',
  'ServiceQuotaExceededException',
  'AccessDeniedException',
]);

function smsOrigination(): string {
  const origination = process.env.SMS_ORIGINATION;
  if (!origination) throw new Error('SMS_ORIGINATION is not set');
  return origination;
}
