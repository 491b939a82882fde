/** The ETag of a versioned resource is its version number. */
export const etagOf = (version: number) => `"${version}"`;

/** The version an If-Match header names; undefined when absent, NaN when unreadable (never matches). */
export function versionFromIfMatch(header: string | undefined): number | undefined {
  if (header === undefined || header.trim() === '') return undefined;
  const match = /^\s*(?:W\/)?"?(\d+)"?\s*$/.exec(header);
  return match ? Number(match[1]) : Number.NaN;
}
