import type { IdentityService } from '../identity/identity.service';
import type { ScoreWriter } from '../scores/batch/score-batch.service';
import type { ScoreExportService } from '../scores/export/score-export.service';
import type { ProgressSink } from './cli-progress';
import type { IdentityDirectoryRepository } from './identity-directory.repository';
import type { SubmitBatch } from './score-import';

/** What a command works with: the identity services, the scores' batch and export paths, and the shell that ran it (its variables and folder). */
export interface CommandContext {
  identity: IdentityService;
  directory: IdentityDirectoryRepository;
  scoreExports: ScoreExportService;
  /** Sends batches of score creates as `writer`, idempotently, through the batch route's service. */
  scoreBatches: (writer: ScoreWriter) => SubmitBatch;
  env: { SCOREKEEPER_USER_PASSWORD?: string };
  /** The folder relative file names are resolved from. */
  cwd: string;
  /** Where a long command reports its progress (a bar on the terminal that ran the CLI). */
  progress: ProgressSink;
}

export interface CommandOption {
  short?: string;
  value: string;
  description: string;
}

export interface CliCommand {
  name: string;
  /** Positional arguments, e.g. `<email>` or `[email]`. */
  arguments: string[];
  summary: string;
  options: Record<string, CommandOption>;
  /**
   * Runs outside one wrapping transaction: long reads that must not hold the embedded database for their
   * whole length, and imports that commit batch by batch.
   */
  streams?: boolean;
  /** Checks the inputs before any database is opened (the database's own checks follow in `run`). */
  check?(args: string[], options: Record<string, string | undefined>, env: CommandContext['env']): unknown;
  /** Prints `key=value` lines (a created thing) or a table (a list). */
  run(context: CommandContext, args: string[], options: Record<string, string | undefined>): Promise<string[]>;
}
