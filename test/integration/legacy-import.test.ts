import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { GetObjectCommand } from '@aws-sdk/client-s3';
import type { LocalApi } from '../../infra/local/register.ts';
import { handler as legacyImportJob } from '../../functions/jobs/legacy-import.ts';
import { handler as cardBatchJob } from '../../functions/jobs/card-batch.ts';
import { legacyReportKey } from '../../shared/exchange/layout.ts';
import type { LegacyImportDeps } from '../../shared/legacy/import-context.ts';
import { runLegacyImport } from '../../shared/legacy/run-import.ts';
import type { LegacyImportStore } from '../../shared/legacy/import-store.ts';
import { createDocumentClient, tableName } from '../../shared/store/dynamo.ts';
import { DynamoMemberStore } from '../../shared/store/dynamo-member-store.ts';
import { DynamoLegacyImportStore } from '../../shared/store/dynamo-legacy-store.ts';
import { exclusion } from '../../shared/campaigns/audience-rules.ts';
import { CHANNEL_BASIS } from '../../shared/consents/purposes.ts';
import { campaignStore, jobLeases, memberStore, statementStore } from '../../shared/store/default-stores.ts';
import { SEGMENTS } from '../../shared/benefits/write-statements.ts';
import { exchangeBucket } from '../../shared/store/default-bucket.ts';
import { bucketName, createS3Client } from '../../shared/store/exchange-bucket.ts';
import { call, startTestApi } from '../support/local-api.ts';
import { ADMIN, CUSTOMER_SERVICE, POS } from '../support/fixtures.ts';
import {
  aLegacyMember,
  cp1252,
  deliverExample,
  deliverExport,
  manifestOf,
  membersFile,
  purchasesFile,
} from '../support/legacy-exports.ts';
import { scanTable } from '../support/scan.ts';

let api: LocalApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(() => api.stop());

const report = async (exportId: string, dryRun = false) => {
  const { Body } = await createS3Client().send(
    new GetObjectCommand({ Bucket: bucketName(), Key: legacyReportKey(exportId, dryRun) }),
  );
  return JSON.parse(await Body!.transformToString('utf8'));
};
const byLegacyNumber = async (legacyNumber: string) =>
  (await call(api, 'GET', `/members?legacyNumber=${legacyNumber}`, { as: CUSTOMER_SERVICE })).body.members[0];
const monthsOf = async (customerNumber: string) =>
  (
    await call(api, 'GET', `/members/${customerNumber}/purchases?from=2024-01&to=2026-11`, {
      as: CUSTOMER_SERVICE,
    })
  ).body.months;

/** Stores over a client that counts the write requests it sends, the job's own bookkeeping (JOB#…) aside. */
function metered() {
  const counter = { writes: 0 };
  const raw = new DynamoDBClient({});
  raw.middlewareStack.add(
    (next, context) => async (args) => {
      const bookkeeping = JSON.stringify(args.input).includes('JOB#');
      if (/Put|Update|Delete|TransactWrite|BatchWrite/.test(String(context.commandName)) && !bookkeeping)
        counter.writes += 1;
      return next(args);
    },
    { step: 'initialize', name: 'countWrites' },
  );
  const db = createDocumentClient(raw);
  const deps: LegacyImportDeps = {
    members: new DynamoMemberStore(db, tableName()),
    imports: new DynamoLegacyImportStore(db, tableName()),
    leases: jobLeases(),
    files: exchangeBucket(),
    // The day the example's ages and months are judged on, whenever the test runs.
    now: () => new Date('2026-11-26T12:00:00+02:00'),
  };
  return { counter, deps };
}

describe('the example export of the format', () => {
  it('changes nothing in a dry run, and says in its report what the import will do', async () => {
    await deliverExample();
    const before = JSON.stringify(await scanTable());
    const { counter, deps } = metered();
    const dry = await runLegacyImport({ ...deps, dryRun: true });
    expect(dry).toMatchObject({ done: true, dryRun: true });
    expect(counter.writes).toBe(0);
    expect(JSON.stringify(await scanTable())).toBe(before);
    const planned = await report('VANHA-20261120-1', true);
    expect(planned.members).toEqual({ imported: 3, 'imported-without-fields': 2, refused: 2, deceased: 1 });
    // The purchase lines of members it would take count as theirs.
    expect(planned.purchases).toEqual({ written: 6, 'unmapped-group': 1, malformed: 1, 'unknown-member': 1 });
  });

  it('takes every line as the format says', async () => {
    const run = await runLegacyImport(metered().deps);
    expect(run.done).toBe(true);
    const { members, purchases, lines } = await report('VANHA-20261120-1');
    expect(members).toEqual({ imported: 3, 'imported-without-fields': 2, refused: 2, deceased: 1 });
    const line = (n: string, file = 'members.csv') =>
      lines.find((l: { legacyNumber?: string; file: string }) => l.legacyNumber === n && l.file === file);
    expect(line('3')).toMatchObject({ outcome: 'refused', reason: 'invalid birth date' });
    expect(line('7')).toMatchObject({ outcome: 'refused', reason: 'under 15' });
    expect(line('5')).toMatchObject({ outcome: 'left-out', reason: 'deceased' });
    expect(line('2').fields).toEqual([expect.objectContaining({ field: 'streetAddress' })]);
    expect(line('4').fields).toEqual([
      { field: 'mobile', reason: 'also the mobile of earlier member 1, who keeps it' },
    ]);
    expect(line('1').reason).toBe('keeps a value also given for earlier members 4');
    // No personal data but the earlier number in the report.
    expect(JSON.stringify(lines)).not.toMatch(/Äijälä|Virtanen|example\.fi|040/);

    // 1: a produced cash card that resolves at the tills, Swedish, her email consent with its date.
    const asa = await byLegacyNumber('1');
    expect(asa).toMatchObject({
      legacyNumber: '1',
      surname: 'Äijälä',
      firstNames: 'Åsa Märta',
      email: 'asa.aijala@example.fi',
      mobile: '+358401234567',
      phone: '+3589123456',
      gender: 'female',
      language: 'sv',
      channel: 'legacy-import',
      card: { type: 'CASH_CARD', status: 'PRODUCED', cardNumber: '6001000000000017' },
    });
    expect((await call(api, 'GET', '/pos/members/6001000000000017', { as: POS })).body).toEqual({
      member: true,
      card: { type: 'CASH_CARD', status: 'PRODUCED' },
      tierPercent: 0,
    });
    const consents = (
      await call(api, 'GET', `/members/${asa.customerNumber}/consents`, { as: CUSTOMER_SERVICE })
    ).body.consents;
    expect(consents).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          purpose: 'marketing.email',
          granted: true,
          source: 'legacy-register',
          channel: 'legacy-import',
          at: '2015-02-03T00:00:00.000Z',
        }),
        expect.objectContaining({
          purpose: 'directMarketingBan',
          granted: false,
          at: '2009-12-15T00:00:00.000Z',
        }),
      ]),
    );
    const sources = (
      await call(api, 'GET', `/members/${asa.customerNumber}?include=sources`, { as: CUSTOMER_SERVICE })
    ).body.sources;
    expect(sources.surname).toEqual({ source: 'legacy-register', at: '2026-11-20T18:00:00+02:00' });
    const audit = (await call(api, 'GET', `/members/${asa.customerNumber}/audit`, { as: ADMIN })).body
      .entries;
    expect(audit[0]).toMatchObject({ seq: 1, action: 'import', role: 'system', actor: 'legacy-import' });

    // 2: O'Brien-Öhman, a MasterCard by its last four, his direct-marketing ban in force.
    const sean = await byLegacyNumber('2');
    expect(sean).toMatchObject({
      surname: "O'Brien-Öhman",
      firstNames: 'Seán',
      card: { type: 'MASTERCARD', cardNumber: '************1234' },
    });
    expect(sean.streetAddress).toBeUndefined();
    // 4: her card was ordered: it waits in the card order queue, without the mobile member 1 keeps.
    const liisa = await byLegacyNumber('4');
    expect(liisa.mobile).toBeUndefined();
    expect(liisa.card).toMatchObject({ type: 'CASH_CARD', status: 'ORDERED' });
    // Never asked for a consent in 2009: post may reach her (no ban), email may not (no consent); his ban keeps him from both.
    const audiences = await Promise.all(
      (['post', 'email'] as const).map(async (channel) => {
        const listed: string[] = [];
        for await (const page of campaignStore().reachable(channel, CHANNEL_BASIS[channel], 100))
          listed.push(...page);
        return listed;
      }),
    );
    expect(audiences[0]).toContain(liisa.customerNumber);
    expect(audiences[1]).not.toContain(liisa.customerNumber);
    const stored = await memberStore().getMany([liisa.customerNumber, sean.customerNumber]);
    expect(exclusion(stored.get(liisa.customerNumber)!, 'post', 'legitimate-interest')).toBeUndefined();
    expect(exclusion(stored.get(liisa.customerNumber)!, 'email', 'consent')).toBe('no-consent');
    expect(exclusion(stored.get(sean.customerNumber)!, 'post', 'legitimate-interest')).toBe(
      'direct-marketing-ban',
    );
    const batch = await cardBatchJob();
    expect(batch.batches.reduce((sum, b) => sum + b.records, 0)).toBeGreaterThanOrEqual(1);
    // 6: a protected address from the population register.
    expect((await byLegacyNumber('6')).flags.protectedAddress).toBe(true);
    expect(await byLegacyNumber('12345678')).toMatchObject({ mobile: '+46701234567', language: 'sv' });

    // Purchases: months summed per group, group 99 and an unknown member reported, a bad sum reported.
    expect(await monthsOf(asa.customerNumber)).toEqual([
      { month: '2025-11', groups: { food: 12345, beauty: -1200 }, receipts: 3 },
      { month: '2025-12', groups: { food: 123450 }, receipts: 5 },
    ]);
    expect(await monthsOf(liisa.customerNumber)).toEqual([
      { month: '2026-10', groups: { 'womens-fashion': 5995 }, receipts: 2 },
    ]);
    // On October's buyers, as a till's receipt would have put it: October's benefit statement reads it.
    const october: string[] = [];
    for (const segment of SEGMENTS)
      for await (const page of statementStore().buyers('2026-10', segment, undefined, 100))
        october.push(...page.map((buyer) => buyer.customerNumber));
    expect(october).toEqual([liisa.customerNumber]);
    expect(purchases).toMatchObject({ written: 6, 'unmapped-group': 1, malformed: 1, 'unknown-member': 1 });
    expect(line('999', 'purchases.csv')).toMatchObject({ line: 10, outcome: 'unknown-member' });
    expect(line('1', 'purchases.csv')).toMatchObject({ line: 5, outcome: 'unmapped-group' });
  });

  it('changes nothing when the same export comes again, and writes nothing', async () => {
    const { counter, deps } = metered();
    await deliverExample('VANHA-20261120-2');
    const run = await runLegacyImport(deps);
    expect(run.exports).toEqual([
      expect.objectContaining({
        exportId: 'VANHA-20261120-2',
        status: 'imported',
        members: { unchanged: 5, refused: 2, deceased: 1 },
      }),
    ]);
    expect(run.exports[0]!.purchases).toMatchObject({ unchanged: 6 });
    expect(counter.writes).toBe(0);
    // An export taken once is not taken again.
    expect((await runLegacyImport(deps)).exports).toEqual([]);
    expect(counter.writes).toBe(0);
    expect((await scanTable()).filter((item) => String(item.pk).startsWith('LEGACY#'))).toHaveLength(5);
  });
});

describe('an import that stops midway', () => {
  it('resumes from its checkpoint: each member once, each month exact', async () => {
    const rows = Array.from({ length: 9 }, (_, i) => aLegacyMember(3001 + i));
    const purchases = rows.flatMap((row) =>
      ['2026-08', '2026-09'].flatMap((month) =>
        ['10', '40'].map((group) => ({
          asiakasnro: row.asiakasnro,
          kuukausi: month,
          paaryhma: group,
          summa: '10,50',
          kuitteja: '2',
        })),
      ),
    );
    await deliverExport('RESUME-1', { members: membersFile(rows), purchases: purchasesFile(purchases) });
    const { deps } = metered();
    let checkpoints = 0;
    const dying: LegacyImportStore = {
      state: (exportId) => deps.imports.state(exportId),
      movedIn: (numbers) => deps.imports.movedIn(numbers),
      months: (wanted) => deps.imports.months(wanted),
      putMonth: (n, totals, expiresAt) => deps.imports.putMonth(n, totals, expiresAt),
      // The run dies at its sixth checkpoint, its windows' work written: members done, purchases halfway.
      saveState: async (state) => {
        if (++checkpoints > 5) throw new Error('the run died here');
        return deps.imports.saveState(state);
      },
    };
    await expect(runLegacyImport({ ...deps, imports: dying, window: 4 })).rejects.toThrow(
      'the run died here',
    );
    await expect(runLegacyImport({ ...deps, window: 4 })).resolves.toMatchObject({ done: true });
    for (const row of rows) {
      const member = await byLegacyNumber(row.asiakasnro);
      expect(await monthsOf(member.customerNumber)).toEqual([
        { month: '2026-08', groups: { food: 1050, home: 1050 }, receipts: 2 },
        { month: '2026-09', groups: { food: 1050, home: 1050 }, receipts: 2 },
      ]);
    }
    const legacyItems = (await scanTable()).filter((item) => /^LEGACY#30\d\d$/.test(String(item.pk)));
    expect(legacyItems).toHaveLength(9);
    expect((await report('RESUME-1')).members).toEqual({ imported: 9 });
  });

  it('stops for time between windows and the next invocation goes on', async () => {
    const rows = Array.from({ length: 6 }, (_, i) => aLegacyMember(4001 + i));
    await deliverExport('TIME-1', { members: membersFile(rows), purchases: purchasesFile([]) });
    let left = 120_000;
    const first = await runLegacyImport({ ...metered().deps, window: 2, timeLeft: () => (left -= 40_000) });
    expect(first.done).toBe(false);
    const second = await legacyImportJob();
    expect(second.done).toBe(true);
    expect((await report('TIME-1')).members).toEqual({ imported: 6 });
  });
});

describe('bad files import nothing, and the report says why', () => {
  const members = membersFile([aLegacyMember(5001), aLegacyMember(5002)]);
  const purchases = purchasesFile([
    { asiakasnro: '5001', kuukausi: '2026-09', paaryhma: '10', summa: '1,00', kuitteja: '1' },
  ]);
  const good = (exportId: string) => manifestOf(exportId, members, purchases);
  const lines = (manifest: ReturnType<typeof good>, records: number) => ({
    ...manifest,
    files: [{ ...manifest.files[0]!, records }, manifest.files[1]!],
  });
  const added = Buffer.concat([members, membersFile([aLegacyMember(5003)]).subarray(membersFile([]).length)]);
  const utf8 = Buffer.from(members.toString('latin1'), 'utf8');
  const renamed = cp1252(members.toString('latin1').replace('sukunimi', 'sukunimet'));
  const cases = {
    'a checksum that does not match': {
      files: (id: string) => ({ members: added, purchases, manifest: lines(good(id), 3) }),
      reason: /SHA-256 does not match/,
    },
    'a count that does not match': {
      files: (id: string) => ({ members, purchases, manifest: lines(good(id), 3) }),
      reason: /has 2 records, the manifest says 3/,
    },
    'a truncated file': {
      files: (id: string) => ({
        members: members.subarray(0, members.length - 40),
        purchases,
        manifest: good(id),
      }),
      reason: /SHA-256 does not match/,
    },
    'a file in UTF-8': {
      files: (id: string) => ({ members: utf8, purchases, manifest: manifestOf(id, utf8, purchases) }),
      reason: /UTF-8, not Windows-1252/,
    },
    'a renamed column': {
      files: (id: string) => ({ members: renamed, purchases, manifest: manifestOf(id, renamed, purchases) }),
      reason: /the header must be/,
    },
  };
  it.each(Object.entries(cases).map(([name, c], i) => [name, `BAD-${i}`, c] as const))(
    '%s',
    async (_name, exportId, { files, reason }) => {
      await deliverExport(exportId, files(exportId));
      const run = await legacyImportJob();
      expect(run.exports).toEqual([expect.objectContaining({ exportId, status: 'rejected' })]);
      expect((await report(exportId)).reason).toMatch(reason);
      expect((await scanTable()).filter((item) => /^LEGACY#500\d$/.test(String(item.pk)))).toEqual([]);
    },
  );
});
