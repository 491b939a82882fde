import { describe, expect, it } from 'vitest';
import { LocalStaffAccounts } from '../../infra/local/staff-accounts.ts';
import {
  changeStaffGroups,
  inviteStaff,
  setStaffEnabled,
  type AccessChange,
  type AccessLog,
} from '../../shared/accounts/staff.ts';
import { Refusal } from '../../shared/refusal.ts';

const log = (): AccessLog & { recorded: AccessChange[] } => {
  const recorded: AccessChange[] = [];
  return {
    recorded,
    record: async (change) => void recorded.push(change),
    changes: async () => recorded,
    lastSignIns: async () => new Map(),
    signedIn: async () => undefined,
  };
};
const admin = (actor: string) => ({ actor, role: 'admin', via: 'test', requestId: `r-${actor}` }) as const;

describe('the admins the register keeps', () => {
  it('refuses to disable or demote the last enabled admin, and allows it once there is another', async () => {
    const deps = { directory: new LocalStaffAccounts(), log: log() };
    const first = await inviteStaff(
      admin('bootstrap'),
      { email: 'a@moymore.example', groups: ['admin'] },
      deps,
    );
    for (const change of [
      () => setStaffEnabled(admin('bootstrap'), first.username, false, deps),
      () => changeStaffGroups(admin('bootstrap'), first.username, ['marketing'], deps),
    ])
      await expect(change()).rejects.toMatchObject({
        kind: 'own-access',
        title: expect.stringMatching(/last|at least one/),
      });
    await inviteStaff(admin(first.username), { email: 'b@moymore.example', groups: ['admin'] }, deps);
    expect((await setStaffEnabled(admin('bootstrap'), first.username, false, deps)).enabled).toBe(false);
    expect(deps.log.recorded.map((c) => c.action)).toEqual(['invite', 'invite', 'disable']);
  });

  it('refuses an admin’s change of their own account, however it is named', async () => {
    const deps = { directory: new LocalStaffAccounts(), log: log() };
    const own = await inviteStaff(
      admin('bootstrap'),
      { email: 'own@moymore.example', groups: ['admin'] },
      deps,
    );
    await inviteStaff(admin('bootstrap'), { email: 'other@moymore.example', groups: ['admin'] }, deps);
    const self = admin(own.username);
    await expect(setStaffEnabled(self, own.username, false, deps)).rejects.toBeInstanceOf(Refusal);
    await expect(changeStaffGroups(self, own.username, ['processor'], deps)).rejects.toMatchObject({
      kind: 'own-access',
    });
  });
});
