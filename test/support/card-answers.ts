import { GetObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import type { LocalApi } from '../../infra/local/register.ts';
import { objectEventDispatcher } from '../../infra/local/object-events.ts';
import { handler as cardBatchJob } from '../../functions/jobs/card-batch.ts';
import { bucketName, createS3Client } from '../../shared/store/exchange-bucket.ts';
import { CUSTOMER_SERVICE } from './fixtures.ts';
import { call } from './local-api.ts';

const dispatch = objectEventDispatcher((error) => {
  throw error;
});

/**
 * The manufacturer's answer to one order of a batch, named as the contract names acknowledgements
 * (by batch, never by member), applied as the bucket notification applies it.
 */
export async function answerOrder(
  batchId: string,
  sequence: number,
  customerNumber: string,
  status: string,
  { reason = '', cardNumber = '' } = {},
) {
  const key = `card-orders/inbound/${batchId}.ack.csv`;
  await createS3Client().send(
    new PutObjectCommand({
      Bucket: bucketName(),
      Key: key,
      Body: `batchId;sequence;customerNumber;status;cardNumber;reason;at\n${batchId};${sequence};${customerNumber};${status};${cardNumber};${reason};2026-11-20T10:00:00Z\n`,
    }),
  );
  await dispatch({
    Records: [{ eventName: 'ObjectCreated:Put', s3: { bucket: { name: bucketName() }, object: { key } } }],
  });
}

/** The member chooses a cash card, tonight's batch takes it, and the manufacturer answers with `status`. */
export async function orderAndAnswerCard(
  api: LocalApi,
  customerNumber: string,
  status: string,
  answer: { reason?: string; cardNumber?: string } = {},
) {
  await call(api, 'PUT', `/members/${customerNumber}/card`, {
    as: CUSTOMER_SERVICE,
    body: { type: 'CASH_CARD' },
  });
  const batch = (await cardBatchJob()).batches.find((b) => b.records > 0)!;
  // The member's line in the batch file (one header line, then sequence order).
  const { Body } = await createS3Client().send(
    new GetObjectCommand({ Bucket: bucketName(), Key: batch.key }),
  );
  const lines = Buffer.from(await Body!.transformToByteArray())
    .toString('latin1')
    .split(/\r?\n/);
  const sequence = lines.findIndex((line) => line.includes(`;${customerNumber};`));
  if (sequence < 1) throw new Error('the member’s order is not in the batch');
  await answerOrder(batch.batchId, sequence, customerNumber, status, answer);
}
