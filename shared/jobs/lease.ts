/** Jobs that must never run twice at once hold a lease while they work. */
export type LeasedJob =
  | 'address-refresh'
  | 'card-batch'
  | 'legacy-import'
  | 'benefit-payout'
  /** The benefit statements hold one lease per segment, so that segments may run side by side. */
  | `benefits-${string}`;

export interface JobLeases {
  /** Takes the job's lease if it is free or has lapsed; answers the lease to release, or nothing if held. */
  take(job: LeasedJob, now: Date, seconds: number): Promise<string | undefined>;
  /** Gives the lease back, unless it lapsed and another run holds it now. */
  release(job: LeasedJob, lease: string): Promise<void>;
}

/**
 * Thrown by a looping job's handler when another run holds the lease: its workflow waits and tries
 * again, since a run that died leaves its lease until it lapses.
 */
export class AnotherRunActive extends Error {
  override readonly name = 'AnotherRunActive';
}

/** Longer than one invocation may run (15 minutes): a run that died leaves a lease that lapses. */
const LEASE_SECONDS = 16 * 60;

/**
 * Runs `work` while holding the job's lease; answers 'another-run-is-active' without running it when
 * another run holds the lease (a retried schedule, or "run now" during the nightly run).
 */
export async function withLease<T>(
  leases: JobLeases,
  job: LeasedJob,
  now: Date,
  work: () => Promise<T>,
): Promise<T | 'another-run-is-active'> {
  const lease = await leases.take(job, now, LEASE_SECONDS);
  if (!lease) return 'another-run-is-active';
  try {
    return await work();
  } finally {
    await leases.release(job, lease);
  }
}
