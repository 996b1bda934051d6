import { GalileoParameters, GalileoSchema } from '../../common/openapi/schema-styles';
import {
  ValidateDateTime,
  ValidateInt,
  ValidateJson,
  ValidateModel,
  ValidateNumber,
  ValidateString,
  ValidateUUID,
} from '../../common/validation/validation';

@GalileoSchema('WriteHealthScoreRequest')
export class WriteHealthScoreRequest {
  @ValidateUUID({ version: 4 })
  dataset_id: string;

  @ValidateString()
  health_score_type: string;

  @ValidateNumber()
  score: number;

  @ValidateJson('numberMap', { optional: true, nullable: true })
  secondary?: Record<string, number | null> | null;
}

@GalileoSchema('ScorerVersionHealthScoreEntry')
export class ScorerVersionHealthScoreEntry {
  @ValidateUUID({ version: 4 })
  id: string;

  @ValidateUUID({ version: 4 })
  scorer_version_id: string;

  @ValidateInt()
  scorer_version_number: number;

  @ValidateUUID({ version: 4 })
  dataset_id: string;

  @ValidateString()
  health_score_type: string;

  @ValidateNumber()
  score: number;

  @ValidateJson('numberMap', { nullable: true })
  secondary: Record<string, number | null> | null;

  @ValidateDateTime()
  computed_at: string;
}

@GalileoSchema('ScorerHealthScoresResponse')
export class ScorerHealthScoresResponse {
  @ValidateModel(() => ScorerVersionHealthScoreEntry, { each: true })
  scores: ScorerVersionHealthScoreEntry[];
}

@GalileoParameters()
export class HealthScoresQuery {
  @ValidateUUID({ version: 4 })
  dataset_id: string;
}
