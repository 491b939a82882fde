import { describe, expect, it } from 'vitest';
import { runState, SHOWN_WITHIN_MS } from '../../web/src/job-runs.ts';

const asked = { job: 'card-batch', requestedAt: '2026-11-26T10:00:00.000Z', requestId: 'mine' };
const at = (minutes: number) => Date.parse(asked.requestedAt) + minutes * 60_000;
const run = (requestId: string, outcome: 'done' | 'failed', summary: Record<string, unknown> = {}) => ({
  job: 'card-batch',
  startedAt: '2026-11-26T10:00:01.000Z',
  finishedAt: '2026-11-26T10:00:02.000Z',
  outcome,
  summary,
  requestedBy: { actor: 'a', role: 'processor', requestId },
});
const view = (...runs: ReturnType<typeof run>[]) => ({
  jobs: [{ job: 'card-batch', runs }],
  unappliedFiles: [],
});

describe('the console’s run asked for', () => {
  it('waits for the run that names its request, not another one’s', () => {
    expect(runState(undefined, asked, at(0))).toBe('waiting');
    expect(runState(view(run('someone-else', 'done')), asked, at(1))).toBe('waiting');
    expect(runState(view(run('mine', 'done', { batches: 1 })), asked, at(1))).toBe('done');
  });

  it('says when another run had the batch, and goes on waiting through a retry', () => {
    expect(runState(view(run('mine', 'done', { skipped: 'another-run-is-active' })), asked, at(1))).toBe(
      'skipped',
    );
    expect(runState(view(run('mine', 'failed')), asked, at(5))).toBe('retrying');
    expect(runState(view(run('mine', 'done'), run('mine', 'failed')), asked, at(5))).toBe('done');
  });

  it('stops waiting when the retries are over', () => {
    const late = SHOWN_WITHIN_MS / 60_000 + 1;
    expect(runState(view(run('mine', 'failed')), asked, at(late))).toBe('failed');
    expect(runState(view(), asked, at(late))).toBe('not-shown');
  });
});
