import { config } from '../config.ts';
import type { Member } from '../members/member.ts';

const addDays = (day: string, days: number) =>
  new Date(Date.parse(day.slice(0, 10) + 'T00:00:00Z') + days * 86_400_000).toISOString().slice(0, 10);
const addMonths = (day: string, months: number) => {
  const at = new Date(day.slice(0, 10) + 'T00:00:00Z');
  at.setUTCMonth(at.getUTCMonth() + months);
  return at.toISOString().slice(0, 10);
};

/**
 * The day the retention job erases the member, if it will: the date of death or the end of the
 * membership plus its period, or a member's own erasure request plus the days customer service has
 * to carry it out first; whichever comes first.
 */
export function erasureDueOn(
  member: Pick<Member, 'deceasedOn' | 'erasureRequestedAt' | 'membershipEndedAt'>,
): string | undefined {
  const dates = [
    member.deceasedOn && addMonths(member.deceasedOn, config.retention.afterDeathMonths),
    member.membershipEndedAt && addMonths(member.membershipEndedAt, config.retention.afterMembershipMonths),
    member.erasureRequestedAt && addDays(member.erasureRequestedAt, config.retention.erasureRequestDays),
  ].filter((d): d is string => Boolean(d));
  return dates.sort()[0];
}
