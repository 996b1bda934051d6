import { Injectable } from '@nestjs/common';
import { raw } from '@mikro-orm/core';
import { EntityManager, type QBFilterQuery } from '@mikro-orm/sql';
import { type FilterCondition, compileWhere } from '../../common/query/filter.compiler';
import { Score } from '../entities/score.entity';
import { orderOf } from '../filters/score-filter.fields';
import { RESPONSE_FIELDS } from '../model/score-field-table';

/**
 * Where the previous page ended: its last row's `created_at` as the database's own text (microseconds
 * kept, which a JavaScript Date would round away) and its id.
 */
export interface ExportCursor {
  createdAt: string;
  id: string;
}

export interface ExportPage {
  /** The rows as the driver returned them (the response's columns, parsed values): the ORM's per-row mapping cost more than the rest of an export. */
  rows: Record<string, unknown>[];
  /** The cursor after the page's last row; null when the page was the last one. */
  next: ExportCursor | null;
}

const CURSOR_COLUMN = 'export_cursor';

/** The columns of the response: the rest of a row (its revision, update time…) is not read. */
const RESPONSE_PROPERTIES = RESPONSE_FIELDS.map((field) => field.property);

/** The response's date-time columns: the driver hands them over as text, which the ORM's platform parses. */
const TIMESTAMP_COLUMNS = RESPONSE_FIELDS.filter((field) => field.kind === 'timestamp').map((field) => field.column);

/** Rows after the cursor in `created_at, id` order: a range scan of the (organization, [filter column,] created_at, id) indexes. */
const after = (cursor: ExportCursor): QBFilterQuery<Score> => ({
  [raw('(created_at, id) > (?::timestamptz, ?::uuid)', [cursor.createdAt, cursor.id])]: [],
});

/** Pages of an export: the list's filters (the same compilation as `GET /api/scores/`), keyset pagination on `created_at, id`. */
@Injectable()
export class ScoreExportRepository {
  constructor(private readonly em: EntityManager) {}

  /** The next `limit` scores after `cursor` (from the first without one), as raw rows. */
  async page(
    organizationId: string,
    conditions: readonly FilterCondition[],
    cursor: ExportCursor | null,
    limit: number,
  ): Promise<ExportPage> {
    const where = compileWhere<Score>({ organizationId }, conditions) as QBFilterQuery<Score>;
    const rows = (await this.em
      .createQueryBuilder(Score)
      .select([...RESPONSE_PROPERTIES, raw(`created_at::text as ${CURSOR_COLUMN}`)])
      .where(cursor ? { $and: [where, after(cursor)] } : where)
      .orderBy(orderOf('created_at'))
      .limit(limit)
      .execute('all', false)) as Record<string, unknown>[];
    const platform = this.em.getPlatform();
    for (const row of rows) for (const column of TIMESTAMP_COLUMNS) row[column] = platform.parseDate(row[column] as string);
    const last = rows.at(-1);
    return {
      rows,
      next: last && rows.length === limit ? { createdAt: last[CURSOR_COLUMN] as string, id: last.id as string } : null,
    };
  }
}
