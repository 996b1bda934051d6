import { applyDecorators } from '@nestjs/common';
import { getSchemaPath } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray } from 'class-validator';
import { RespanParameters, RespanSchema } from '../../../common/openapi/schema-styles';
import { asSent, documented } from '../../../common/validation/field-parts';
import { ValidateBoolean, ValidateInt, ValidateJson, ValidateModel } from '../../../common/validation/validation';
import { CreateScoreRequest, ScoreResponse } from '../../dto/score.dto';

/** The most items one batch may hold. */
export const MAX_BATCH_ITEMS = 1000;

/**
 * The list of create bodies, checked here only as a list of 1 to MAX_BATCH_ITEMS items: each item is
 * validated on its own, as `POST /api/scores/` validates its body, and fails alone.
 */
const ValidateScoreItems = (): PropertyDecorator =>
  applyDecorators(
    asSent('json'),
    IsArray(),
    ArrayMinSize(1),
    ArrayMaxSize(MAX_BATCH_ITEMS),
    documented({ description: `1 to ${MAX_BATCH_ITEMS} create bodies, each as \`POST /api/scores/\` takes it.` }, () => ({
      type: 'array',
      items: { $ref: getSchemaPath(CreateScoreRequest) },
      minItems: 1,
      maxItems: MAX_BATCH_ITEMS,
    })),
  );

@RespanSchema('ScoreBatchRequest')
export class ScoreBatchRequest {
  @ValidateScoreItems()
  scores: unknown[];
}

@RespanParameters()
export class ScoreBatchQuery {
  @ValidateBoolean({
    optional: true,
    default: false,
    description: 'Write nothing unless every item is valid (the answer is then a 400 with the same `results`).',
  })
  atomic: boolean = false;
}

@RespanSchema('ScoreBatchItemResult')
export class ScoreBatchItemResult {
  @ValidateInt({ description: 'Position of the item in the request.' })
  index: number;

  @ValidateInt({
    description:
      'What `POST /api/scores/` would have answered: 201 created, 400 invalid; 424 for a valid item of an atomic batch that failed.',
  })
  status: number;

  @ValidateModel(() => ScoreResponse, { optional: true, description: 'The created score (status 201).' })
  score?: ScoreResponse;

  @ValidateJson('object', {
    optional: true,
    description: 'The error body a single create would have answered, e.g. `{"numerical_value": ["..."]}` (status other than 201).',
  })
  errors?: Record<string, unknown>;
}

@RespanSchema('ScoreBatchResponse')
export class ScoreBatchResponse {
  @ValidateInt({ description: 'Items created.' })
  created: number;

  @ValidateInt({ description: 'Items not created.' })
  failed: number;

  @ValidateModel(() => ScoreBatchItemResult, { each: true, description: 'One result per item, in request order.' })
  results: ScoreBatchItemResult[];
}
