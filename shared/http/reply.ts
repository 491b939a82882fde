import { CSV_CONTENT_TYPE } from '../exchange/csv.ts';

/** A handler's answer when it is more than 200 with a JSON body; a string body with a content type is sent as it is. */
export class Reply {
  constructor(
    readonly status: number,
    readonly body: unknown,
    readonly headers: Record<string, string> = {},
  ) {}
}

export const reply = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Reply(status, body, headers);

/** CSV the register wrote, answered as it is. */
export const csvReply = (csv: string) => reply(200, csv, { 'content-type': CSV_CONTENT_TYPE });
