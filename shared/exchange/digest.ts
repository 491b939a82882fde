import { createHash } from 'node:crypto';
import { Transform } from 'node:stream';

/** Counts and hashes bytes as they stream past, so the manifest needs no second read of the file. */
export class Digest extends Transform {
  private readonly hash = createHash('sha256');
  bytes = 0;
  records = 0;

  override _transform(
    chunk: Buffer,
    _encoding: BufferEncoding,
    done: (error?: Error | null, data?: Buffer) => void,
  ) {
    this.hash.update(chunk);
    this.bytes += chunk.length;
    done(null, chunk);
  }

  hex(): string {
    return this.hash.digest('hex');
  }
}
