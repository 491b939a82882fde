/** The port that counts attempts to link an account by card number and birth date. */
export interface LinkAttempts {
  /**
   * Counts one attempt against each of `counted` before it is tried, so that attempts sent at once
   * are counted too. Answers the end of the lock when any of them has used its attempts already.
   */
  begin(counted: readonly string[], rule: LinkAttemptRule, now: Date): Promise<{ lockedUntil?: Date }>;
  /** A link made forgets the attempts counted against these. */
  forget(counted: readonly string[]): Promise<void>;
}

export interface LinkAttemptRule {
  /** Attempts allowed before the lock. */
  attempts: number;
  /** How long the count (and so the lock) lasts after the last attempt. */
  lockMs: number;
}

/** Five failed attempts lock linking by card for an hour, for the account that made them. */
export const LINK_ATTEMPT_RULE: LinkAttemptRule = { attempts: 5, lockMs: 60 * 60 * 1000 };
