import { describe, expect, it } from 'vitest';
import { interpretExchange, interpretGraph, interpretResourceManager } from '../../electron/core/probes/probeCalls';
import { rolesHeld } from '../../electron/core/probes/gdapAccess';

const reply = (status: number, body: unknown) => ({ status, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
const EXCHANGE_ADMIN = '29232cdf-9323-42fd-ade2-1d097af3e4de';
const READER = 'f2ef992c-3afb-46b9-b7cf-a126ee74c451';

describe('reading the probes’ answers', () => {
  it('Graph 403 Authorization_RequestDenied is a missing role; another 403 is not', () => {
    expect(interpretGraph(reply(403, { error: { code: 'Authorization_RequestDenied', message: 'Insufficient privileges to complete the operation.' } }))).toMatchObject({ problem: 'role-missing', code: 'Authorization_RequestDenied', step: 'call' });
    expect(interpretGraph(reply(403, { error: { code: 'Forbidden', message: 'nope' } }))).toMatchObject({ problem: 'other', reason: 'Microsoft Graph answered 403 Forbidden: nope.' });
    expect(interpretGraph(reply(200, { value: [] }))).toEqual({ status: 'ok', detail: 'Microsoft Graph read the directory' });
  });

  it('Exchange 401 “User is not allowed to call” is a missing role; a 429 is throttling', () => {
    expect(interpretExchange(reply(401, { error: { code: 'Unauthorized', message: 'User is not allowed to call Get-OrganizationConfig' } }))).toMatchObject({ problem: 'role-missing' });
    expect(interpretExchange({ status: 429, headers: { 'retry-after': '5' }, body: '' })).toMatchObject({ problem: 'throttled', label: 'Throttled' });
  });

  it('Resource Manager’s empty list means no subscription, not an error; a list counts them', () => {
    expect(interpretResourceManager(reply(200, { value: [] }))).toMatchObject({ status: 'failed', problem: 'no-subscription' });
    expect(interpretResourceManager(reply(200, { value: [{}, {}] }))).toEqual({ status: 'ok', detail: '2 Azure subscriptions' });
    expect(interpretResourceManager(reply(403, { error: { code: 'AuthorizationFailed', message: 'x' } }))).toMatchObject({ problem: 'role-missing' });
  });
});

describe('roles the admin holds through GDAP', () => {
  it('counts only active assignments to the admin’s groups, and only the relationship’s own roles', () => {
    const relationships = [{ id: 'r1', roleIds: [EXCHANGE_ADMIN, READER] }];
    const assignments = new Map([
      [
        'r1',
        [
          { status: 'active', accessContainer: { accessContainerId: 'G-MINE' }, accessDetails: { unifiedRoles: [{ roleDefinitionId: READER }, { roleDefinitionId: 'not-in-relationship' }] } },
          { status: 'error', accessContainer: { accessContainerId: 'g-mine' }, accessDetails: { unifiedRoles: [{ roleDefinitionId: EXCHANGE_ADMIN }] } },
          { status: 'active', accessContainer: { accessContainerId: 'g-other' }, accessDetails: { unifiedRoles: [{ roleDefinitionId: EXCHANGE_ADMIN }] } },
        ],
      ],
    ]);
    expect(rolesHeld(relationships, assignments, new Set(['g-mine']))).toEqual({ heldRoleIds: [READER], notAssignedToYou: [EXCHANGE_ADMIN] });
  });
});
