/** A message to one person: plain text, and the headers a message may carry. */
export interface Mail {
  to: string;
  subject: string;
  text: string;
  headers?: Readonly<Record<string, string>>;
}

/** Sends the register's mail: Amazon SES in AWS, aws-ses-v2-local on this machine. */
export interface Mailer {
  send(mail: Mail): Promise<void>;
}
