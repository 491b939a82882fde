import type { ProposedAddress } from '../queues/work-queue.ts';
import type { Outcome } from './decide.ts';

export type OutcomeCounts = Partial<Record<Outcome, number>>;

/** How far the job is with one inbound file: a run that stops resumes from `next`. */
export interface AddressFileState {
  key: string;
  status: 'applying' | 'applied' | 'rejected';
  startedAt: string;
  fileId?: string;
  referenceDate?: string;
  details?: number;
  /** The next detail line to apply and its byte offset in the object. */
  next?: { number: number; offset: number };
  counts: OutcomeCounts;
  reason?: string;
  finishedAt?: string;
  report?: string;
}

/** A line someone must look at (review) or that could not be read (rejected): no personal data but the customer number. */
export interface NotedLine {
  line: number;
  customerNumber?: string;
  outcome: Outcome;
  reason: string;
  /** The Finnish address the line gave, when the register did not apply it: a person may. */
  proposed?: ProposedAddress;
}

export interface AddressJobStore {
  fileState(key: string): Promise<AddressFileState | undefined>;
  saveFileState(state: AddressFileState): Promise<void>;
  /** Claims a file id for an object; answers the object that holds it (another one: a second delivery). */
  claimFileId(fileId: string, key: string): Promise<string>;
  /**
   * Idempotent: a line noted again replaces itself. A review line of a member also goes on the
   * address-review work queue (unless the member is being erased).
   */
  noteLines(key: string, lines: readonly NotedLine[], at: string): Promise<void>;
  notedLines(key: string, kind: 'review' | 'rejected'): AsyncIterable<NotedLine>;
  /** Every file the job has seen, applied or not. */
  files(): Promise<AddressFileState[]>;
}
