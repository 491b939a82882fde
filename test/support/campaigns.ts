import { expect } from 'vitest';
import type { LocalApi } from '../../infra/local/register.ts';
import { call } from './local-api.ts';

const MARKETING = { role: 'marketing' } as const;

/** Starts computing a campaign's audience, as the console does, and waits until it is computed: its summary. */
export async function computeAndWait(api: LocalApi, campaignId: string) {
  const started = await call(api, 'POST', `/campaigns/${campaignId}/audience`, { as: MARKETING });
  expect(started.status).toBe(202);
  for (let polls = 0; polls < 200; polls++) {
    const campaign = (await call(api, 'GET', `/campaigns/${campaignId}`, { as: MARKETING })).body;
    if (campaign.status === 'computed') return campaign.summary;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`the audience of ${campaignId} was not computed in 5 s`);
}
