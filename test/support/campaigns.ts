import { expect } from 'vitest';
import type { LocalApi } from '../../infra/local/register.ts';
import { call, until } from './local-api.ts';
import type { SendDeps } from '../../shared/campaigns/send-campaign.ts';
import {
  campaignStore,
  mailer,
  marketingSettingsStore,
  memberReader,
  memberStatements,
  texter,
  unsubscribeLinks,
} from '../../shared/store/default-stores.ts';

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

/**
 * What the sending job gets, as its function builds it from the local stack, with a test's own
 * stand-ins (a mail service or a text service that fails) in place; no next run is asked for.
 */
export const localSendDeps = (api: LocalApi, replaced: Partial<SendDeps> = {}): SendDeps => ({
  campaigns: campaignStore(),
  members: memberReader(),
  mailer: mailer(),
  texter: texter(),
  links: unsubscribeLinks(),
  statements: memberStatements(),
  jobs: { request: async () => undefined },
  settings: marketingSettingsStore(),
  publicApiUrl: `${api.url}/api`,
  ...replaced,
});
