import { RespanSchema } from '../../common/openapi/schema-styles';
import { DateTimeField, EnumField, IntField, ListField, ObjectField, StringField } from '../../common/validation/fields';
import { SCORE_OPERATIONS } from '../entities/score-revision.entity';

@RespanSchema('ScoreRevision')
export class ScoreRevisionResponse {
  @StringField({ description: 'Score ID.' })
  score_id: string;

  @IntField({ description: 'Revision number: 1 for the create, then one more per replace or update.' })
  revision: number;

  @EnumField(SCORE_OPERATIONS, { description: 'The write that made this revision.' })
  operation: string;

  @ObjectField({ description: 'Every field of the score after the write (is_passed as computed then).' })
  values: Record<string, unknown>;

  @StringField({ description: 'Who made the write: the API key description or the user e-mail.' })
  actor: string;

  @DateTimeField({ description: 'When the write happened.' })
  at: string;
}

@RespanSchema('PaginatedScoreRevisions')
export class PaginatedScoreRevisions {
  @IntField({ description: 'Total number of revisions.' })
  count: number;

  @StringField({ nullable: true, description: 'Link to the next page.' })
  next: string | null;

  @StringField({ nullable: true, description: 'Link to the previous page.' })
  previous: string | null;

  @ListField(() => ScoreRevisionResponse)
  results: ScoreRevisionResponse[];
}
