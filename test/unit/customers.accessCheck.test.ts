import { describe, expect, it } from 'vitest';
import { ThrottleGate, type GateClock } from '../../electron/core/accessCheck/throttleGate';
import { describeCustomerPolicy, mayBeCustomerPolicy } from '../../electron/core/accessCheck/customerPolicy';
import { describeFailure, failsForEveryCustomer } from '../../electron/core/accessCheck/outcomes';
import { MicrosoftIdentityError } from '../../electron/core/identity/aadsts';
import { NetworkError } from '../../electron/core/http/httpClient';

/** A clock that only moves when someone sleeps on it. */
function virtualClock(): GateClock & { slept: number[] } {
  let now = 0;
  const slept: number[] = [];
  return {
    slept,
    now: () => now,
    sleep: async (ms) => {
      slept.push(ms);
      now += ms;
    },
  };
}

describe('the access check throttle gate', () => {
  it('holds every later request until the longest Retry-After has passed', async () => {
    const clock = virtualClock();
    const gate = new ThrottleGate(clock);
    await gate.pause(5000);
    expect(clock.now()).toBe(5000);
    await gate.wait();
    expect(clock.slept).toEqual([5000]);
  });

  it('lets requests through at once when nothing was throttled', async () => {
    const clock = virtualClock();
    await new ThrottleGate(clock).wait();
    expect(clock.slept).toEqual([]);
  });
});

const aadsts = (code: number, error = 'invalid_grant') =>
  new MicrosoftIdentityError({ error, error_description: `AADSTS${code}: something`, error_codes: [code] }, 400);

describe('an access matrix cell', () => {
  it('says "Not consented" for AADSTS65001, with the fixing action', () => {
    expect(describeFailure(aadsts(65001))).toEqual({
      status: 'failed',
      label: 'Not consented',
      reason: 'The SAM app has not been consented in this tenant.',
      action: expect.stringContaining('Partner Center application consent'),
      code: 'AADSTS65001',
    });
  });

  it('says "No relationship" for AADSTS50020', () => {
    expect(describeFailure(aadsts(50020))).toMatchObject({ label: 'No relationship', code: 'AADSTS50020' });
  });

  it('names a network failure without guessing a cause', () => {
    expect(describeFailure(new NetworkError('Could not connect to x: the connection was refused.'))).toMatchObject({
      label: 'Network error',
      action: expect.stringContaining('network'),
    });
  });

  it('stops the whole check only for failures of the partner’s own refresh token', () => {
    expect(failsForEveryCustomer(aadsts(700082))).toBe(true);
    expect(failsForEveryCustomer(aadsts(50173))).toBe(true);
    expect(failsForEveryCustomer(aadsts(65001))).toBe(false);
    expect(failsForEveryCustomer(aadsts(50020))).toBe(false);
  });

  it('words MFA, block and sign-in frequency from a customer’s own Conditional Access as that customer’s policy', () => {
    for (const code of [50076, 53003, 70043]) expect(mayBeCustomerPolicy(aadsts(code))).toBe(true);
    expect(mayBeCustomerPolicy(aadsts(50173))).toBe(false);
    expect(mayBeCustomerPolicy(aadsts(65001))).toBe(false);
    expect(describeCustomerPolicy(aadsts(53003, 'interaction_required'))).toEqual({
      status: 'failed',
      label: 'Blocked by customer',
      reason: 'This customer’s Conditional Access blocks sign-ins from your partner account to its tenant.',
      action: expect.stringContaining('exclude service provider users'),
      code: 'AADSTS53003',
    });
  });
});
