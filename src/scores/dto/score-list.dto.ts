import { RespanParameters, RespanSchema } from '../../common/openapi/schema-styles';
import { DrfPageQuery } from '../../common/paging/drf-page';
import { BooleanField, DateTimeField, EnumField, NumberField, ObjectField, StringField, UuidField } from '../../common/validation/fields';
import { PaginatedScores } from './score.dto';

const text = (description: string) => StringField({ required: false, description });

/** The orders a score list can be sorted in; `-` for descending. */
export const SORT_KEYS = ['-created_at', 'created_at', '-updated_at', 'updated_at', '-numerical_value', 'numerical_value'] as const;
export type SortKey = (typeof SORT_KEYS)[number];

/** `GET /api/scores/`: paging, sort and the filters of contract §4. */
@RespanParameters()
export class ScoreListQuery extends DrfPageQuery {
  @EnumField(SORT_KEYS, {
    required: false,
    default: '-created_at',
    applyDefault: true,
    description: 'Order of the results; `-` for descending.',
  })
  sort_by: (typeof SORT_KEYS)[number];

  @UuidField({ required: false, description: 'Only scores of this evaluator.' })
  evaluator_id?: string;

  @text('Only scores with this evaluator slug.')
  evaluator_slug?: string;

  @text('Only scores of this log/span.')
  log_id?: string;

  @text('Only scores of this dataset.')
  dataset_id?: string;

  @text('Only scores of this environment.')
  environment?: string;

  @text('Only scores produced by this scorer.')
  scorer?: string;

  @text('Only scores of this evaluator type (llm, human, code).')
  type?: string;

  @BooleanField({ required: false, coerce: true, description: 'Only passing (true) or failing (false) scores.' })
  is_passed?: boolean;

  @DateTimeField({ required: false, description: 'Only scores created at or after this time.' })
  start_time?: string;

  @DateTimeField({ required: false, description: 'Only scores created at or before this time.' })
  end_time?: string;

  @NumberField({ required: false, coerce: true, description: 'Only scores whose numerical_value is at least this.' })
  numerical_value__gte?: number;

  @NumberField({ required: false, coerce: true, description: 'Only scores whose numerical_value is at most this.' })
  numerical_value__lte?: number;
}

/** `POST /api/scores/list/`: paging and sort stay in the query string. */
@RespanParameters()
export class ScoreFilterQuery extends DrfPageQuery {
  @EnumField(SORT_KEYS, {
    required: false,
    default: '-created_at',
    applyDefault: true,
    description: 'Order of the results; `-` for descending.',
  })
  sort_by: (typeof SORT_KEYS)[number];
}

@RespanSchema('ScoreFilterRequest')
export class ScoreFilterRequest {
  @ObjectField({
    required: false,
    description:
      '`{field: {"operator", "value"}}` (or a list of such conditions per field, all of which must hold). Fields: evaluator_id, evaluator_slug, log_id, dataset_id, environment, scorer, type, is_passed, created_at, numerical_value. Operators: \'\' (exact), in, not, icontains, startswith, gt, gte, lt, lte, empty, not_empty, where they apply to the field.',
  })
  filters?: Record<string, unknown>;
}

@RespanSchema('FilteredScores')
export class FilteredScores extends PaginatedScores {
  @ObjectField({ description: 'The filters applied, as understood (operators normalized).' })
  current_filters: Record<string, unknown>;
}
