import { sendCampaign as route } from '../../../shared/contract/routes/campaigns.ts';
import { startSending } from '../../../shared/campaigns/send-campaign.ts';
import { apiHandler } from '../../../shared/http/api-handler.ts';
import { reply } from '../../../shared/http/reply.ts';
import { campaignStore, jobRequests } from '../../../shared/store/default-stores.ts';

export const handler = apiHandler(route, async ({ params, caller }) => {
  const campaign = await startSending(params.campaignId, caller, {
    campaigns: campaignStore(),
    jobs: jobRequests(),
  });
  return reply(202, campaign, { location: `/campaigns/${campaign.campaignId}` });
});
