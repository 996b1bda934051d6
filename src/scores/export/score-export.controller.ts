import { Controller, Get, Query, Req, Res } from '@nestjs/common';
import { ApiProduces, ApiTags, getSchemaPath } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { CurrentPrincipal } from '../../auth/decorators/current-principal.decorator';
import { RespanAuth } from '../../auth/decorators/route-family-auth.decorators';
import type { Principal } from '../../auth/principal';
import { RespanOperation } from '../../common/openapi/respan-operation.decorator';
import { ReplicaReads } from '../../database/replicas/replica-reads.decorator';
import { ScoreResponse } from '../dto/score.dto';
import { queryConditions, rejectUnknownParameters } from '../filters/score-filter.parser';
import { EXPORT_PARAMETERS, ScoreExportQuery } from './dto/score-export.dto';
import { CSV_COLUMNS } from './score-export.formats';
import { ScoreExportService } from './score-export.service';

const EXPORT_DESCRIPTION =
  'Every score of the organization matching the filters (the query filters of `GET /api/scores/`), oldest first ' +
  '(`created_at`, then `id`), streamed as a file download: no paging and no count. `ndjson` writes one Score ' +
  'object per line; `csv` a header row and one row per score (RFC 4180, CRLF line ends), the object and list ' +
  'fields (`categorical_value`, `inputs`, `evaluator`) as JSON text, a null as an empty field and an empty ' +
  'string as `""`. An error found before the first byte is an ordinary 400/401 answer; a failure during the ' +
  'transfer aborts it (the response never ends as a complete file).';

@Controller('api/scores/export')
@ApiTags('scores')
@RespanAuth()
@ReplicaReads()
export class ScoreExportController {
  constructor(private readonly exports: ScoreExportService) {}

  @Get()
  @RespanOperation({
    operationId: 'export_scores',
    summary: 'Export scores',
    description: EXPORT_DESCRIPTION,
    status: 200,
    responseDescription: 'The matching scores, streamed as a download (`Content-Disposition: attachment`).',
    content: {
      'application/x-ndjson': { schema: { $ref: getSchemaPath(ScoreResponse), description: 'One Score object per line.' } },
      'text/csv': { schema: { type: 'string', description: `A header row, then one row per score. Columns: ${CSV_COLUMNS.join(', ')}.` } },
    },
    errors: [400, 401],
  })
  @ApiProduces('application/x-ndjson', 'text/csv')
  async export(
    @CurrentPrincipal() principal: Principal,
    @Query() query: ScoreExportQuery,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    rejectUnknownParameters(request.query, EXPORT_PARAMETERS);
    const { encoding, body } = await this.exports.open(
      { organizationId: principal.organizationId, conditions: queryConditions(query) },
      query.format,
    );
    await reply
      .header('content-type', encoding.contentType)
      .header('content-disposition', `attachment; filename="${encoding.fileName}"`)
      .send(body);
  }
}
