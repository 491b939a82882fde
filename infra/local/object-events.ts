import type { S3Event } from 'aws-lambda';
import { objectEvents } from '../../shared/contract/jobs.ts';
import { loadFunction } from './functions.ts';

type EventHandler = (event: S3Event) => Promise<unknown>;

interface S3rverRecord {
  eventName: string;
  s3: { bucket: { name: string }; object: { key: string } };
}

/**
 * Delivers s3rver's ObjectCreated events to the handler whose prefix matches, as the bucket
 * notification does in AWS. Returns a promise per delivery so that callers (tests) can wait for it.
 */
export function objectEventDispatcher(onError: (error: unknown) => void) {
  const load = (handler: string) => loadFunction<EventHandler>(handler);
  return async (event: { Records: S3rverRecord[] }): Promise<void> => {
    for (const record of event.Records) {
      if (!record.eventName.startsWith('ObjectCreated')) continue;
      const target = objectEvents.find((e) => record.s3.object.key.startsWith(e.prefix));
      if (!target) continue;
      try {
        await (
          await load(target.handler)
        )({ Records: [record] } as unknown as S3Event);
      } catch (error) {
        onError(error);
      }
    }
  };
}
