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
 * The lines of a Latin-1 byte stream, a chunk's worth at a time (one await per chunk, not per line:
 * a million lines would otherwise spend more time in promises than in parsing), holding no more
 * than one chunk and one partial line. By hand rather than node:readline: readline decodes to
 * strings before splitting and cannot tell byte offsets, which a resumed run needs. Latin-1 maps
 * each byte to one character, so decoding a line on its own is always right.
 */
export async function* latin1Lines(
  bytes: Readable,
  start: { number: number; offset: number } = { number: 1, offset: 0 },
): AsyncGenerator<Line[]> {
  let number = start.number;
  let offset = start.offset;
  let carry: Buffer | undefined;
  const line = (data: Buffer, from: number, end: number): Line => {
    const to = end > from && data[end - 1] === CR ? end - 1 : end;
    const nextOffset = offset + end + 1 - from;
    const made = { number, text: data.toString('latin1', from, to), offset, nextOffset };
    number += 1;
    offset = nextOffset;
    return made;
  };
  for await (const chunk of bytes as AsyncIterable<Buffer>) {
    const lines: Line[] = [];
    let from = 0;
    let end = chunk.indexOf(LF);
    if (carry) {
      if (end === -1) {
        carry = Buffer.concat([carry, chunk]);
        continue;
      }
      // Only the line that spans two chunks is copied.
      const joined = Buffer.concat([carry, chunk.subarray(0, end + 1)]);
      lines.push(line(joined, 0, joined.length - 1));
      carry = undefined;
      from = end + 1;
      end = chunk.indexOf(LF, from);
    }
    for (; end !== -1; end = chunk.indexOf(LF, from)) {
      lines.push(line(chunk, from, end));
      from = end + 1;
    }
    if (from < chunk.length) carry = chunk.subarray(from);
    if (lines.length > 0) yield lines;
  }
  if (carry?.length) {
    const to = carry[carry.length - 1] === CR ? carry.length - 1 : carry.length;
    yield [{ number, text: carry.toString('latin1', 0, to), offset, nextOffset: offset + carry.length }];
  }
}
