import { createHash } from 'node:crypto';
import { createWriteStream, rmSync, statSync } from 'node:fs';
import type { ScoreBatchItemResult, ScoreBatchResponse } from '../scores/batch/dto/score-batch.dto';
import { MAX_BATCH_ITEMS } from '../scores/batch/dto/score-batch.dto';
import type { ProgressSink } from './cli-progress';
import { type ImportRow, importRows } from './score-import-rows';

/** How far an import has come: rows read so far (and bytes of the file), created and failed. */
interface ImportProgress {
  rows: number;
  created: number;
  failed: number;
  bytes: number;
  totalBytes: number;
}

/** Sends one batch (its create bodies) under an idempotency key; the batch route's answer. */
export type SubmitBatch = (items: unknown[], idempotencyKey: string) => Promise<ScoreBatchResponse>;

export interface ImportSummary {
  rows: number;
  created: number;
  failed: number;
  /** Where the failed rows were written, when there were any. */
  failedRowsPath: string | null;
}

/** A batch stays below the 1 MiB request limit with room to spare, whatever its rows hold. */
const MAX_BATCH_BYTES = 768 * 1024;

/**
 * The idempotency key of a batch: the hash of its position in the file and of its rows. Re-running an
 * import of the same file sends the same batches under the same keys, so what an interrupted run wrote
 * is replayed (for 24 hours; after that the rows' own unique key refuses them) instead of written twice.
 */
export function batchKey(index: number, items: readonly unknown[]): string {
  return `scores-import-${createHash('sha256')
    .update(`${index}\n${JSON.stringify(items)}`)
    .digest('hex')}`;
}

/** The file next to the input that takes the failed rows: `<input>.failed.ndjson`. */
export const failedRowsPathOf = (path: string): string => `${path}.failed.ndjson`;

/**
 * Streams the file's rows into batches of at most MAX_BATCH_ITEMS (and MAX_BATCH_BYTES), sends each
 * through the batch path and writes every row that was not created to the failed-rows file as
 * `{"line", "status", "errors", "row"}` (a row that could not be read: status 400 and the parse error).
 */
export async function importScores(path: string, submit: SubmitBatch, progress: ProgressSink): Promise<ImportSummary> {
  // eslint-disable-next-line security/detect-non-literal-fs-filename -- the file the person running the CLI named
  const state: ImportProgress = { rows: 0, created: 0, failed: 0, bytes: 0, totalBytes: statSync(path).size };
  const failedPath = failedRowsPathOf(path);
  // eslint-disable-next-line security/detect-non-literal-fs-filename -- beside that file
  const failedRows = createWriteStream(failedPath);
  const writeFailed = (line: number, status: number, errors: unknown, row: unknown) => {
    state.failed++;
    failedRows.write(`${JSON.stringify({ line, status, errors, row: row ?? null })}\n`);
  };
  let pending: { line: number; item: unknown }[] = [];
  let pendingBytes = 0;
  let batchIndex = 0;
  let reported = 0;
  progress.start(state.totalBytes);
  const flush = async () => {
    if (pending.length === 0) return;
    const items = pending.map((row) => row.item);
    const answer = await submit(items, batchKey(batchIndex++, items));
    answer.results.forEach((result: ScoreBatchItemResult, index) => {
      if (result.status === 201) state.created++;
      else writeFailed(pending[index].line, result.status, result.errors, pending[index].item);
    });
    pending = [];
    pendingBytes = 0;
    progress.advance(state.bytes - reported);
    reported = state.bytes;
  };
  try {
    const { rows, bytesRead } = importRows(path);
    for await (const row of rows as AsyncIterable<ImportRow>) {
      state.rows++;
      state.bytes = bytesRead();
      if ('problem' in row) {
        writeFailed(row.line, 400, { detail: row.problem }, null);
        continue;
      }
      const size = JSON.stringify(row.item)?.length ?? 4;
      if (pending.length >= MAX_BATCH_ITEMS || (pending.length > 0 && pendingBytes + size > MAX_BATCH_BYTES)) await flush();
      pending.push(row);
      pendingBytes += size + 1;
    }
    state.bytes = state.totalBytes;
    await flush();
  } finally {
    progress.stop();
    await new Promise<void>((resolve) => failedRows.end(resolve));
    if (state.failed === 0) rmSync(failedPath, { force: true });
  }
  return { rows: state.rows, created: state.created, failed: state.failed, failedRowsPath: state.failed > 0 ? failedPath : null };
}
