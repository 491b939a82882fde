import { expect } from 'vitest';
import type { LocalApi } from '../../infra/local/register.ts';
import { call, until } from './local-api.ts';

const MARKETING = { role: 'marketing' } as const;

/**
 * Starts computing a campaign's audience, as the console does, and waits until it is computed (or
 * found too small): its summary, with the campaign's status.
 */
export async function computeAndWait(api: LocalApi, campaignId: string) {
  const started = await call(api, 'POST', `/campaigns/${campaignId}/audience`, { as: MARKETING });
  expect(started.status).toBe(202);
  const computed = await until(async () => {
    const campaign = (await call(api, 'GET', `/campaigns/${campaignId}`, { as: MARKETING })).body;
    return ['computed', 'too-small'].includes(campaign.status) && campaign;
  }, `the audience of ${campaignId}`);
  return { ...computed.summary, status: computed.status };
}
