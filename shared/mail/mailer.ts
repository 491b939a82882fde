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

/** A text message to one mobile number (E.164), plain text. */
export interface TextMessage {
  to: string;
  text: string;
  /** Carried back by the service's events about the message; never shown to the recipient. */
  tags?: Readonly<Record<string, string>>;
}

/** Sends the register's text messages: AWS End User Messaging SMS in AWS, a local stand-in on this machine. */
export interface Texter {
  send(message: TextMessage): Promise<void>;
}

/**
 * The mail or text service refused the message before taking it (its rate, a malformed request),
 * so nothing went; `forGood` when sending it again cannot help (the address or number is refused,
 * such as a number that replied STOP).
 */
export class MessageNotSent extends Error {
  constructor(readonly forGood: boolean) {
    super(forGood ? 'the message was refused' : 'the message was not taken now');
    this.name = 'MessageNotSent';
  }
}
