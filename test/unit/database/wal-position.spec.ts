import { SharedProbe, parseLsn, tick, within } from '../../../src/database/replicas/wal-position';

describe('WAL positions', () => {
  it('reads pg_lsn text as a byte offset', () => {
    expect(parseLsn('0/0')).toBe(0n);
    expect(parseLsn('0/3431DC8')).toBe(0x3431dc8n);
    expect(parseLsn('16/B374D848')).toBe((0x16n << 32n) + 0xb374d848n);
    expect(parseLsn('1/0') > parseLsn('0/FFFFFFFF')).toBe(true);
    expect(() => parseLsn('')).toThrow('not a WAL position');
  });
});

describe('SharedProbe', () => {
  it('shares a query sent after a caller arrived, and sends a new one for callers that arrived later', async () => {
    let sent = 0;
    const release: (() => void)[] = [];
    const probe = new SharedProbe(() => {
      const n = ++sent;
      return new Promise<number>((resolve) => release.push(() => resolve(n)));
    });
    const early = tick();
    const first = probe.after(early);
    expect(probe.after(early)).toBe(first);
    const late = tick();
    const second = probe.after(late);
    expect(second).not.toBe(first);
    expect(probe.after(late)).toBe(second);
    release.forEach((done) => done());
    expect(await Promise.all([first, second])).toEqual([1, 2]);
    expect(sent).toBe(2);
  });

  it('bounds a wait: the value when it comes in time, undefined otherwise', async () => {
    expect(await within(Promise.resolve(7), 50)).toBe(7);
    expect(await within(new Promise((resolve) => setTimeout(() => resolve(1), 200)), 10)).toBeUndefined();
    await expect(within(Promise.reject(new Error('gone')), 50)).rejects.toThrow('gone');
  });
});
