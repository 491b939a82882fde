import type { AuditEntry } from './audit-entry.ts';

/** An audit entry as stored: its place in the member's chain and the hash that seals it. */
export interface ChainedAuditEntry extends AuditEntry {
  seq: number;
  prevHash: string;
  hash: string;
}

export const GENESIS = '0'.repeat(64);

/** The fields a hash covers, in a fixed order: a change to any of them (or to the link) changes the hash. */
export const SEALED_AUDIT_FIELDS = [
  'customerNumber',
  'seq',
  'prevHash',
  'at',
  'actor',
  'role',
  'action',
  'via',
  'purpose',
  'requestId',
  'fields',
] as const;

/**
 * SHA-256 over the entry's fields and the previous entry's hash. Web Crypto, which Node has built in:
 * importing node:crypto would load on every cold start of every function that audits.
 */
export async function auditHash(entry: Omit<ChainedAuditEntry, 'hash'>): Promise<string> {
  // A reason is sealed only where there is one, so that every entry written before it had one keeps its hash.
  const sealed = JSON.stringify([
    ...SEALED_AUDIT_FIELDS.map((field) => entry[field] ?? null),
    ...(entry.reason ? [entry.reason] : []),
  ]);
  const digest = await globalThis.crypto.subtle.digest('SHA-256', new TextEncoder().encode(sealed));
  return Buffer.from(digest).toString('hex');
}

/** The entry as the link after the chain's newest entry (the first link when there is none). */
export async function linkAfter(
  entry: AuditEntry,
  head: Pick<ChainedAuditEntry, 'seq' | 'hash'> | undefined,
): Promise<ChainedAuditEntry> {
  const link = { ...entry, seq: (head?.seq ?? 0) + 1, prevHash: head?.hash ?? GENESIS };
  return { ...link, hash: await auditHash(link) };
}

export type ChainFault = { seq: number; fault: 'edited' | 'link-broken' | 'missing-before' };

/**
 * What is wrong with one member's chain, oldest first. Entries older than the retention period leave
 * by TTL, so the first entry kept may start after 1; every later gap or mismatch is a fault.
 */
export async function chainFaults(entries: readonly ChainedAuditEntry[]): Promise<ChainFault[]> {
  const faults: ChainFault[] = [];
  let previous: ChainedAuditEntry | undefined;
  for (const entry of entries) {
    const { hash, ...rest } = entry;
    if ((await auditHash(rest)) !== hash) faults.push({ seq: entry.seq, fault: 'edited' });
    if (previous && (entry.seq !== previous.seq + 1 || entry.prevHash !== previous.hash)) {
      faults.push({
        seq: entry.seq,
        fault: entry.seq !== previous.seq + 1 ? 'missing-before' : 'link-broken',
      });
    }
    if (!previous && entry.seq === 1 && entry.prevHash !== GENESIS)
      faults.push({ seq: 1, fault: 'link-broken' });
    previous = entry;
  }
  return faults;
}
