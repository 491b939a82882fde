import { config } from '../config.ts';
import type { Member } from '../members/member.ts';
import { addMonthsToDay, helsinkiDate } from '../time/helsinki.ts';

/** The Helsinki day of a timestamp; a plain date is its own day. */
const dayOf = (dateOrTime: string) =>
  dateOrTime.length > 10 ? helsinkiDate(new Date(dateOrTime)) : dateOrTime;
const addDays = (day: string, days: number) =>
  new Date(Date.parse(dayOf(day) + 'T00:00:00Z') + days * 86_400_000).toISOString().slice(0, 10);
/**
 * The day the retention job erases the member, if it will: the date of death or the end of the
 * membership plus its period, or a member's own erasure request plus the days customer service has
 * to carry it out first; whichever comes first.
 */
export function erasureDueOn(
  member: Pick<Member, 'deceasedOn' | 'erasureRequestedAt' | 'membershipEndedAt'>,
): string | undefined {
  const dates = [
    member.deceasedOn && addMonthsToDay(dayOf(member.deceasedOn), config.retention.afterDeathMonths),
    member.membershipEndedAt &&
      addMonthsToDay(dayOf(member.membershipEndedAt), config.retention.afterMembershipMonths),
    member.erasureRequestedAt && addDays(member.erasureRequestedAt, config.retention.erasureRequestDays),
  ].filter((d): d is string => Boolean(d));
  return dates.sort()[0];
}
