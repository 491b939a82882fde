import type { Readable } from 'node:stream';

/** No file under that key. */
export class FileMissing extends Error {
  constructor() {
    super('no such file');
    this.name = 'FileMissing';
  }
}

/** The exchange bucket as the jobs see it: files under the prefixes of `layout.ts`. */
export interface ExchangeFiles {
  /** Streams a body of unknown length: the file is never whole in memory. */
  upload(key: string, body: Readable, contentType: string): Promise<void>;
  putJson(key: string, value: unknown): Promise<void>;
  /** The file's bytes as a stream, from a byte offset on if given (a resumed run; at the end, none). FileMissing if absent. */
  read(key: string, fromByte?: number): Promise<Readable>;
  /** Keys under a prefix, ascending. */
  list(prefix: string): AsyncIterable<string>;
}
