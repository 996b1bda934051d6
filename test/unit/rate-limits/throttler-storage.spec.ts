import { MemoryCounters } from '../../../src/rate-limits/rate-limit-counters';
import { CountersThrottlerStorage } from '../../../src/rate-limits/throttler-storage';

describe('the throttler storage on the rate-limit counters', () => {
  it('counts hits in a fixed window and blocks past the limit until the window ends', async () => {
    const storage = new CountersThrottlerStorage(new MemoryCounters());
    const records = [];
    for (let i = 0; i < 4; i++) records.push(await storage.increment('key:a', 60_000, 3, 60_000, 'key'));
    expect(records.map((record) => [record.totalHits, record.isBlocked])).toEqual([
      [1, false],
      [2, false],
      [3, false],
      [4, true],
    ]);
    expect(records[3].timeToBlockExpire).toBeGreaterThanOrEqual(59);
    expect(records[3].timeToBlockExpire).toBeLessThanOrEqual(60);
    expect(records[0].timeToBlockExpire).toBe(0);
  });

  it('keeps trackers apart', async () => {
    const storage = new CountersThrottlerStorage(new MemoryCounters());
    await storage.increment('key:a', 60_000, 1, 60_000, 'key');
    expect((await storage.increment('key:a', 60_000, 1, 60_000, 'key')).isBlocked).toBe(true);
    expect((await storage.increment('key:b', 60_000, 1, 60_000, 'key')).isBlocked).toBe(false);
  });
});

describe('memory counters', () => {
  it('start a new window once the last one has ended', async () => {
    const counters = new MemoryCounters();
    await counters.hit('ip:1', 1000, 0);
    expect(await counters.hit('ip:1', 1000, 500)).toEqual({ hits: 2, resetInMs: 500 });
    expect(await counters.hit('ip:1', 1000, 1000)).toEqual({ hits: 1, resetInMs: 1000 });
  });

  it('give back a released hit of the open window, never below zero, and nothing of an ended one', async () => {
    const counters = new MemoryCounters();
    await counters.hit('login:1', 1000, 0);
    await counters.hit('login:1', 1000, 0);
    await counters.release('login:1', 100);
    expect(await counters.hit('login:1', 1000, 200)).toEqual({ hits: 2, resetInMs: 800 });
    for (let i = 0; i < 3; i++) await counters.release('login:1', 300);
    expect(await counters.hit('login:1', 1000, 400)).toEqual({ hits: 1, resetInMs: 600 });
    await counters.release('login:1', 1000);
    expect(await counters.hit('login:1', 1000, 1000)).toEqual({ hits: 1, resetInMs: 1000 });
  });
});
