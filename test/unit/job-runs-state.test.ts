import { describe, expect, it } from 'vitest';
import { runState } from '../../web/src/features/operations/run-state.ts';

const asked = {
  job: 'card-batch',
  requestedAt: '2026-11-26T10:00:00.000Z',
  requestId: 'mine',
  alreadyPending: false,
};
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
const skipped = { skipped: 'another-run-is-active' };

describe('the console’s run asked for', () => {
  it('waits for the run that names its request, not another one’s', () => {
    expect(runState(undefined, asked, false)).toBe('waiting');
    expect(runState(view(run('someone-else', 'done')), asked, false)).toBe('waiting');
    expect(runState(view(run('mine', 'done', { batches: 1 })), asked, false)).toBe('done');
  });

  it('says when another run had the batch, unless a run of the same request did the work', () => {
    expect(runState(view(run('mine', 'done', skipped)), asked, false)).toBe('skipped');
    expect(runState(view(run('mine', 'done', skipped), run('mine', 'done')), asked, false)).toBe('done');
  });

  it('goes on waiting through a retry, and stops when the retries are over', () => {
    expect(runState(view(run('mine', 'failed')), asked, false)).toBe('retrying');
    expect(runState(view(run('mine', 'done'), run('mine', 'failed')), asked, false)).toBe('done');
    const three = view(run('mine', 'failed'), run('mine', 'failed'), run('mine', 'failed'));
    expect(runState(three, asked, false)).toBe('failed');
    expect(runState(view(run('mine', 'failed')), asked, true)).toBe('failed');
    expect(runState(view(), asked, true)).toBe('not-shown');
  });
});
