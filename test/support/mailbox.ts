import { inject } from 'vitest';
import { until } from './local-api.ts';
import type { SentText } from '../../infra/local/sms-stand-in.ts';

/** A message as aws-ses-v2-local keeps it. */
export interface SentMail {
  from: string;
  destination: { to: string[] };
  subject: string;
  body: { text?: string; html?: string };
  headers?: { name: string; value: string }[];
}

/** Everything the local SES was asked to send in this run. */
export async function sentMail(): Promise<SentMail[]> {
  const answer = await fetch(`${inject('sesEndpoint')}/store`);
  return ((await answer.json()) as { emails: SentMail[] }).emails;
}

/** The messages to one address, once there are `count` of them (they are sent outside the request). */
export const mailTo = async (address: string, count = 1): Promise<SentMail[]> =>
  (await until(async () => {
    const theirs = (await sentMail()).filter((mail) => mail.destination.to.includes(address));
    return theirs.length >= count && theirs;
  }, `mail to ${address}`)) as SentMail[];

/** Everything the local stand-in for End User Messaging SMS was asked to send in this run. */
export async function sentTexts(): Promise<SentText[]> {
  const answer = await fetch(`${inject('smsEndpoint')}/store`);
  return ((await answer.json()) as { messages: SentText[] }).messages;
}
