import {
  type IdleCollectionProbe,
  IdleCollector,
  collectGarbageWhenIdle,
  processProbe,
} from '../../../src/common/memory/idle-garbage-collection';

const MiB = 1024 * 1024;
const OPTIONS = { intervalMs: 5, idleUtilization: 0.02, growthBytes: 2 * MiB };

/** A process whose activity and heap the test sets; collecting brings the heap back to `afterCollection`. */
function fakeProcess(afterCollection = 40 * MiB) {
  const state = { busy: 0, heap: 60 * MiB, collections: 0 };
  const probe: IdleCollectionProbe = {
    utilization: () => state.busy,
    heapBytes: () => state.heap,
    collect: () => {
      state.collections += 1;
      state.heap = afterCollection;
    },
  };
  return { state, probe };
}

describe('a full garbage collection once the process is idle', () => {
  it('runs at the first idle look after start-up, and not again while the heap has not grown', () => {
    const { state, probe } = fakeProcess();
    const collector = new IdleCollector(probe, OPTIONS);
    expect(collector.look()).toBe(true);
    expect(state.heap).toBe(40 * MiB);
    state.heap += MiB;
    expect(collector.look()).toBe(false);
    expect(state.collections).toBe(1);
  });

  it('never runs while the event loop is busy, however much the heap grew', () => {
    const { state, probe } = fakeProcess();
    const collector = new IdleCollector(probe, OPTIONS);
    state.busy = 0.5;
    state.heap = 200 * MiB;
    expect(collector.look()).toBe(false);
    state.busy = 0.03;
    expect(collector.look()).toBe(false);
    expect(state.collections).toBe(0);
  });

  it('runs again once the heap grew during a busy spell and the process is idle again', () => {
    const { state, probe } = fakeProcess();
    const collector = new IdleCollector(probe, OPTIONS);
    collector.look();
    state.busy = 0.9;
    state.heap = 70 * MiB;
    expect(collector.look()).toBe(false);
    state.busy = 0.01;
    expect(collector.look()).toBe(true);
    expect(state.collections).toBe(2);
  });

  it('looks on a timer that it stops when asked', async () => {
    const { state, probe } = fakeProcess();
    const stop = collectGarbageWhenIdle(probe, OPTIONS);
    while (state.collections === 0) await new Promise((resolve) => setTimeout(resolve, OPTIONS.intervalMs));
    stop();
    state.heap = 500 * MiB;
    await new Promise((resolve) => setTimeout(resolve, OPTIONS.intervalMs * 10));
    expect(state.collections).toBe(1);
  });

  it('collects this process for real: an object nothing references is gone after the collection', async () => {
    const probe = processProbe();
    const unreferenced = new WeakRef({ payload: 'garbage' });
    // A WeakRef's target lives until the end of the job that created (or last dereferenced) it.
    await new Promise((resolve) => setImmediate(resolve));
    expect(unreferenced.deref()).toBeDefined();
    await new Promise((resolve) => setImmediate(resolve));
    probe.collect();
    expect(unreferenced.deref()).toBeUndefined();
  });
});
