/** Where an audience is computed: outside the request, which API Gateway stops waiting for at 30 s. */
export interface AudienceWork {
  /** Starts computing the campaign's audience (shared/campaigns/audience.ts computeAudience) and returns at once. */
  start(campaignId: string): Promise<void>;
}
