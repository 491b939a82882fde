import { computeAudience as route } from '../../../shared/contract/routes/campaigns.ts';
import { startAudience } from '../../../shared/campaigns/compute-audience.ts';
import { apiHandler } from '../../../shared/http/api-handler.ts';
import { reply } from '../../../shared/http/reply.ts';
import { campaignStore, jobRequests, marketingSettingsStore } from '../../../shared/store/default-stores.ts';

export const handler = apiHandler(route, async ({ params, caller }) => {
  const campaign = await startAudience(params.campaignId, caller, {
    campaigns: campaignStore(),
    jobs: jobRequests(),
    settings: marketingSettingsStore(),
  });
  return reply(202, campaign, { location: `/campaigns/${campaign.campaignId}` });
});
