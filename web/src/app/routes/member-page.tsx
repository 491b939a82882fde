import { useNavigate, useParams } from 'react-router';
import { Loaded } from '../../components/loaded.tsx';
import { BenefitsPanel } from '../../features/benefits/components/benefits-panel.tsx';
import { CardPanel } from '../../features/cards/components/card-panel.tsx';
import { ConsentsPanel } from '../../features/consents/components/consents-panel.tsx';
import { useMember, useRefreshMember } from '../../features/members/api/use-member.ts';
import { MemberSummary } from '../../features/members/components/member-summary.tsx';
import { PersonalData } from '../../features/members/components/personal-data.tsx';
import { AuditPanel } from '../../features/privacy/components/audit-panel.tsx';
import { PrivacyPanel } from '../../features/privacy/components/privacy-panel.tsx';
import { PurchasesPanel } from '../../features/purchases/components/purchases-panel.tsx';
import { may } from '../../lib/auth/authorization.ts';
import { useSession } from '../../lib/auth/auth-provider.tsx';

/**
 * A member's page, one panel per feature: their data, card, consents, purchases, benefits, who saw
 * their data and their rights. A panel whose change the member's record shows reads the record again.
 */
export function MemberPage() {
  const { customerNumber = '' } = useParams();
  const { roles } = useSession();
  const navigate = useNavigate();
  const member = useMember(customerNumber);
  const refresh = useRefreshMember(customerNumber);
  return (
    <Loaded query={member}>
      {(member) => (
        <>
          <MemberSummary member={member} />
          <PersonalData member={member} />
          <CardPanel member={member} onChanged={refresh} />
          <ConsentsPanel customerNumber={member.customerNumber} />
          <PurchasesPanel customerNumber={member.customerNumber} />
          {may(roles, 'readBenefits') && <BenefitsPanel customerNumber={member.customerNumber} />}
          {may(roles, 'memberAudit') && <AuditPanel customerNumber={member.customerNumber} />}
          <PrivacyPanel
            customerNumber={member.customerNumber}
            restricted={member.flags.restricted}
            onChanged={refresh}
            onErased={() => void navigate('/')}
          />
        </>
      )}
    </Loaded>
  );
}
