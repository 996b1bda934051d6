import { RespanSchema } from '../../common/openapi/schema-styles';
import {
  ValidateDateTime,
  ValidateEnum,
  ValidateInt,
  ValidateModel,
  ValidateJson,
  ValidateString,
} from '../../common/validation/validation';
import { SCORE_OPERATIONS } from '../entities/score-revision.entity';

@RespanSchema('ScoreRevision')
export class ScoreRevisionResponse {
  @ValidateString({ description: 'Score ID.' })
  score_id: string;

  @ValidateInt({ description: 'Revision number: 1 for the create, then one more per replace or update.' })
  revision: number;

  @ValidateEnum(SCORE_OPERATIONS, { description: 'The write that made this revision.' })
  operation: string;

  @ValidateJson('object', { description: 'Every field of the score after the write (is_passed as computed then).' })
  values: Record<string, unknown>;

  @ValidateString({ description: 'Who made the write: the API key description or the user e-mail.' })
  actor: string;

  @ValidateDateTime({ description: 'When the write happened.' })
  at: string;
}

@RespanSchema('PaginatedScoreRevisions')
export class PaginatedScoreRevisions {
  @ValidateInt({ description: 'Total number of revisions.' })
  count: number;

  @ValidateString({ nullable: true, description: 'Link to the next page.' })
  next: string | null;

  @ValidateString({ nullable: true, description: 'Link to the previous page.' })
  previous: string | null;

  @ValidateModel(() => ScoreRevisionResponse, { each: true })
  results: ScoreRevisionResponse[];
}
