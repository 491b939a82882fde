import { Readable } from 'node:stream';
import { GetObjectCommand, paginateListObjectsV2, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import { FileMissing, type ExchangeFiles } from '../exchange/exchange-files.ts';

/**
 * The exchange bucket. Against a local S3 (AWS_ENDPOINT_URL_S3 set) paths are path-style and checksums
 * only when required: otherwise s3rver stores a streamed upload with its aws-chunked framing.
 */
export function createS3Client(): S3Client {
  const local = process.env.AWS_ENDPOINT_URL_S3 !== undefined;
  return new S3Client({
    maxAttempts: 3,
    ...(local
      ? {
          forcePathStyle: true,
          requestChecksumCalculation: 'WHEN_REQUIRED',
          responseChecksumValidation: 'WHEN_REQUIRED',
        }
      : {}),
  });
}

export function bucketName(): string {
  const name = process.env.BUCKET_NAME;
  if (!name) throw new Error('BUCKET_NAME is not set');
  return name;
}

/** The exchange files in S3. */
export class ExchangeBucket implements ExchangeFiles {
  constructor(
    private readonly s3: S3Client,
    private readonly bucket: string,
  ) {}

  /** Streams a body of unknown length to S3 in parts: the file is never whole in memory. */
  async upload(key: string, body: Readable, contentType: string): Promise<void> {
    await new Upload({
      client: this.s3,
      params: { Bucket: this.bucket, Key: key, Body: body, ContentType: contentType },
    }).done();
  }

  async putJson(key: string, value: unknown): Promise<void> {
    await this.s3.send(
      new PutObjectCommand({
        Bucket: this.bucket,
        Key: key,
        Body: JSON.stringify(value, null, 2),
        ContentType: 'application/json',
      }),
    );
  }

  /** The object's bytes as a stream, from a byte offset on if given (a resumed run). */
  async read(key: string, fromByte = 0): Promise<Readable> {
    try {
      const { Body } = await this.s3.send(
        new GetObjectCommand({
          Bucket: this.bucket,
          Key: key,
          ...(fromByte > 0 ? { Range: `bytes=${fromByte}-` } : {}),
        }),
      );
      if (!(Body instanceof Readable)) throw new Error('S3 answered without a body stream');
      return Body;
    } catch (error) {
      const name = (error as { name?: string }).name;
      if (name === 'NoSuchKey') throw new FileMissing();
      // A resumed read that starts at the very end: nothing is left to read.
      if (name === 'InvalidRange' && fromByte > 0) return Readable.from([]);
      throw error;
    }
  }

  /** Keys under a prefix, in S3's order (ascending by key). */
  async *list(prefix: string): AsyncIterable<string> {
    for await (const page of paginateListObjectsV2(
      { client: this.s3 },
      { Bucket: this.bucket, Prefix: prefix },
    )) {
      for (const object of page.Contents ?? []) if (object.Key) yield object.Key;
    }
  }
}
