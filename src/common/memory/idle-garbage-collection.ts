import { performance, type EventLoopUtilization } from 'node:perf_hooks';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/**
 * What start-up and bursts of requests leave behind: V8 grows its young generation (up to twice
 * `--max-semi-space-size`) and its old space while the process is busy, and keeps them once it is idle,
 * as it only shrinks them in a full collection it has a reason to start. One full collection once the
 * process is idle gives that memory back (measurements: bench/analysis.md, "Memory at idle"); none runs
 * while requests are being served, so it costs them nothing.
 */
export interface IdleCollectionOptions {
  /** How often the process's activity is looked at. */
  intervalMs: number;
  /** The share of the last interval the event loop was busy, at or under which the process is idle. */
  idleUtilization: number;
  /** How much the heap must have grown since the last collection for another one to be worth it. */
  growthBytes: number;
}

export const IDLE_COLLECTION: IdleCollectionOptions = { intervalMs: 5_000, idleUtilization: 0.02, growthBytes: 2 * 1024 * 1024 };

/** What the collector looks at and does; the real process's by default, replaceable in tests. */
export interface IdleCollectionProbe {
  /** The event loop's busy share since the previous call (0 to 1). */
  utilization(): number;
  /** The heap's committed size, in bytes. */
  heapBytes(): number;
  /** A full, memory-reducing collection. */
  collect(): void;
}

/** V8's `gc`, exposed only in a context of its own (not as a global of the application's). */
function fullCollection(): () => void {
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
}

export function processProbe(): IdleCollectionProbe {
  const collect = fullCollection();
  let previous: EventLoopUtilization = performance.eventLoopUtilization();
  return {
    utilization() {
      const now = performance.eventLoopUtilization();
      const share = performance.eventLoopUtilization(now, previous).utilization;
      previous = now;
      return share;
    },
    heapBytes: () => process.memoryUsage().heapTotal,
    collect,
  };
}

/** Decides, at each look, whether to collect: idle now, and the heap has grown since the last collection. */
export class IdleCollector {
  /** The heap's size after the last collection (none yet: the first idle look collects). */
  private collectedAt = 0;

  constructor(
    private readonly probe: IdleCollectionProbe,
    private readonly options: IdleCollectionOptions = IDLE_COLLECTION,
  ) {}

  /** One look; true when it collected. */
  look(): boolean {
    const idle = this.probe.utilization() <= this.options.idleUtilization;
    if (!idle || this.probe.heapBytes() < this.collectedAt + this.options.growthBytes) return false;
    this.probe.collect();
    this.collectedAt = this.probe.heapBytes();
    return true;
  }
}

/** Looks every `intervalMs` (the timer keeps no process alive); the returned function stops it. */
export function collectGarbageWhenIdle(probe: IdleCollectionProbe = processProbe(), options = IDLE_COLLECTION): () => void {
  const collector = new IdleCollector(probe, options);
  const timer = setInterval(() => collector.look(), options.intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
