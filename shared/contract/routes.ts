import type { RouteSpec } from './route.ts';
import { joinAsMember, linkAccount } from './routes/account.ts';
import {
  closeCampaign,
  computeAudience,
  createCampaign,
  editCampaign,
  listCampaigns,
  previewAudience,
  readAudience,
  campaignResults,
  previewMessages,
  readCampaign,
  sendCampaign,
  readMarketingSettings,
  setMarketingSettings,
} from './routes/campaigns.ts';
import {
  agreeNameOnCard,
  cardBatches,
  chooseCard,
  orderReplacement,
  reportLostCard,
} from './routes/cards.ts';
import { changeConsent, consentHistory, readConsents } from './routes/consents.ts';
import { correctMember, findMembers, readMember, registerMember, searchMembers } from './routes/members.ts';
import { jobRuns, resolveWorkItem, runJobNow, workQueue } from './routes/operations.ts';
import {
  endMembership,
  eraseMember,
  exportMember,
  memberAudit,
  paperForm,
  privacyNotice,
  recordsOfProcessing,
  requestErasure,
  restrictMember,
} from './routes/privacy.ts';
import { countReceipt, countReceipts, mainGroups, posLookup, readPurchases } from './routes/purchases.ts';
import { listReports, readReport } from './routes/reports.ts';
import { accessReview, changeStaffGroups, inviteStaff, listStaff, setStaffEnabled } from './routes/staff.ts';
import { readBenefitRules, readBenefits, setBenefitRules } from './routes/benefits.ts';
import { readUnsubscribe, unsubscribe } from './routes/messages.ts';

// One file per resource (routes/), composed here: every route by name, and the table of them all.
export * from './routes/members.ts';
export * from './routes/account.ts';
export * from './routes/cards.ts';
export * from './routes/staff.ts';
export * from './routes/operations.ts';
export * from './routes/consents.ts';
export * from './routes/campaigns.ts';
export * from './routes/reports.ts';
export * from './routes/purchases.ts';
export * from './routes/privacy.ts';
export * from './routes/benefits.ts';
export * from './routes/messages.ts';

/** This API as an OpenAPI 3.1 document: every route's, by design. */
export const openApi = {
  method: 'GET',
  path: '/openapi.json',
  handler: 'api/openapi',
  roles: 'public',
  summary: 'This API as an OpenAPI 3.1 document',
  responses: { 200: { description: 'The document' } },
  tableActions: [],
} as const satisfies RouteSpec;

/**
 * The API: the CDK stack, the local server, the OpenAPI document and the role tests all read this.
 * Who may call what is decided here (roles) and, for members, by the domain (only their own record).
 * One export per route, one file per resource (routes/): a handler imports its own route from its
 * resource's file, so its bundle carries no other route's text. A route object holds literals and
 * imported values only: esbuild keeps one that calls another module's function (or holds arithmetic)
 * in every bundle. The order here is the OpenAPI document's and the console client's.
 */
export const routes = {
  openApi,
  registerMember,
  linkAccount,
  joinAsMember,
  findMembers,
  searchMembers,
  readMember,
  correctMember,
  chooseCard,
  agreeNameOnCard,
  orderReplacement,
  reportLostCard,
  cardBatches,
  jobRuns,
  runJobNow,
  workQueue,
  resolveWorkItem,
  readConsents,
  changeConsent,
  consentHistory,
  createCampaign,
  listCampaigns,
  readCampaign,
  editCampaign,
  closeCampaign,
  previewAudience,
  computeAudience,
  readAudience,
  previewMessages,
  sendCampaign,
  campaignResults,
  readMarketingSettings,
  setMarketingSettings,
  readUnsubscribe,
  unsubscribe,
  listReports,
  readReport,
  countReceipt,
  countReceipts,
  mainGroups,
  readPurchases,
  posLookup,
  readBenefits,
  readBenefitRules,
  setBenefitRules,
  exportMember,
  memberAudit,
  requestErasure,
  endMembership,
  eraseMember,
  restrictMember,
  privacyNotice,
  paperForm,
  recordsOfProcessing,
  listStaff,
  inviteStaff,
  changeStaffGroups,
  setStaffEnabled,
  accessReview,
} as const satisfies Record<string, RouteSpec>;

export const routeList: readonly RouteSpec[] = /* @__PURE__ */ Object.values(routes);
