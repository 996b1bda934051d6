import { GalileoParameters, GalileoSchema } from '../../common/openapi/schema-styles';
import {
  AnyField,
  AnyOfField,
  BooleanField,
  DateTimeField,
  EnumField,
  ListField,
  StringField,
  Uuid4Field,
} from '../../common/validation/fields';
import { NODE_TYPE_ENUM } from '../node-types';

const listOrJson = (description: string) => ({
  required: false,
  nullable: true,
  description: `${description} Repeated parts, or one part holding a JSON list; "None" means none.`,
});

/** The multipart form of `POST /v2/scorers/code/validate` (documented; read by `readCodeForm`). */
@GalileoSchema('Body_validate_code_scorer_v2_scorers_code_validate_post')
export class ValidateCodeScorerForm {
  @StringField({
    openapi: { contentMediaType: 'application/octet-stream' },
    description: 'The scorer: UTF-8 Python source defining `scorer_fn`.',
  })
  file: string;

  @StringField({ required: false, nullable: true, description: 'Accepted; not used: code is never run.' })
  test_input?: string | null;

  @StringField({ required: false, nullable: true, description: 'Accepted; not used: code is never run.' })
  test_output?: string | null;

  @AnyOfField(
    [{ kind: 'string' }, { kind: 'list', items: { kind: 'string', required: true, nullable: false } }],
    listOrJson('Scorers this one needs.'),
  )
  required_scorers?: string | string[] | null;

  @AnyOfField(
    [{ kind: 'string' }, { kind: 'list', items: { kind: 'string', required: true, nullable: false } }],
    listOrJson('Node types it scores.'),
  )
  scoreable_node_types?: string | string[] | null;
}

/** The text fields of the validation form, once repeated parts and JSON lists are read as lists. */
export class ValidateCodeScorerFields {
  @ListField({ kind: 'enum', values: NODE_TYPE_ENUM.values }, { required: false, nullable: true, maxLength: 20 })
  scoreable_node_types?: string[] | null;

  @ListField({ kind: 'string', maxLength: 255 }, { required: false, nullable: true, maxLength: 100 })
  required_scorers?: string[] | null;

  @StringField({ required: false, nullable: true, maxLength: 100_000 })
  test_input?: string | null;

  @StringField({ required: false, nullable: true, maxLength: 100_000 })
  test_output?: string | null;
}

@GalileoSchema('ValidateCodeScorerResponse')
export class ValidateCodeScorerResponse {
  @Uuid4Field()
  task_id: string;
}

@GalileoSchema('TestScore')
export class TestScore {
  @EnumField(NODE_TYPE_ENUM.values, { enumName: NODE_TYPE_ENUM.enumName })
  node_type: string;

  @AnyField({ required: false, nullable: true })
  score?: unknown;
}

@GalileoSchema('ValidResult')
export class ValidResult {
  @StringField({ required: false, default: 'valid', openapi: { const: 'valid' } })
  result_type: 'valid';

  @StringField({ description: "scorer_fn's return annotation as written; empty when it has none." })
  score_type: string;

  @ListField({ kind: 'enum', values: NODE_TYPE_ENUM.values, enumName: NODE_TYPE_ENUM.enumName })
  scoreable_node_types: string[];

  @BooleanField({ required: false, default: false })
  include_llm_credentials: boolean;

  @StringField({ required: false, nullable: true, description: 'Not modelled by Scorekeeper: always null.' })
  chain_aggregation: null;

  @ListField(() => TestScore, { description: 'Always empty: the code is checked, never run.' })
  test_scores: TestScore[];
}

@GalileoSchema('InvalidResult')
export class InvalidResult {
  @StringField({ required: false, default: 'invalid', openapi: { const: 'invalid' } })
  result_type: 'invalid';

  @StringField({ description: 'What is wrong with the file.' })
  error_message: string;
}

@GalileoSchema('ValidateRegisteredScorerResult')
export class ValidateRegisteredScorerResult {
  @AnyOfField([
    { kind: 'nested', type: () => ValidResult },
    { kind: 'nested', type: () => InvalidResult },
  ])
  result: ValidResult | InvalidResult;
}

@GalileoSchema('RegisteredScorerTaskResultResponse')
export class RegisteredScorerTaskResultResponse {
  @Uuid4Field()
  id: string;

  @DateTimeField()
  created_at: string;

  @DateTimeField()
  updated_at: string;

  @EnumField(['pending', 'started', 'completed', 'failed'], {
    enumName: 'TaskResultStatus',
    description: 'Only ever pending or completed.',
  })
  status: string;

  @AnyOfField([{ kind: 'nested', type: () => ValidateRegisteredScorerResult }, { kind: 'string' }], { required: false, nullable: true })
  result: ValidateRegisteredScorerResult | null;
}

@GalileoParameters()
export class TaskIdParams {
  @Uuid4Field()
  task_id: string;
}
