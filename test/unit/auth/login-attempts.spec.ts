import { RateLimitedException } from '../../../src/common/errors/api-exceptions';
import { LoginAttempts } from '../../../src/auth/login-attempts';
import type { AppConfig } from '../../../src/config/app-config';
import { MemoryCounters } from '../../../src/rate-limits/rate-limit-counters';

const attemptsWithLimit = (limit: number) => new LoginAttempts({ rateLimit: { loginPerMinute: limit } } as AppConfig, new MemoryCounters());

/** A check that takes a while (as a password hash does), counting how many ran. */
function slowCheck<T>(result: T) {
  const calls = { count: 0 };
  const check = async () => {
    calls.count++;
    await new Promise((resolve) => setTimeout(resolve, 5));
    return result;
  };
  return { calls, check };
}

describe('sign-in attempts', () => {
  it('reserve before the check: 60 parallel failures run at most the limit of checks, the rest answer 429', async () => {
    const attempts = attemptsWithLimit(10);
    const { calls, check } = slowCheck(null);
    const outcomes = await Promise.allSettled(Array.from({ length: 60 }, () => attempts.attempt('10.0.0.1', check)));
    expect(calls.count).toBe(10);
    expect(outcomes.filter((outcome) => outcome.status === 'fulfilled')).toHaveLength(10);
    const refusals = outcomes.filter((outcome): outcome is PromiseRejectedResult => outcome.status === 'rejected');
    expect(refusals).toHaveLength(50);
    for (const { reason } of refusals) {
      expect(reason).toBeInstanceOf(RateLimitedException);
      expect((reason as RateLimitedException).retryAfterSeconds).toBeGreaterThanOrEqual(1);
    }
  });

  it('give back successes and refusals: only failures fill the window', async () => {
    const attempts = attemptsWithLimit(3);
    const success = slowCheck({ ok: true });
    const failure = slowCheck(null);
    for (let i = 0; i < 20; i++) await attempts.attempt('a', success.check);
    for (let i = 0; i < 3; i++) await attempts.attempt('a', failure.check);
    await expect(attempts.attempt('a', success.check)).rejects.toBeInstanceOf(RateLimitedException);
    await expect(attempts.attempt('b', success.check)).resolves.toEqual({ ok: true });
    expect(success.calls.count).toBe(21);
    expect(failure.calls.count).toBe(3);
  });

  it('give back an attempt whose check failed with an error (no guess was judged)', async () => {
    const attempts = attemptsWithLimit(1);
    const broken = async () => {
      throw new Error('database unavailable');
    };
    for (let i = 0; i < 3; i++) await expect(attempts.attempt('c', broken)).rejects.toThrow('database unavailable');
    await expect(attempts.attempt('c', async () => null)).resolves.toBeNull();
    await expect(attempts.attempt('c', async () => null)).rejects.toBeInstanceOf(RateLimitedException);
  });

  it('are unlimited with a limit of 0', async () => {
    const attempts = attemptsWithLimit(0);
    const { calls, check } = slowCheck(null);
    await Promise.all(Array.from({ length: 30 }, () => attempts.attempt('d', check)));
    expect(calls.count).toBe(30);
  });
});
