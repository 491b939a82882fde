import type { ExpectedVersion } from '../members/member.ts';

/** The ETag of a versioned resource is its version number. */
export const etagOf = (version: number) => `"${version}"`;

/**
 * The versions an If-Match header accepts (RFC 9110 13.1.1, strong comparison): `*` is any current
 * version; a list names several; a weak tag (W/"1") or an unreadable one ("02") matches none.
 * Undefined when the header is absent.
 */
export function versionsFromIfMatch(header: string | undefined): ExpectedVersion | undefined {
  if (header === undefined || header.trim() === '') return undefined;
  if (header.trim() === '*') return 'any';
  return header.split(',').map((tag) => {
    const strong = /^"([1-9]\d*)"$/.exec(tag.trim());
    return strong ? Number(strong[1]) : Number.NaN;
  });
}
