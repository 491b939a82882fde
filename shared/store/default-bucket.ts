import { bucketName, createS3Client, ExchangeBucket } from './exchange-bucket.ts';

let exchange: ExchangeBucket | undefined;

/**
 * The exchange bucket a Lambda uses, made on first use. A module of its own: the S3 client is a large
 * part of a bundle, and only the functions that touch files should carry it.
 */
export function exchangeBucket(): ExchangeBucket {
  exchange ??= new ExchangeBucket(createS3Client(), bucketName());
  return exchange;
}
