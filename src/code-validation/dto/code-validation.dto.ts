import { GalileoParameters, GalileoSchema } from '../../common/openapi/schema-styles';
import {
  ValidateBoolean,
  ValidateDateTime,
  ValidateEnum,
  ValidateJson,
  ValidateModel,
  ValidateString,
  ValidateTextOrTextList,
  ValidateUUID,
} from '../../common/validation/validation';
import { NODE_TYPE_ENUM } from '../node-types';

const listOrJson = (description: string) => ({
  optional: true,
  nullable: true,
  description: `${description} Repeated parts, or one part holding a JSON list; "None" means none.`,
});

/** A reference to a component schema, for the answers that are one of several models (pydantic's `anyOf`). */
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });

/** The multipart form of `POST /v2/scorers/code/validate` (documented; read by `readCodeForm`). */
@GalileoSchema('Body_validate_code_scorer_v2_scorers_code_validate_post')
export class ValidateCodeScorerForm {
  @ValidateString({
    schema: { contentMediaType: 'application/octet-stream' },
    description: 'The scorer: UTF-8 Python source defining `scorer_fn`.',
  })
  file: string;

  @ValidateString({ optional: true, nullable: true, description: 'Accepted; not used: code is never run.' })
  test_input?: string | null;

  @ValidateString({ optional: true, nullable: true, description: 'Accepted; not used: code is never run.' })
  test_output?: string | null;

  @ValidateTextOrTextList(listOrJson('Scorers this one needs.'))
  required_scorers?: string | string[] | null;

  @ValidateTextOrTextList(listOrJson('Node types it scores.'))
  scoreable_node_types?: string | string[] | null;
}

/** The text fields of the validation form, once repeated parts and JSON lists are read as lists. */
export class ValidateCodeScorerFields {
  @ValidateEnum(NODE_TYPE_ENUM.values, { each: true, optional: true, nullable: true, maxItems: 20, enumName: NODE_TYPE_ENUM.enumName })
  scoreable_node_types?: string[] | null;

  @ValidateString({ each: true, optional: true, nullable: true, maxItems: 100, maxLength: 255 })
  required_scorers?: string[] | null;

  @ValidateString({ optional: true, nullable: true, maxLength: 100_000 })
  test_input?: string | null;

  @ValidateString({ optional: true, nullable: true, maxLength: 100_000 })
  test_output?: string | null;
}

@GalileoSchema('ValidateCodeScorerResponse')
export class ValidateCodeScorerResponse {
  @ValidateUUID({ version: 4 })
  task_id: string;
}

@GalileoSchema('TestScore')
export class TestScore {
  @ValidateEnum(NODE_TYPE_ENUM.values, { enumName: NODE_TYPE_ENUM.enumName })
  node_type: string;

  @ValidateJson('any', { optional: true, nullable: true })
  score?: unknown;
}

@GalileoSchema('ValidResult')
export class ValidResult {
  @ValidateString({ optional: true, default: 'valid', schema: { const: 'valid' } })
  result_type: 'valid';

  @ValidateString({ description: "scorer_fn's return annotation as written; empty when it has none." })
  score_type: string;

  @ValidateEnum(NODE_TYPE_ENUM.values, { each: true, enumName: NODE_TYPE_ENUM.enumName })
  scoreable_node_types: string[];

  @ValidateBoolean({ optional: true, default: false })
  include_llm_credentials: boolean;

  @ValidateString({ optional: true, nullable: true, description: 'Not modelled by Scorekeeper: always null.' })
  chain_aggregation: null;

  @ValidateModel(() => TestScore, { each: true, description: 'Always empty: the code is checked, never run.' })
  test_scores: TestScore[];
}

@GalileoSchema('InvalidResult')
export class InvalidResult {
  @ValidateString({ optional: true, default: 'invalid', schema: { const: 'invalid' } })
  result_type: 'invalid';

  @ValidateString({ description: 'What is wrong with the file.' })
  error_message: string;
}

@GalileoSchema('ValidateRegisteredScorerResult')
export class ValidateRegisteredScorerResult {
  @ValidateJson('any', { schema: { anyOf: [ref('ValidResult'), ref('InvalidResult')] } })
  result: ValidResult | InvalidResult;
}

@GalileoSchema('RegisteredScorerTaskResultResponse')
export class RegisteredScorerTaskResultResponse {
  @ValidateUUID({ version: 4 })
  id: string;

  @ValidateDateTime()
  created_at: string;

  @ValidateDateTime()
  updated_at: string;

  @ValidateEnum(['pending', 'started', 'completed', 'failed'], {
    enumName: 'TaskResultStatus',
    description: 'Only ever pending or completed.',
  })
  status: string;

  @ValidateJson('any', {
    optional: true,
    nullable: true,
    schema: { anyOf: [ref('ValidateRegisteredScorerResult'), { type: 'string' }, { type: 'null' }] },
  })
  result: ValidateRegisteredScorerResult | null;
}

@GalileoParameters()
export class TaskIdParams {
  @ValidateUUID({ version: 4 })
  task_id: string;
}
