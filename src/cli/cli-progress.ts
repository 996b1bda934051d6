import { Presets, SingleBar } from 'cli-progress';

/** What a long command reports as it goes: a total, then how far it has come. */
export interface ProgressSink {
  start(total: number): void;
  advance(by: number): void;
  stop(): void;
}

export const NO_PROGRESS: ProgressSink = { start: () => undefined, advance: () => undefined, stop: () => undefined };

/** A progress bar on stderr (drawn only on a terminal, so that piped output stays clean). */
export function progressBar(label: string): ProgressSink {
  const bar = new SingleBar(
    { format: `${label} [{bar}] {percentage}% | {value}/{total} | {duration_formatted}`, stream: process.stderr, hideCursor: true },
    Presets.shades_classic,
  );
  return {
    start: (total) => bar.start(total, 0),
    advance: (by) => bar.increment(by),
    stop: () => bar.stop(),
  };
}

/** A progress message of the CLI socket (a JSON line before the result line). */
export type ProgressMessage = { progress: ['start', number] | ['advance', number] | ['stop'] };

/** A sink that sends each report as a message (the server side of the socket). */
export function progressMessages(send: (message: ProgressMessage) => void): ProgressSink {
  return {
    start: (total) => send({ progress: ['start', total] }),
    advance: (by) => send({ progress: ['advance', by] }),
    stop: () => send({ progress: ['stop'] }),
  };
}

/** Replays a progress message on a sink (the CLI side of the socket). */
export function replayProgress({ progress: [kind, value] }: ProgressMessage, sink: ProgressSink): void {
  if (kind === 'start') sink.start(value);
  else if (kind === 'advance') sink.advance(value);
  else sink.stop();
}
