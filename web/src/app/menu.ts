import { may } from '../lib/auth/authorization.ts';
import { useSession } from '../lib/auth/auth-provider.tsx';
import type { OperationId } from '../lib/generated/roles.ts';
import type { MessageKey } from '../lib/i18n/i18n-provider.tsx';

/** The pages each role may find in the menu; the operation a page needs decides who sees it. */
const PAGES: { path: string; label: MessageKey; needs: OperationId }[] = [
  { path: '/', label: 'navSearch', needs: 'searchMembers' },
  { path: '/new-member', label: 'navRegister', needs: 'registerMember' },
  { path: '/queues', label: 'navQueues', needs: 'workQueue' },
  { path: '/operations', label: 'navOperations', needs: 'jobRuns' },
  { path: '/marketing', label: 'navCampaigns', needs: 'listCampaigns' },
  { path: '/figures', label: 'navFigures', needs: 'listReports' },
  { path: '/benefit-rules', label: 'navBenefitRules', needs: 'readBenefitRules' },
  { path: '/staff', label: 'navStaff', needs: 'listStaff' },
];

/**
 * The signed-in person's menu: the pages their role may use, their own page if they are a member with
 * a membership, and whether they are a member whose account no membership is linked to yet.
 */
export function useMenu() {
  const session = useSession();
  const own = session.customerNumber ? `/member/${session.customerNumber}` : undefined;
  return {
    pages: PAGES.filter((page) => may(session.roles, page.needs)),
    own,
    unlinked: session.role === 'member' && !own,
  };
}
