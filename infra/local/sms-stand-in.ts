import { createServer, type Server } from 'node:http';

/** A text message as the stand-in keeps it: what End User Messaging would have been asked to send. */
export interface SentText {
  messageId: string;
  to: string;
  from: string;
  body: string;
  messageType?: string;
  configurationSet?: string;
  context?: Record<string, string>;
  at: string;
}

/**
 * A local stand-in for AWS End User Messaging SMS, as aws-ses-v2-local is for SES: it answers the
 * SDK's SendTextMessage (the service's JSON protocol) and keeps what was sent, shown as JSON at GET
 * /store. Written here because no package stands in for this service; it answers only the one call
 * the register makes, and refuses any other as the service refuses an unknown operation.
 */
export async function startSmsStandIn(config: { host: string; port: number }): Promise<Server> {
  const sent: SentText[] = [];
  const server = createServer((request, response) => {
    const answer = (status: number, body: unknown, errorType?: string) => {
      response.writeHead(status, {
        'content-type': 'application/x-amz-json-1.0',
        ...(errorType ? { 'x-amzn-errortype': errorType } : {}),
      });
      response.end(JSON.stringify(body));
    };
    if (request.method === 'GET' && request.url === '/store') return answer(200, { messages: sent });
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const target = request.headers['x-amz-target'];
      if (request.method !== 'POST' || target !== 'PinpointSMSVoiceV2.SendTextMessage')
        return answer(400, { __type: 'UnknownOperationException' }, 'UnknownOperationException');
      let input: Record<string, unknown>;
      try {
        input = JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>;
      } catch {
        return answer(400, { __type: 'ValidationException', Message: 'not JSON' }, 'ValidationException');
      }
      const to = input.DestinationPhoneNumber;
      if (typeof to !== 'string' || !/^\+[1-9]\d{6,14}$/.test(to) || typeof input.MessageBody !== 'string')
        return answer(
          400,
          { __type: 'ValidationException', Message: 'DestinationPhoneNumber or MessageBody' },
          'ValidationException',
        );
      const messageId = `local-${sent.length + 1}`;
      sent.push({
        messageId,
        to,
        from: String(input.OriginationIdentity ?? ''),
        body: input.MessageBody,
        ...(typeof input.MessageType === 'string' ? { messageType: input.MessageType } : {}),
        ...(typeof input.ConfigurationSetName === 'string'
          ? { configurationSet: input.ConfigurationSetName }
          : {}),
        ...(input.Context ? { context: input.Context as Record<string, string> } : {}),
        at: new Date().toISOString(),
      });
      answer(200, { MessageId: messageId });
    });
  });
  await new Promise<void>((done, fail) => {
    server.once('error', fail);
    server.listen(config.port, config.host, done);
  });
  return server;
}
