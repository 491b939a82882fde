import {
  ConflictException,
  PinpointSMSVoiceV2Client,
  SendTextMessageCommand,
  ValidationException,
} from '@aws-sdk/client-pinpoint-sms-voice-v2';
import { mockClient } from 'aws-sdk-client-mock';
import { describe, expect, it } from 'vitest';
import { MessageNotSent } from '../../shared/mail/mailer.ts';
import { SmsTexter } from '../../shared/store/sms-texter.ts';

const TEXT = { to: '+358401234567', text: 'Hei', tags: { campaign: 'C-1', member: '1000000001' } };
const refusedWith = async (error: Error) => {
  const client = new PinpointSMSVoiceV2Client({ region: 'eu-north-1' });
  mockClient(client).on(SendTextMessageCommand).rejects(error);
  return new SmsTexter(client, 'arn:aws:sms-voice:eu-north-1:1:phone-number/p-1')
    .send(TEXT)
    .catch((e: unknown) => e);
};
const conflict = (Reason: string) =>
  new ConflictException({
    $metadata: {},
    message: Reason,
    Reason: Reason as never,
    ResourceType: undefined,
    ResourceId: undefined,
  });

describe('what End User Messaging’s refusals mean for a message', () => {
  it('is refused for good only when the number replied STOP (on the opt-out list)', async () => {
    const optedOut = await refusedWith(conflict('DESTINATION_PHONE_NUMBER_OPTED_OUT'));
    expect(optedOut).toBeInstanceOf(MessageNotSent);
    expect((optedOut as MessageNotSent).forGood).toBe(true);
  });

  it('is not sent now, and released, when the account is not ready: the member is never passed over for it', async () => {
    for (const error of [
      conflict('REGISTRATION_NOT_COMPLETE' as never),
      new ValidationException({
        $metadata: {},
        message: 'x',
        Reason: 'DESTINATION_COUNTRY_BLOCKED' as never,
        Fields: undefined,
      }),
    ]) {
      const refused = await refusedWith(error);
      expect(refused).toBeInstanceOf(MessageNotSent);
      expect((refused as MessageNotSent).forGood).toBe(false);
    }
  });

  it('passes any other failure on as it is (it may have sent): the message stays claimed', async () => {
    const timeout = Object.assign(new Error('socket hang up'), { name: 'TimeoutError' });
    expect(await refusedWith(timeout)).toBe(timeout);
  });
});
