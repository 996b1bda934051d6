import { AsyncLocalStorage } from 'node:async_hooks';
import { Readable } from 'node:stream';
import { Injectable, Logger } from '@nestjs/common';
import type { FilterCondition } from '../../common/query/filter.compiler';
import { AppConfig } from '../../config/app-config';
import type { Scorer } from '../../scorers/entities/scorer.entity';
import { EvaluatorsService } from '../../scorers/evaluators.service';
import type { ScoreRowView } from '../model/score.types';
import { ScoresRepository } from '../scores.repository';
import type { ExportFormat } from './dto/score-export.dto';
import { type ExportEncoding, EXPORT_ENCODINGS } from './score-export.formats';
import { type ExportCursor, type ExportPage, ScoreExportRepository } from './score-export.repository';

/** An export ready to send: its encoding (media type, file name) and its bytes, read page by page as they are consumed. */
export interface ScoreExport {
  encoding: ExportEncoding;
  body: Readable;
}

/** What an export is of: one organization's scores matching the list's conditions. */
export interface ExportScope {
  organizationId: string;
  conditions: readonly FilterCondition[];
}

/**
 * Exports: every matching score in `created_at, id` order, read in keyset pages only as fast as the
 * consumer takes them (a page is read when the stream's buffer has room), so memory holds a page or two
 * whatever the size of the export.
 */
@Injectable()
export class ScoreExportService {
  private readonly logger = new Logger(ScoreExportService.name);
  private readonly pageSize: number;

  constructor(
    private readonly pages: ScoreExportRepository,
    private readonly scores: ScoresRepository,
    private readonly evaluators: EvaluatorsService,
    config: AppConfig,
  ) {
    this.pageSize = config.exportPageSize;
  }

  /** How many scores the export holds as it starts (the list's count), for progress reports. */
  count({ organizationId, conditions }: ExportScope): Promise<number> {
    return this.scores.count(organizationId, conditions);
  }

  /**
   * Reads the first page now, so that a failure before the first byte is an ordinary error answer; the
   * stream reads the others (`onRows` hears of each page once it is taken). A failure after that destroys
   * the stream (the transfer ends abnormally, never as a file that looks complete) and is logged.
   */
  async open(scope: ExportScope, format: ExportFormat, onRows?: (count: number) => void): Promise<ScoreExport> {
    const encoding = EXPORT_ENCODINGS[format];
    const views = this.views(scope);
    const first = await views.next();
    const text = async function* (logger: Logger) {
      if (encoding.header) yield encoding.header;
      try {
        for (let page = first; !page.done; page = await views.next()) {
          yield encoding.rows(page.value);
          onRows?.(page.value.length);
        }
      } catch (error) {
        logger.error(`Export of organization ${scope.organizationId} failed mid-stream: ${(error as Error).message}`);
        throw error;
      }
    };
    return { encoding, body: Readable.from(text(this.logger), { objectMode: false }) };
  }

  /**
   * The views of the matching scores, a page at a time. The pages after the first are read after the
   * request's handler has returned, from the stream's callbacks: each runs in the async context of the
   * call (the request's entity manager, the replica its reads were given). The next page is read while
   * the consumer takes this one (one page ahead, never more), and each evaluator is looked up once per
   * export, when a page first names it.
   */
  private async *views({ organizationId, conditions }: ExportScope): AsyncGenerator<ScoreRowView[]> {
    const inCallContext = AsyncLocalStorage.snapshot();
    const read = (cursor: ExportCursor | null): Promise<ExportPage> =>
      inCallContext(() => this.pages.page(organizationId, conditions, cursor, this.pageSize));
    const evaluators = new Map<string, Scorer | null>();
    const evaluatorOf = (row: Record<string, unknown>) => row.evaluator_id as string | null;
    for (let reading: Promise<ExportPage> | null = read(null); reading;) {
      const page: ExportPage = await reading;
      if (page.rows.length === 0) return;
      const unseen = new Set(page.rows.map(evaluatorOf).filter((id): id is string => id !== null && !evaluators.has(id)));
      if (unseen.size > 0) {
        const found = await inCallContext(() => this.evaluators.liveByIds(organizationId, [...unseen]));
        for (const id of unseen) evaluators.set(id, found.get(id) ?? null);
      }
      reading = page.next ? read(page.next) : null;
      // A failure of the page read ahead surfaces when it is awaited, not as an unhandled rejection meanwhile.
      reading?.catch(() => undefined);
      yield page.rows.map((row) => ({ row, evaluator: evaluators.get(evaluatorOf(row) ?? '') ?? null }));
    }
  }
}
