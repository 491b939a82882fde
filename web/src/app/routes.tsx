import { lazy, Suspense, type ReactNode } from 'react';
import { Navigate, Route, Routes } from 'react-router';
import { AccountPage } from '../features/account/components/account-page.tsx';
import { CampaignPage } from '../features/campaigns/components/campaign-page.tsx';
import { CampaignsPage } from '../features/campaigns/components/campaigns-page.tsx';
import { RegisterPage } from '../features/members/components/register-page.tsx';
import { OperationsPage } from '../features/operations/components/operations-page.tsx';
import { QueuesPage } from '../features/queues/components/queues-page.tsx';
import { SearchPage } from '../features/search/components/search-page.tsx';
import { may } from '../lib/auth/authorization.ts';
import { useSession } from '../lib/auth/auth-provider.tsx';
import type { OperationId } from '../lib/generated/roles.ts';
import { useI18n } from '../lib/i18n/i18n-provider.tsx';
import { Gate } from './gate.tsx';
import { useMenu } from './menu.ts';
import { MemberPage } from './routes/member-page.tsx';

// The charts' library loads with the figures page only, not with the console's first page.
const FiguresPage = lazy(() => import('../features/figures/components/figures-page.tsx'));
// The rules page is the admin's and marketing's, the staff page the admin's: not in every role's first load.
const StaffPage = lazy(() =>
  import('../features/staff/components/staff-page.tsx').then((module) => ({ default: module.StaffPage })),
);
const BenefitRulesPage = lazy(() => import('../features/benefits/components/benefit-rules-page.tsx'));

/** Each path, the operation its page needs, and the page. */
const GATED: { path: string; needs: OperationId; page: ReactNode }[] = [
  { path: '/member/:customerNumber', needs: 'readMember', page: <MemberPage /> },
  { path: '/new-member', needs: 'registerMember', page: <RegisterPage /> },
  { path: '/queues', needs: 'workQueue', page: <QueuesPage /> },
  { path: '/operations', needs: 'jobRuns', page: <OperationsPage /> },
  { path: '/marketing', needs: 'listCampaigns', page: <CampaignsPage /> },
  { path: '/marketing/:campaignId', needs: 'readCampaign', page: <CampaignPage /> },
  ...['/figures', '/figures/:report'].map((path) => ({
    path,
    needs: 'listReports' as const,
    page: <LazyPage page={<FiguresPage />} />,
  })),
  { path: '/benefit-rules', needs: 'readBenefitRules', page: <LazyPage page={<BenefitRulesPage />} /> },
  { path: '/staff', needs: 'listStaff', page: <LazyPage page={<StaffPage />} /> },
];

export function AppRoutes() {
  const { t } = useI18n();
  return (
    <Routes>
      <Route path="/" element={<Start />} />
      {GATED.map(({ path, needs, page }) => (
        <Route key={path} path={path} element={<Gate needs={needs}>{page}</Gate>} />
      ))}
      <Route path="*" element={<p>{t('notFound')}</p>} />
    </Routes>
  );
}

/**
 * Where a person starts: a member on their own page, or linking or joining while no membership is
 * theirs yet; a role that finds no members (marketing) on its first page; the others on the search.
 */
function Start() {
  const { roles } = useSession();
  const { pages, own, unlinked } = useMenu();
  if (own) return <Navigate to={own} replace />;
  if (unlinked) return <AccountPage />;
  if (!may(roles, 'searchMembers') && pages[0]) return <Navigate to={pages[0].path} replace />;
  return (
    <Gate needs="searchMembers">
      <SearchPage />
    </Gate>
  );
}

function LazyPage({ page }: { page: ReactNode }) {
  const { t } = useI18n();
  return <Suspense fallback={<p role="status">{t('loading')}</p>}>{page}</Suspense>;
}
