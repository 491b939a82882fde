import { computeAudience as route } from '../../../shared/contract/routes.ts';
import { startAudience } from '../../../shared/campaigns/audience.ts';
import { apiHandler } from '../../../shared/http/api-handler.ts';
import { reply } from '../../../shared/http/reply.ts';
import { campaignStore } from '../../../shared/store/default-stores.ts';
import { audienceWork } from '../../../shared/store/lambda-audience-work.ts';

export const handler = apiHandler(route, async ({ params }) => {
  const campaign = await startAudience(params.campaignId, {
    campaigns: campaignStore(),
    work: audienceWork(),
  });
  return reply(202, campaign, { location: `/campaigns/${campaign.campaignId}` });
});
