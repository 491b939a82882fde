/**
 * A campaign is a draft (editable) until its audience is computed; computing runs outside the
 * request; a computed campaign's audience stays what it reached (a new audience is a new campaign);
 * one that reached fewer than five is too small (nobody may be contacted); an email campaign is then
 * sent (sending, outside the request, until sent); closed is final.
 */
export const CAMPAIGN_STATUSES = [
  'draft',
  'computing',
  'computed',
  'too-small',
  'sending',
  'sent',
  'closed',
] as const;
export type CampaignStatus = (typeof CAMPAIGN_STATUSES)[number];
