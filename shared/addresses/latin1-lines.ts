import type { Readable } from 'node:stream';

export interface Line {
  /** 1-based, as a person counts the file's lines. */
  number: number;
  /** ISO-8859-1 decoded, without its CR LF or LF. */
  text: string;
  /** Byte offset of the line's first byte. */
  offset: number;
  /** Byte offset of the next line: where a run resumed after this line asks S3 to start. */
  nextOffset: number;
}

const LF = 0x0a;
const CR = 0x0d;

/**
 * The lines of a Latin-1 byte stream, one at a time, holding no more than one chunk and one partial
 * line. By hand rather than node:readline: readline decodes to strings before splitting and cannot
 * tell byte offsets, which a resumed run needs. Latin-1 maps each byte to one character, so a
 * chunk boundary never splits a character.
 */
export async function* latin1Lines(
  bytes: Readable,
  start: { number: number; offset: number } = { number: 1, offset: 0 },
): AsyncGenerator<Line> {
  let number = start.number;
  let offset = start.offset;
  let carry: Buffer | undefined;
  for await (const chunk of bytes as AsyncIterable<Buffer>) {
    const data = carry ? Buffer.concat([carry, chunk]) : chunk;
    let from = 0;
    for (let end = data.indexOf(LF, from); end !== -1; end = data.indexOf(LF, from)) {
      const to = end > from && data[end - 1] === CR ? end - 1 : end;
      const nextOffset = offset + end + 1 - from;
      yield { number, text: data.toString('latin1', from, to), offset, nextOffset };
      number += 1;
      offset = nextOffset;
      from = end + 1;
    }
    carry = from < data.length ? data.subarray(from) : undefined;
  }
  if (carry?.length) {
    const to = carry[carry.length - 1] === CR ? carry.length - 1 : carry.length;
    yield { number, text: carry.toString('latin1', 0, to), offset, nextOffset: offset + carry.length };
  }
}
