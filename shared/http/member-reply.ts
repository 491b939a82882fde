import { memberView, type Member } from '../members/member.ts';
import { etagOf } from './etag.ts';
import { reply } from './reply.ts';

/** A member answer carries its version as ETag, for the If-Match of the next correction. */
export const memberReply = (status: 200 | 201 | 202, member: Member, includeSources = false) =>
  reply(status, memberView(member, includeSources), {
    etag: etagOf(member.version),
    ...(status === 201 ? { location: `/members/${member.customerNumber}` } : {}),
  });
