import { PinpointSMSVoiceV2Client, SendTextMessageCommand } from '@aws-sdk/client-pinpoint-sms-voice-v2';
import { MessageNotSent, type TextMessage, type Texter } from '../mail/mailer.ts';

/**
 * Text messages through AWS End User Messaging SMS, from the register's origination number
 * (SMS_ORIGINATION) through its configuration set (SMS_CONFIGURATION_SET), as promotional messages.
 * Locally the same client reaches the stand-in that keeps what was sent (AWS_ENDPOINT_URL_PINPOINT_SMS_VOICE_V2).
 */
export class SmsTexter implements Texter {
  constructor(
    private readonly client = new PinpointSMSVoiceV2Client({ maxAttempts: 3 }),
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
 * The service's answers that say the message was not taken: refused for good (a number that replied
 * STOP is on the opt-out list: ConflictException; a number it cannot reach: ValidationException), or
 * not now (its rate).
 */
const REFUSED_FOR_GOOD = new Set(['ConflictException', 'ValidationException']);
const NOT_NOW = new Set(['ThrottlingException', 'ServiceQuotaExceededException']);
function notTakenOr(error: unknown): unknown {
  const name = error instanceof Error ? error.name : '';
  if (REFUSED_FOR_GOOD.has(name)) return new MessageNotSent(true);
  if (NOT_NOW.has(name)) return new MessageNotSent(false);
  return error;
}

function smsOrigination(): string {
  const origination = process.env.SMS_ORIGINATION;
  if (!origination) throw new Error('SMS_ORIGINATION is not set');
  return origination;
}
