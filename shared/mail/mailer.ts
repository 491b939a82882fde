/** A message to one person: plain text, and the headers a message may carry. */
export interface Mail {
  to: string;
  subject: string;
  text: string;
  headers?: Readonly<Record<string, string>>;
  /**
   * What the mail service's events about the message (bounce, complaint, delivery) carry back, so
   * that they find their campaign and member; never shown to the recipient.
   */
  tags?: Readonly<Record<string, string>>;
}

/** Sends the register's mail: Amazon SES in AWS, aws-ses-v2-local on this machine. */
export interface Mailer {
  send(mail: Mail): Promise<void>;
}

/**
 * The mail service refused the message before taking it (its rate, a malformed request), so nothing
 * went; `forGood` when sending it again cannot help (the address is refused).
 */
export class MailNotSent extends Error {
  constructor(readonly forGood: boolean) {
    super(forGood ? 'the message was refused' : 'the message was not taken now');
    this.name = 'MailNotSent';
  }
}
