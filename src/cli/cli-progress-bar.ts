import { Presets, SingleBar } from 'cli-progress';
import type { ImportProgress } from './score-import';

/** A progress bar on stderr (drawn only on a terminal): the share of the file read, rows created and failed. */
export function progressBar(): { update: (state: ImportProgress) => void; stop: () => void } {
  let bar: SingleBar | undefined;
  return {
    update: (state) => {
      const values = { rows: state.rows, created: state.created, failed: state.failed };
      if (!bar) {
        bar = new SingleBar(
          {
            format: 'importing |{bar}| {percentage}% | {rows} rows, {created} created, {failed} failed',
            stream: process.stderr,
            hideCursor: true,
          },
          Presets.shades_classic,
        );
        bar.start(Math.max(1, state.totalBytes), state.bytes, values);
      } else bar.update(state.bytes, values);
    },
    stop: () => bar?.stop(),
  };
}
