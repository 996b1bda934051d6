import { OmitType } from '@nestjs/swagger';
import { RespanParameters } from '../../../common/openapi/schema-styles';
import { ValidateEnum } from '../../../common/validation/validation';
import { ScoreListQuery } from '../../dto/score-list.dto';
import { QUERY_FILTERS } from '../../filters/score-filter.fields';

/** The file formats of an export. */
export const EXPORT_FORMATS = ['ndjson', 'csv'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** `GET /api/scores/export/`: the list's query filters and the format; no paging, no sort (always `created_at, id`). */
@RespanParameters()
export class ScoreExportQuery extends OmitType(ScoreListQuery, ['page', 'page_size', 'sort_by']) {
  @ValidateEnum(EXPORT_FORMATS, {
    optional: true,
    default: 'ndjson',
    description: '`ndjson` (one Score object per line) or `csv` (a header row, then one row per score).',
  })
  format: ExportFormat = 'ndjson';
}

export const EXPORT_PARAMETERS = ['format', ...Object.keys(QUERY_FILTERS)];
