import { describe, expect, it } from 'vitest';
import { RateLimitedError, StartBudget } from '../../electron/core/app/rateLimit';

describe('a start budget', () => {
  it('admits `limit` starts per key in a sliding window, then says how long to wait', () => {
    let now = 0;
    const budget = new StartBudget(2, 10 * 60_000, (limit, minutes, wait) => `${limit} in ${minutes} min; wait ${wait}`, () => now);
    budget.take('a');
    now = 4 * 60_000;
    budget.take('a');
    budget.take('b');
    expect(() => budget.take('a')).toThrow(new RateLimitedError('2 in 10 min; wait 6', new Date(10 * 60_000)));
    now = 10 * 60_000 + 1;
    budget.take('a');
    expect(() => budget.take('a')).toThrow(/wait 4$/);
  });
});
