import { applyDecorators } from '@nestjs/common';
import { ApiBody } from '@nestjs/swagger';
import { RespanOperation } from '../common/openapi/respan-operation.decorator';
import {
  PaginatedScores,
  REPLACE_SCORE_BODY_DESCRIPTION,
  ReplaceScoreRequest,
  ScoreResponse,
  UPDATE_SCORE_BODY_DESCRIPTION,
  UpdateScoreRequest,
} from './dto/score.dto';

/** How a route names its operation in the OpenAPI document. */
interface Naming {
  operationId: string;
  summary: string;
  description?: string;
}

/** The OpenAPI description of each score operation, shared by the general and the log-scoped routes. */

export const ListScoresOperation = (naming: Naming) =>
  RespanOperation({ ...naming, status: 200, responseDescription: 'A page of scores.', response: PaginatedScores, errors: [400, 401, 404] });

export const RetrieveScoreOperation = (naming: Naming) =>
  RespanOperation({ ...naming, status: 200, responseDescription: 'The score.', response: ScoreResponse, errors: [401, 404] });

export const ReplaceScoreOperation = (naming: Naming) =>
  applyDecorators(
    ApiBody({ description: REPLACE_SCORE_BODY_DESCRIPTION, type: ReplaceScoreRequest }),
    RespanOperation({ ...naming, status: 200, responseDescription: 'Updated score.', response: ScoreResponse, errors: [400, 401, 404] }),
  );

export const UpdateScoreOperation = (naming: Naming) =>
  applyDecorators(
    ApiBody({ description: UPDATE_SCORE_BODY_DESCRIPTION, type: UpdateScoreRequest }),
    RespanOperation({ ...naming, status: 200, responseDescription: 'Updated score.', response: ScoreResponse, errors: [400, 401, 404] }),
  );

export const DeleteScoreOperation = (naming: Naming) =>
  RespanOperation({ ...naming, status: 204, responseDescription: 'Deleted.', errors: [401, 404] });
