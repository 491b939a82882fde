import type { Caller } from '../auth/caller.ts';

/**
 * Through which channel a member joined or an answer was recorded: customer service in the console,
 * the member themselves (the join form, their own page, a link or reply in a message), a paper form
 * customer service entered, the move from the 2009 register, or another system through the API.
 */
export const ENTRY_CHANNELS = ['console', 'self-service', 'paper', 'legacy-import', 'api'] as const;
/** The channels a staff request may name; the others the register sets itself. */
export const STAFF_ENTRY_CHANNELS = ['console', 'paper', 'api'] as const;
export type EntryChannel = (typeof ENTRY_CHANNELS)[number];
export type StaffEntryChannel = (typeof STAFF_ENTRY_CHANNELS)[number];

/**
 * The channel a change comes through: a member's own is self-service, whatever the request says;
 * staff name theirs (the console says console, or paper for a form it enters), and a request that
 * names none came from another system through the API.
 */
export const entryChannel = (caller: Caller, named: StaffEntryChannel | undefined): EntryChannel =>
  caller.role === 'member' ? 'self-service' : (named ?? 'api');
