import type { ConsentEvent } from '../consents/purposes.ts';
import { inParallel } from '../concurrency.ts';
import type { AuditEntry } from '../members/audit-entry.ts';
import { systemAuditEntry } from '../members/audit.ts';
import { saveChange } from '../members/change-member.ts';
import { NO_FLAGS, PERSONAL_FIELDS, type Member, type PersonalField } from '../members/member.ts';
import { newCustomerNumber } from '../members/new-customer-number.ts';
import { Refusal } from '../refusal.ts';
import { EXPORT_FILES, MEMBER_COLUMNS, rowOf, type CsvRecord, type MemberRow } from './export-format.ts';
import {
  ACTOR,
  count,
  WRITES_IN_FLIGHT,
  type ImportContext,
  type LegacyImportDeps,
} from './import-context.ts';
import { reportedNumber, type ReportLine } from './import-report.ts';
import type { ImportState } from './import-store.ts';
import { decideMember, type Dropped, type LegacyMember } from './legacy-member.ts';

/**
 * One window of members.csv: each record decided by the register's rules (legacy-member.ts), then
 * written as a new member, as a change of one moved in before, or left out, and reported.
 */
export async function membersWindow(
  window: CsvRecord[],
  state: ImportState,
  context: ImportContext,
  deps: LegacyImportDeps,
): Promise<ReportLine[]> {
  const decisions = window.map((record) => {
    if (record.fields.length !== MEMBER_COLUMNS.length) {
      return { record, decision: undefined };
    }
    return {
      record,
      decision: decideMember(rowOf(MEMBER_COLUMNS, record.fields) as MemberRow, context.today),
    };
  });
  const wanted = decisions.flatMap(({ decision }) =>
    decision && decision.outcome !== 'refused' ? [decision.legacyNumber] : [],
  );
  const movedIn = await deps.imports.movedIn(wanted);
  const existing = await deps.members.getMany([...movedIn.values()]);
  return inParallel(decisions, WRITES_IN_FLIGHT, async ({ record, decision }): Promise<ReportLine> => {
    const line = { file: EXPORT_FILES.members, line: record.line } as const;
    if (!decision) {
      count(state.members, 'refused');
      return { ...line, outcome: 'refused', reason: `expected ${MEMBER_COLUMNS.length} columns` };
    }
    if (decision.outcome === 'left-out') {
      // A member moved in before who has died since: marked deceased, for the retention rules.
      const customerNumber = movedIn.get(decision.legacyNumber);
      const alive = customerNumber ? existing.get(customerNumber) : undefined;
      if (alive && !alive.flags.deceased) {
        const outcome = context.dryRun
          ? 'deceased-since'
          : await markDeceased(alive, decision.deceasedOn, context, record.line, deps);
        count(state.members, outcome);
        return { ...line, legacyNumber: decision.legacyNumber, outcome };
      }
    }
    if (decision.outcome !== 'import') {
      count(state.members, decision.outcome === 'left-out' ? decision.reason : 'refused');
      return {
        ...line,
        ...reportedNumber(decision.legacyNumber),
        outcome: decision.outcome,
        reason: decision.reason,
      };
    }
    const { member, dropped } = decision;
    if (context.dryRun) context.wouldImport.add(member.legacyNumber);
    // Two earlier members with one email or mobile: the first by earlier number keeps it.
    for (const field of ['email', 'mobile'] as const) {
      const first = context.shared.first[field].get(member.data[field] ?? '');
      if (member.data[field] && first !== undefined && first !== member.legacyNumber) {
        delete member.data[field];
        dropped.push({ field, reason: `also the ${field} of earlier member ${first}, who keeps it` });
      }
    }
    const customerNumber = movedIn.get(member.legacyNumber);
    const before = customerNumber ? existing.get(customerNumber) : undefined;
    const outcome = before
      ? await updateMember(before, member, dropped, context, record.line, deps)
      : customerNumber
        ? 'erased-since'
        : await createMember(member, dropped, context, record.line, deps);
    count(state.members, outcome === 'imported' && dropped.length > 0 ? 'imported-without-fields' : outcome);
    const sharing = context.shared.sharedWith.get(member.legacyNumber);
    return {
      ...line,
      legacyNumber: member.legacyNumber,
      outcome,
      ...(dropped.length > 0 ? { fields: dropped } : {}),
      ...(sharing ? { reason: `keeps a value also given for earlier members ${sharing.join(', ')}` } : {}),
    };
  });
}

const auditOf = (
  customerNumber: string,
  context: ImportContext,
  line: number,
  fields: string[],
): AuditEntry =>
  systemAuditEntry({
    customerNumber,
    at: context.at,
    actor: ACTOR,
    action: 'import',
    via: `legacy-import ${context.exportId} members.csv line ${line}`,
    purpose: 'membership',
    fields,
  });

/** A member moved in before who has died since: marked deceased (the retention rules take it from there). */
async function markDeceased(
  alive: Member,
  deceasedOn: string | undefined,
  context: ImportContext,
  line: number,
  deps: LegacyImportDeps,
): Promise<string> {
  try {
    await saveChange(
      deps.members,
      alive,
      { flags: { ...alive.flags, deceased: true }, ...(deceasedOn ? { deceasedOn } : {}) },
      context.at,
      { audit: auditOf(alive.customerNumber, context, line, ['flags.deceased', 'deceasedOn']) },
    );
    return 'deceased-since';
  } catch (error) {
    // Changed or erased meanwhile: reported, for a person to look at; the import goes on.
    if (!(error instanceof Refusal)) throw error;
    return error.kind === 'not-found' ? 'erased-since' : 'changed-meanwhile';
  }
}

/** A new member of the register for an earlier one: the number, card, bans and consents in one save. */
async function createMember(
  legacy: LegacyMember,
  dropped: Dropped[],
  context: ImportContext,
  line: number,
  deps: LegacyImportDeps,
): Promise<string> {
  if (context.dryRun) return 'imported';
  const fields = PERSONAL_FIELDS.filter((field) => legacy.data[field] !== undefined);
  const source = { source: 'legacy-register', at: context.exportedAt } as const;
  const events: ConsentEvent[] = legacy.answers.map((answer) => ({
    ...answer,
    source: 'legacy-register',
    channel: 'legacy-import',
    actor: ACTOR,
    previously: null,
  }));
  for (let attempt = 0; attempt < 3; attempt++) {
    const customerNumber = newCustomerNumber();
    const member: Member = {
      ...legacy.data,
      customerNumber,
      channel: 'legacy-import',
      legacyNumber: legacy.legacyNumber,
      card: legacy.order ? { ...legacy.card, orderedAt: context.at } : legacy.card,
      flags: { ...NO_FLAGS, protectedAddress: legacy.protectedAddress },
      sources: Object.fromEntries(fields.map((field) => [field, source])),
      ...(events.length > 0
        ? {
            consents: Object.fromEntries(
              events.map(({ previously: _p, ...consent }) => [consent.purpose, consent]),
            ),
          }
        : {}),
      version: 1,
      createdAt: `${legacy.joinedOn}T00:00:00.000Z`,
      updatedAt: context.at,
    };
    const saved = await deps.members.save({
      after: member,
      audit: auditOf(customerNumber, context, line, fields),
      legacyNumber: legacy.legacyNumber,
      ...(legacy.linkCard ? { linkCard: legacy.linkCard } : {}),
      ...(legacy.order ? { placeCardOrder: { customerNumber, orderedAt: context.at, ...legacy.order } } : {}),
      ...(events.length > 0 ? { consentEvents: events } : {}),
    });
    switch (saved.outcome) {
      case 'saved':
        return 'imported';
      case 'already-imported':
        return 'unchanged'; // a run that stopped after this save: the member is there
      case 'customer-number-taken':
        continue;
      case 'duplicate': {
        // The register already has this email, mobile or card for someone else: imported without it.
        const field = saved.field;
        dropped.push({
          field: field === 'card' ? 'card' : field,
          reason: `belongs to another member of the register`,
        });
        if (field === 'card') {
          delete legacy.linkCard;
          legacy.card = { type: 'NONE', status: 'NONE' };
        } else delete legacy.data[field];
        return createMember(legacy, dropped, context, line, deps);
      }
      default:
        throw new Error(`an imported member was not saved: ${saved.outcome}`);
    }
  }
  throw new Error('no free customer number after three draws');
}

/**
 * A member moved in before: the personal fields the earlier register still owns (their source is
 * it), a protected address, and bans and consents not changed in the register since, follow a newer
 * export; nothing is written when all is the same. A change that races customer service is decided
 * again on a fresh read; a value another member holds now is left out.
 */
async function updateMember(
  member: Member,
  legacy: LegacyMember,
  dropped: Dropped[],
  context: ImportContext,
  line: number,
  deps: LegacyImportDeps,
): Promise<string> {
  let before = member;
  // Values another member holds by now: left as the member has them, and reported.
  const taken = new Set<PersonalField>();
  for (let attempt = 0; attempt < 3; attempt++) {
    const owned = (field: PersonalField) =>
      !taken.has(field) && (!before.sources[field] || before.sources[field]?.source === 'legacy-register');
    const changed = PERSONAL_FIELDS.filter((field) => owned(field) && before[field] !== legacy.data[field]);
    const events: ConsentEvent[] = legacy.answers.flatMap((answer) => {
      const current = before.consents?.[answer.purpose];
      // An answer the member has given since (in the register) stands.
      if (current && current.source !== 'legacy-register') return [];
      if (current?.granted === answer.granted) return [];
      return [
        {
          ...answer,
          source: 'legacy-register',
          channel: 'legacy-import',
          actor: ACTOR,
          previously: current?.granted ?? null,
        },
      ];
    });
    const protect = legacy.protectedAddress && !before.flags.protectedAddress;
    if (changed.length === 0 && events.length === 0 && !protect) return 'unchanged';
    if (context.dryRun) return 'updated';
    const set: Partial<Member> = { sources: { ...before.sources } };
    for (const field of changed) {
      Object.assign(set, { [field]: legacy.data[field] });
      if (legacy.data[field] === undefined) delete set.sources![field];
      else set.sources![field] = { source: 'legacy-register', at: context.exportedAt };
    }
    if (events.length > 0) {
      set.consents = { ...before.consents };
      for (const { previously: _p, ...consent } of events) set.consents[consent.purpose] = consent;
    }
    if (protect) set.flags = { ...before.flags, protectedAddress: true };
    try {
      await saveChange(deps.members, before, set, context.at, {
        audit: auditOf(before.customerNumber, context, line, [
          ...changed,
          ...events.map((e) => e.purpose),
          ...(protect ? ['flags.protectedAddress'] : []),
        ]),
        ...(events.length > 0 ? { consentEvents: events } : {}),
      });
      return 'updated';
    } catch (error) {
      if (!(error instanceof Refusal)) throw error;
      if (error.kind === 'not-found') return 'erased-since';
      if (error.kind === 'duplicate-value') {
        const field = error.errors?.[0]?.field as 'email' | 'mobile';
        taken.add(field);
        dropped.push({ field, reason: 'belongs to another member of the register' });
        continue;
      }
      if (error.kind !== 'stale-version') throw error;
      const fresh = await deps.members.get(before.customerNumber);
      if (!fresh) return 'erased-since';
      before = fresh;
    }
  }
  return 'changed-meanwhile';
}
