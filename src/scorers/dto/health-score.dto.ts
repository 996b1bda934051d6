import { GalileoParameters, GalileoSchema } from '../../common/openapi/schema-styles';
import { DateTimeField, IntField, ListField, NumberField, NumberMapField, StringField, Uuid4Field } from '../../common/validation/fields';

@GalileoSchema('WriteHealthScoreRequest')
export class WriteHealthScoreRequest {
  @Uuid4Field()
  dataset_id: string;

  @StringField()
  health_score_type: string;

  @NumberField()
  score: number;

  @NumberMapField({ required: false, nullable: true })
  secondary?: Record<string, number | null> | null;
}

@GalileoSchema('ScorerVersionHealthScoreEntry')
export class ScorerVersionHealthScoreEntry {
  @Uuid4Field()
  id: string;

  @Uuid4Field()
  scorer_version_id: string;

  @IntField()
  scorer_version_number: number;

  @Uuid4Field()
  dataset_id: string;

  @StringField()
  health_score_type: string;

  @NumberField()
  score: number;

  @NumberMapField({ nullable: true })
  secondary: Record<string, number | null> | null;

  @DateTimeField()
  computed_at: string;
}

@GalileoSchema('ScorerHealthScoresResponse')
export class ScorerHealthScoresResponse {
  @ListField(() => ScorerVersionHealthScoreEntry)
  scores: ScorerVersionHealthScoreEntry[];
}

@GalileoParameters()
export class HealthScoresQuery {
  @Uuid4Field()
  dataset_id: string;
}
