import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GetObjectCommand } from '@aws-sdk/client-s3';
import type { LocalApi } from '../../infra/local/register.ts';
import { PROJECT_ROOT } from '../../infra/bundling.ts';
import { handler as addressRefreshJob } from '../../functions/jobs/address-refresh.ts';
import { handler as cardBatchJob } from '../../functions/jobs/card-batch.ts';
import { handler as addressExtractJob } from '../../functions/jobs/address-extract.ts';
import { runAddressRefresh, type AddressRefreshDeps } from '../../shared/addresses/run-refresh.ts';
import type { Member } from '../../shared/members/member.ts';
import { addressJobStore, jobLeases, memberStore } from '../../shared/store/default-stores.ts';
import { exchangeBucket } from '../../shared/store/default-bucket.ts';
import { bucketName, createS3Client } from '../../shared/store/exchange-bucket.ts';
import { anUpdate, putInbound, updateFile } from '../support/address-files.ts';
import { call, startTestApi } from '../support/local-api.ts';
import { aRegistration, aStoredMember, CUSTOMER_SERVICE, setFlags } from '../support/fixtures.ts';

let api: LocalApi;
/** Name and address exactly as aRegistration() stores them. */
const { surname, firstNames, streetAddress, postalCode, postOffice } = aRegistration();
const sameAddress = { surname, firstNames, streetAddress, postalCode, postOffice };
const report = async (name: string) => {
  const { Body } = await createS3Client().send(
    new GetObjectCommand({ Bucket: bucketName(), Key: `address-updates/reports/${name}.report.json` }),
  );
  const text = await Body!.transformToString('utf8');
  return { json: JSON.parse(text), text };
};
/** A member who gave their address in January, before any move date in these files. */
const register = async (overrides: Record<string, unknown> = {}) => {
  const created = (
    await call(api, 'POST', '/members', { as: CUSTOMER_SERVICE, body: aRegistration(overrides) })
  ).body;
  const store = memberStore();
  const before = (await store.get(created.customerNumber))!;
  const sources = Object.fromEntries(
    Object.entries(before.sources).map(([field, source]) => [
      field,
      { ...source, at: '2026-01-15T10:00:00.000Z' },
    ]),
  );
  await store.save({ before, after: { ...before, sources } });
  return created;
};
const read = async (n: string) =>
  (await call(api, 'GET', `/members/${n}?include=sources`, { as: CUSTOMER_SERVICE })).body;
const deps = (overrides: Partial<AddressRefreshDeps> = {}): AddressRefreshDeps => ({
  members: memberStore(),
  jobs: addressJobStore(),
  leases: jobLeases(),
  files: exchangeBucket(),
  ...overrides,
});
const fileNo = (() => {
  let n = 0;
  return () => `DVV_20261124_${String(++n).padStart(3, '0')}.dat`;
})();

beforeAll(async () => {
  api = await startTestApi();
});
afterAll(() => api.stop());

describe('the address refresh', () => {
  it('applies the format’s example file: a new address, a death, a non-disclosure, a move abroad, no match', async () => {
    const stored = (n: string, overrides: Partial<Member> = {}) =>
      memberStore().save({
        after: {
          ...(aStoredMember(n) as Member),
          email: `${n}@example.fi`,
          streetAddress: 'Vanha tie 1',
          postalCode: '00100',
          postOffice: 'HELSINKI',
          ...overrides,
        },
        ...(overrides.card?.orderedAt
          ? {
              placeCardOrder: {
                customerNumber: n,
                orderedAt: overrides.card.orderedAt,
                cardType: 'CASH_CARD',
                orderType: 'NEW',
              },
            }
          : {}),
      });
    await stored('1000000016');
    await stored('1000000024', {
      card: { type: 'CASH_CARD', status: 'ORDERED', orderedAt: '2026-11-01T10:00:00.000Z' },
    });
    await stored('1000000032');
    await stored('1000000040');
    const name = 'EXAMPLE_20261124_001.dat';
    await putInbound(name, readFileSync(join(PROJECT_ROOT, 'test/fixtures/address-update-example.dat')));

    const run = await addressRefreshJob();
    expect(run.done).toBe(true);
    const { json, text } = await report(name);
    expect(json).toMatchObject({
      file: name,
      fileId: 'EXAMPLE-0001',
      referenceDate: '2026-11-20',
      status: 'applied',
      detailLines: 5,
      counts: { updated: 1, deceased: 1, protected: 1, 'moved-abroad': 1, 'no-match': 1 },
      rejected: [],
    });
    expect(json.review).toEqual([
      { line: 5, customerNumber: '1000000040', reason: expect.stringContaining('abroad') },
      { line: 6, customerNumber: '1000000057', reason: expect.stringContaining('matched no one') },
    ]);
    for (const personal of ['Mäkinen', 'Hämeenkatu', 'Lindqvist', 'Stockholm', 'TAMPERE']) {
      expect(text).not.toContain(personal);
    }

    const moved = await read('1000000016');
    expect(moved).toMatchObject({
      surname: 'Mäkinen',
      firstNames: 'Päivi Helena',
      streetAddress: 'Hämeenkatu 12 B 7',
      postalCode: '33100',
      postOffice: 'TAMPERE',
      version: 4,
    });
    expect(moved.sources.streetAddress).toEqual({ source: 'population-register', at: '2026-10-02' });

    const deceased = await read('1000000024');
    expect(deceased.flags.deceased).toBe(true);
    expect(deceased.deceasedOn).toBe('2026-10-30');
    expect(deceased.card).toEqual({ type: 'NONE', status: 'NONE' });
    expect((await cardBatchJob()).batches).toEqual([]);

    const protectedOne = await read('1000000032');
    expect(protectedOne.flags.protectedAddress).toBe(true);
    expect(protectedOne).not.toHaveProperty('streetAddress');
    expect(protectedOne).not.toHaveProperty('postalCode');

    const abroad = await read('1000000040');
    expect(abroad).not.toHaveProperty('streetAddress');

    // A second run finds nothing to do and writes nothing.
    const again = await addressRefreshJob();
    expect(again.files).toEqual([]);
    expect((await read('1000000016')).version).toBe(4);
  });

  it('keeps Latin-1 names intact and counts every match and status code', async () => {
    const members = await Promise.all(Array.from({ length: 9 }, () => register()));
    const [updated, unchanged, deceased, protectedOne, banned, noMatch, ambiguous, underage, unknown] =
      members.map((m) => m.customerNumber as string);
    const name = fileNo();
    await putInbound(
      name,
      updateFile([
        anUpdate(updated!, {
          surname: 'Sjöberg-Ström',
          firstNames: 'Åke Müller',
          streetAddress: 'Öhmanintie 3',
        }),
        anUpdate(unchanged!, sameAddress),
        anUpdate(deceased!, { status: 'deceased', dateOfDeath: '2026-11-10', surname: 'Åström' }),
        anUpdate(protectedOne!, {
          status: 'protected',
          surname: 'Öhman',
          firstNames: 'Zoë Ærø',
          streetAddress: '',
          postalCode: '',
          postOffice: '',
        }),
        anUpdate(banned!, { status: 'update-ban', surname: '', firstNames: '', streetAddress: '' }),
        anUpdate(noMatch!, { match: 'no-match', surname: '', firstNames: '', streetAddress: '' }),
        anUpdate(ambiguous!, { match: 'ambiguous' }),
        anUpdate(underage!, { match: 'not-released', surname: '', streetAddress: '' }),
        anUpdate('1000000065', { surname: 'Åström' }),
      ]),
    );
    void unknown;
    await addressRefreshJob();
    const { json } = await report(name);
    expect(json.counts).toEqual({
      updated: 1,
      unchanged: 1,
      deceased: 1,
      protected: 1,
      'update-ban': 1,
      'no-match': 1,
      ambiguous: 1,
      'not-released': 1,
      'not-in-register': 1,
    });
    expect(json.review.map((r: { line: number }) => r.line)).toEqual([7, 8]);
    expect(await read(deceased!)).toMatchObject({ surname: 'Åström', deceasedOn: '2026-11-10' });
    expect(await read(protectedOne!)).toMatchObject({ surname: 'Öhman', firstNames: 'Zoë Ærø' });
    expect(await read(updated!)).toMatchObject({
      surname: 'Sjöberg-Ström',
      firstNames: 'Åke Müller',
      streetAddress: 'Öhmanintie 3',
      postOffice: 'TAMPERE',
      version: 2,
    });
    expect((await read(unchanged!)).version).toBe(1);
    expect((await read(banned!)).version).toBe(1);
    expect((await read(underage!)).version).toBe(1);
  });

  it('applies nothing of a truncated file, and reports why', async () => {
    const member = await register();
    const details = [anUpdate(member.customerNumber, { streetAddress: 'Katkaistu 1' })];
    const withoutTrailer = updateFile(details).toString('latin1').split('\r\n').slice(0, 2).join('\r\n');
    const cases = {
      [fileNo()]: updateFile(details, { count: 2 }),
      [fileNo()]: Buffer.from(withoutTrailer, 'latin1'),
      [fileNo()]: Buffer.from('', 'latin1'),
    };
    for (const [name, body] of Object.entries(cases)) await putInbound(name, body);
    const run = await addressRefreshJob();
    expect(run.unapplied).toBeGreaterThanOrEqual(3);
    const reasons = await Promise.all(Object.keys(cases).map(async (name) => (await report(name)).json));
    expect(reasons.map((r) => r.status)).toEqual(['rejected', 'rejected', 'rejected']);
    expect(reasons[0].reason).toContain('counts 2 detail lines but the file has 1');
    expect(reasons[1].reason).toContain('trailer');
    expect(reasons[2].reason).toContain('empty');
    expect((await read(member.customerNumber)).streetAddress).toBe('Mannerheimintie 12 B 7');
    // Rejected files stay rejected: a corrected file comes as a new delivery.
    expect((await addressRefreshJob()).files).toEqual([]);
  });

  it('rejects malformed lines with their line numbers and applies the rest', async () => {
    const good = await register();
    const n = good.customerNumber as string;
    const line = (overrides: Parameters<typeof anUpdate>[1]) =>
      updateFile([anUpdate(n, overrides)])
        .toString('latin1')
        .split('\r\n')[1]!;
    const name = fileNo();
    await putInbound(
      name,
      updateFile([
        line({ postalCode: '3310X' }),
        line({ moveDate: '2026-02-30' }),
        line({}).slice(0, 300),
        line({}).replace(/^D(\d{10})M/, 'D$1X'),
        line({}).replace(/^D\d{10}/, 'D1234567890'),
        anUpdate(n, { streetAddress: 'Sovellettu 5' }),
      ]),
    );
    await addressRefreshJob();
    const { json } = await report(name);
    expect(json.counts).toEqual({ rejected: 5, updated: 1 });
    expect(json.rejected).toEqual([
      { line: 2, customerNumber: n, reason: 'postal code must be 5 digits' },
      { line: 3, customerNumber: n, reason: 'move date must be YYYYMMDD' },
      { line: 4, customerNumber: n, reason: 'expected 368 characters, found 300' },
      { line: 5, customerNumber: n, reason: 'unknown match code "X"' },
      { line: 6, reason: 'customer number is not valid' },
    ]);
    expect((await read(n)).streetAddress).toBe('Sovellettu 5');
  });

  it('keeps the member’s own newer address, and loses to a change made while the line was applied', async () => {
    const newer = await register();
    const racing = await register();
    await call(api, 'PATCH', `/members/${newer.customerNumber}`, {
      as: { role: 'member', customerNumber: newer.customerNumber },
      headers: { 'if-match': '"1"' },
      body: { streetAddress: 'Oma osoite 1', postalCode: '00200', postOffice: 'Helsinki' },
    });
    const name = fileNo();
    await putInbound(
      name,
      updateFile([
        anUpdate(newer.customerNumber, { surname: 'Uusinimi', moveDate: '2026-10-01' }),
        anUpdate(racing.customerNumber, { moveDate: '2026-10-01' }),
      ]),
    );
    // The member corrects their address after the job read them and before it writes.
    const members = memberStore();
    const racingMembers = {
      ...members,
      getMany: async (numbers: readonly string[]) => {
        const found = await members.getMany(numbers);
        await call(api, 'PATCH', `/members/${racing.customerNumber}`, {
          as: { role: 'member', customerNumber: racing.customerNumber },
          headers: { 'if-match': '"1"' },
          body: { streetAddress: 'Juuri muutettu 2' },
        });
        return found;
      },
      save: members.save.bind(members),
      get: members.get.bind(members),
    };
    const run = await runAddressRefresh(deps({ members: racingMembers }));
    expect(run.inReview).toBe(2);
    const { json } = await report(name);
    expect(json.counts).toEqual({ 'member-newer': 2 });
    const kept = await read(newer.customerNumber);
    expect(kept).toMatchObject({ streetAddress: 'Oma osoite 1', surname: 'Uusinimi' });
    expect(kept.sources.streetAddress.source).toBe('member');
    expect((await read(racing.customerNumber)).streetAddress).toBe('Juuri muutettu 2');
  });

  it('resumes a run that stopped for time, and one that failed halfway, counting each line once', async () => {
    const members = await Promise.all(Array.from({ length: 30 }, () => register()));
    const lines = members.map((m, i) =>
      anUpdate(m.customerNumber, i % 3 === 0 ? { streetAddress: `Jatkettu ${i}` } : sameAddress),
    );
    const name = fileNo();
    await putInbound(name, updateFile(lines));

    // The first run has time for one window of 10 lines only.
    let windows = 0;
    const first = await runAddressRefresh(
      deps({ windowLines: 10, timeLeft: () => (windows++ === 0 ? 0 : 1e9) }),
    );
    expect(first.done).toBe(false);
    expect(first.files[0]).toMatchObject({ status: 'applying', counts: { updated: 4, unchanged: 6 } });

    // The second fails on its third write, in the middle of a window.
    const store = memberStore();
    let writes = 0;
    const failing = {
      ...store,
      get: store.get.bind(store),
      getMany: store.getMany.bind(store),
      save: async (change: Parameters<typeof store.save>[0]) => {
        if (++writes === 3) throw new Error('the network went away');
        return store.save(change);
      },
    };
    await expect(runAddressRefresh(deps({ windowLines: 10, members: failing }))).rejects.toThrow('network');

    const last = await runAddressRefresh(deps({ windowLines: 10 }));
    expect(last.done).toBe(true);
    const { json } = await report(name);
    expect(json.counts).toEqual({ updated: 10, unchanged: 20 });
    for (const [i, m] of members.entries()) {
      const after = await read(m.customerNumber);
      expect(after.streetAddress).toBe(i % 3 === 0 ? `Jatkettu ${i}` : 'Mannerheimintie 12 B 7');
      expect(after.version).toBe(i % 3 === 0 ? 2 : 1);
    }
  });

  it('lets one run at a time apply files: a second one started meanwhile does nothing', async () => {
    const members = await Promise.all(Array.from({ length: 12 }, () => register()));
    const name = fileNo();
    await putInbound(
      name,
      updateFile(members.map((m) => anUpdate(m.customerNumber, { streetAddress: 'Yhdesti 1' }))),
    );
    const runs = await Promise.all([
      runAddressRefresh(deps({ windowLines: 3 })),
      runAddressRefresh(deps({ windowLines: 3 })),
    ]);
    expect(runs.filter((r) => r.skipped === 'another-run-is-active')).toHaveLength(1);
    expect((await report(name)).json.counts).toEqual({ updated: 12 });
    // The lease was released: the next run may go (and finds nothing left to do).
    expect((await runAddressRefresh(deps())).skipped).toBeUndefined();
  });

  it('leaves a restricted member alone', async () => {
    const member = await register();
    await setFlags(member.customerNumber, { restricted: true });
    const name = fileNo();
    await putInbound(name, updateFile([anUpdate(member.customerNumber, { streetAddress: 'Ei muutu 1' })]));
    await addressRefreshJob();
    expect((await report(name)).json.counts).toEqual({ restricted: 1 });
    expect((await read(member.customerNumber)).streetAddress).toBe('Mannerheimintie 12 B 7');
  });
});

describe('the outbound extract', () => {
  it('writes the members to check as Latin-1 fixed-width lines, leaving out the dead, the protected and the restricted', async () => {
    const sent = await register({ surname: 'Sjöberg-Ström', firstNames: 'Åke Müller' });
    const left = await Promise.all([register(), register(), register()]);
    await setFlags(left[0].customerNumber, { deceased: true });
    await setFlags(left[1].customerNumber, { protectedAddress: true });
    await setFlags(left[2].customerNumber, { restricted: true });

    const summary = await addressExtractJob();
    expect(summary.key).toMatch(/^address-updates\/outbound\/\d{8}\.dat$/);
    const { Body } = await createS3Client().send(
      new GetObjectCommand({ Bucket: bucketName(), Key: summary.key }),
    );
    const lines = Buffer.from(await Body!.transformToByteArray())
      .toString('latin1')
      .split('\r\n');
    expect(lines.pop()).toBe('');
    const [header, ...rest] = lines;
    const trailer = rest.pop()!;
    expect(header).toMatch(/^H01MOYMORE-\d{8}/);
    expect(trailer).toBe('T' + String(rest.length).padStart(9, '0'));
    expect(rest.length).toBe(summary.members);
    expect(rest.every((line) => line.length === 254)).toBe(true);
    const mine = rest.find((line) => line.startsWith('D' + sent.customerNumber))!;
    expect(mine).toContain('Sjöberg-Ström');
    expect(mine).toContain('Åke Müller');
    expect(mine).toContain('19850615Mannerheimintie 12 B 7');
    for (const member of left) expect(rest.some((line) => line.includes(member.customerNumber))).toBe(false);
    expect(summary.leftOut).toMatchObject({
      deceased: expect.any(Number),
      'protected-address': expect.any(Number),
    });
  });
});
