import {
  MarketingSettingsBody,
  MarketingSettingsView,
  AudiencePreview,
  AudienceQuery,
  CampaignResults,
  CampaignList,
  CampaignListQuery,
  CampaignPath,
  CampaignView,
  CampaignWithPreviews,
  CreateCampaignBody,
  EditCampaignBody,
  MessagePreviews,
} from '../../campaigns/schemas.ts';
import type { RouteSpec } from '../route.ts';

// Marketing campaigns and their audiences. One export per route, as routes.ts says.

export const createCampaign = {
  method: 'POST',
  path: '/campaigns',
  handler: 'api/campaigns/create',
  roles: ['admin', 'marketing'],
  summary: 'Create a campaign: channel email, sms or post; optional criteria',
  body: CreateCampaignBody,
  responses: {
    201: { description: 'The campaign, a draft', body: CampaignView },
    400: { description: 'Not valid' },
  },
  tableActions: ['PutItem'],
} as const satisfies RouteSpec;

export const listCampaigns = {
  method: 'GET',
  path: '/campaigns',
  handler: 'api/campaigns/list',
  roles: ['admin', 'marketing'],
  summary: 'The campaigns, newest first, 20 a page',
  query: CampaignListQuery,
  responses: {
    200: { description: 'A page of campaigns; next is the cursor of the next', body: CampaignList },
  },
  tableActions: ['Query'],
} as const satisfies RouteSpec;

export const readCampaign = {
  method: 'GET',
  path: '/campaigns/{campaignId}',
  handler: 'api/campaigns/read',
  roles: ['admin', 'marketing'],
  summary:
    'A campaign: criteria, status, the progress of its audience while computing, its last summary, and the previews asked for',
  params: CampaignPath,
  responses: {
    200: { description: 'The campaign', body: CampaignWithPreviews },
    404: { description: 'No such campaign' },
  },
  tableActions: ['GetItem', 'Query'],
} as const satisfies RouteSpec;

export const editCampaign = {
  method: 'PATCH',
  path: '/campaigns/{campaignId}',
  handler: 'api/campaigns/edit',
  roles: ['admin', 'marketing'],
  summary: 'Change the name or the criteria of a draft campaign',
  params: CampaignPath,
  body: EditCampaignBody,
  responses: {
    200: { description: 'The campaign as changed', body: CampaignView },
    404: { description: 'No such campaign' },
    409: { description: 'The campaign is no longer a draft' },
  },
  tableActions: ['GetItem', 'PutItem'],
} as const satisfies RouteSpec;

export const closeCampaign = {
  method: 'POST',
  path: '/campaigns/{campaignId}/close',
  handler: 'api/campaigns/close',
  roles: ['admin', 'marketing'],
  summary: 'Close a campaign: its audience is not computed again',
  params: CampaignPath,
  responses: {
    200: { description: 'The campaign, closed', body: CampaignView },
    404: { description: 'No such campaign' },
    409: { description: 'The audience is being computed' },
  },
  tableActions: ['GetItem', 'PutItem'],
} as const satisfies RouteSpec;

export const previewAudience = {
  method: 'GET',
  path: '/campaigns/{campaignId}/preview',
  handler: 'api/campaigns/preview',
  roles: ['admin', 'marketing'],
  summary:
    'How many the campaign would reach now and how many it leaves out per reason, as figures (none under five); the preview is recorded with the campaign',
  params: CampaignPath,
  responses: {
    200: { description: 'The figures', body: AudiencePreview },
    404: { description: 'No such campaign' },
  },
  tableActions: ['GetItem', 'Query', 'BatchGetItem', 'PutItem'],
  timeoutSeconds: 29,
} as const satisfies RouteSpec;

export const computeAudience = {
  method: 'POST',
  path: '/campaigns/{campaignId}/audience',
  handler: 'api/campaigns/compute-audience',
  roles: ['admin', 'marketing'],
  summary:
    'Start computing the audience (a contact recorded for each member reached; a post campaign exported to S3); watch the campaign for its progress',
  params: CampaignPath,
  responses: {
    202: {
      description: 'Started: Location names the campaign, whose progress grows until it is computed',
      body: CampaignView,
    },
    404: { description: 'No such campaign' },
    409: {
      description:
        'The campaign is not a draft (its audience is computed or being computed, or it is closed)',
    },
  },
  tableActions: ['GetItem', 'PutItem', 'Query'],
  startsJob: 'campaign-audience',
} as const satisfies RouteSpec;

export const readAudience = {
  method: 'GET',
  path: '/campaigns/{campaignId}/audience',
  handler: 'api/campaigns/read-audience',
  roles: ['admin', 'marketing'],
  summary: 'The audience: customer number, name and the channel’s contact field; format=csv for CSV',
  params: CampaignPath,
  query: AudienceQuery,
  responses: {
    200: { description: 'The audience as JSON or CSV' },
    404: { description: 'No such campaign' },
  },
  tableActions: ['GetItem', 'Query', 'BatchGetItem'],
  timeoutSeconds: 29,
} as const satisfies RouteSpec;

export const sendCampaign = {
  method: 'POST',
  path: '/campaigns/{campaignId}/send',
  handler: 'api/campaigns/send',
  roles: ['admin', 'marketing'],
  summary:
    'Send a computed email or text-message campaign (each member reached, checked again, gets one message in their language with a one-click unsubscribe or a STOP reply); watch the campaign’s delivery; sending again sends nobody twice',
  params: CampaignPath,
  responses: {
    202: {
      description:
        'Sending (or already sent): Location names the campaign, whose delivery grows until it is sent',
      body: CampaignView,
    },
    400: { description: 'The campaign has no content, or a text message’s is too long' },
    404: { description: 'No such campaign' },
    409: {
      description: 'The campaign is not computed, or a post campaign (its file goes to the mailing house)',
    },
  },
  tableActions: ['GetItem', 'PutItem'],
  startsJob: 'campaign-send',
} as const satisfies RouteSpec;

export const previewMessages = {
  method: 'GET',
  path: '/campaigns/{campaignId}/messages',
  handler: 'api/campaigns/messages',
  roles: ['admin', 'marketing'],
  summary:
    'The campaign’s message in each of its languages as a member would get it (an example first name and link): what sending would say',
  params: CampaignPath,
  responses: {
    200: { description: 'The messages', body: MessagePreviews },
    404: { description: 'No such campaign' },
  },
  tableActions: ['GetItem'],
} as const satisfies RouteSpec;

export const campaignResults = {
  method: 'GET',
  path: '/campaigns/{campaignId}/results',
  handler: 'api/campaigns/results',
  roles: ['admin', 'marketing'],
  summary:
    'What the campaign did: per main group, the purchases of the members it was meant to reach against its random holdout’s, over the months after it went out, with 95 % intervals (no group of fewer than five)',
  params: CampaignPath,
  responses: {
    200: { description: 'The result, or why there is none yet', body: CampaignResults },
    404: { description: 'No such campaign' },
  },
  tableActions: ['GetItem', 'Query'],
  timeoutSeconds: 29,
} as const satisfies RouteSpec;

export const readMarketingSettings = {
  method: 'GET',
  path: '/marketing-settings',
  handler: 'api/campaigns/read-settings',
  // Customer service and members too, one joining included: where the exception is on, the forms offer the refusal.
  roles: ['admin', 'marketing', 'customer-service', 'member'],
  unlinkedMember: true,
  summary:
    'Each marketing channel’s lawful footing: whether the own-customer exception is on for email and text messages, and every change (who made it, to the admin)',
  responses: { 200: { description: 'The settings', body: MarketingSettingsView } },
  tableActions: ['Query'],
  tablePartitions: ['marketing-settings'],
} as const satisfies RouteSpec;

export const setMarketingSettings = {
  method: 'PUT',
  path: '/marketing-settings',
  handler: 'api/campaigns/set-settings',
  roles: ['admin'],
  summary:
    'Turn the own-customer exception (Information Society Code 200 § 2) on or off per electronic channel: audiences computed and the notice shown after it follow',
  body: MarketingSettingsBody,
  responses: {
    200: { description: 'Saved: the new version' },
    400: { description: 'Not valid' },
  },
  tableActions: ['Query', 'PutItem'],
  tablePartitions: ['marketing-settings'],
} as const satisfies RouteSpec;
