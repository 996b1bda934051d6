import { GalileoParameters, GalileoSchema } from '../../common/openapi/schema-styles';
import { GalileoPageQuery, GalileoPageResponse } from '../../common/paging/galileo-page';
import {
  ValidateBoolean,
  ValidateDateTime,
  ValidateEnum,
  ValidateModel,
  ValidateString,
  ValidateTextOrTextList,
  ValidateUnion,
} from '../../common/validation/validation';
import { ScorerResponse } from './scorer.dto';

/** A union member's tag: `name` is always the literal it is named by. */
const Tag = (name: string) => ValidateString({ optional: true, default: name, schema: { const: name } });

@GalileoSchema('ScorerNameFilter')
export class ScorerNameFilter {
  @Tag('name')
  name = 'name' as const;

  @ValidateEnum(['eq', 'ne', 'contains', 'one_of', 'not_in'])
  operator: 'eq' | 'ne' | 'contains' | 'one_of' | 'not_in';

  @ValidateTextOrTextList()
  value: string | string[];

  @ValidateBoolean({ optional: true, default: false })
  case_sensitive: boolean = false;
}

@GalileoSchema('ScorerTypeFilter')
export class ScorerTypeFilter {
  @Tag('scorer_type')
  name = 'scorer_type' as const;

  @ValidateEnum(['eq', 'ne', 'one_of', 'not_in'])
  operator: 'eq' | 'ne' | 'one_of' | 'not_in';

  @ValidateTextOrTextList()
  value: string | string[];
}

@GalileoSchema('ScorerModelTypeFilter')
export class ScorerModelTypeFilter {
  @Tag('model_type')
  name = 'model_type' as const;

  @ValidateEnum(['eq', 'ne', 'one_of', 'not_in'])
  operator: 'eq' | 'ne' | 'one_of' | 'not_in';

  @ValidateTextOrTextList()
  value: string | string[];
}

@GalileoSchema('ScorerTagsFilter')
export class ScorerTagsFilter {
  @Tag('tags')
  name = 'tags' as const;

  @ValidateEnum(['eq', 'contains', 'one_of', 'not_in'])
  operator: 'eq' | 'contains' | 'one_of' | 'not_in';

  @ValidateTextOrTextList()
  value: string | string[];

  @ValidateBoolean({ optional: true, default: true })
  case_sensitive: boolean = true;
}

@GalileoSchema('ScorerCreatorFilter')
export class ScorerCreatorFilter {
  @Tag('creator')
  name = 'creator' as const;

  @ValidateEnum(['eq', 'ne', 'one_of', 'not_in', 'contains'], { optional: true, default: 'eq' })
  operator: 'eq' | 'ne' | 'one_of' | 'not_in' | 'contains' = 'eq';

  @ValidateTextOrTextList()
  value: string | string[];
}

@GalileoSchema('ScorerIDFilter')
export class ScorerIDFilter {
  @Tag('id')
  name = 'id' as const;

  @ValidateEnum(['eq', 'ne', 'one_of', 'not_in', 'contains'], { optional: true, default: 'eq' })
  operator: 'eq' | 'ne' | 'one_of' | 'not_in' | 'contains' = 'eq';

  @ValidateTextOrTextList()
  value: string | string[];
}

@GalileoSchema('ScorerLabelFilter')
export class ScorerLabelFilter {
  @Tag('label')
  name = 'label' as const;

  @ValidateEnum(['eq', 'ne', 'contains', 'one_of', 'not_in'])
  operator: 'eq' | 'ne' | 'contains' | 'one_of' | 'not_in';

  @ValidateTextOrTextList()
  value: string | string[];

  @ValidateBoolean({ optional: true, default: true })
  case_sensitive: boolean = true;

  @ValidateBoolean({ optional: true, default: true, description: 'When false, scorers without a label match by name.' })
  strict: boolean = true;
}

@GalileoSchema('ScorerCreatedAtFilter')
export class ScorerCreatedAtFilter {
  @Tag('created_at')
  name = 'created_at' as const;

  @ValidateEnum(['eq', 'ne', 'gt', 'gte', 'lt', 'lte'])
  operator: 'eq' | 'ne' | 'gt' | 'gte' | 'lt' | 'lte';

  @ValidateDateTime()
  value: string;
}

@GalileoSchema('ScorerUpdatedAtFilter')
export class ScorerUpdatedAtFilter {
  @Tag('updated_at')
  name = 'updated_at' as const;

  @ValidateEnum(['eq', 'ne', 'gt', 'gte', 'lt', 'lte'])
  operator: 'eq' | 'ne' | 'gt' | 'gte' | 'lt' | 'lte';

  @ValidateDateTime()
  value: string;
}

@GalileoSchema('ScorerNameSort')
export class ScorerNameSort {
  @Tag('name')
  name = 'name' as const;

  @ValidateBoolean({ optional: true, default: true })
  ascending: boolean = true;

  @ValidateString({ optional: true, default: 'column', schema: { const: 'column' } })
  sort_type: string = 'column';
}

@GalileoSchema('ScorerUpdatedAtSort')
export class ScorerUpdatedAtSort {
  @Tag('updated_at')
  name = 'updated_at' as const;

  @ValidateBoolean({ optional: true, default: true })
  ascending: boolean = true;

  @ValidateString({ optional: true, default: 'column', schema: { const: 'column' } })
  sort_type: string = 'column';
}

export type ScorerFilter =
  | ScorerNameFilter
  | ScorerTypeFilter
  | ScorerModelTypeFilter
  | ScorerTagsFilter
  | ScorerCreatorFilter
  | ScorerIDFilter
  | ScorerLabelFilter
  | ScorerCreatedAtFilter
  | ScorerUpdatedAtFilter;

export type ScorerSort = ScorerNameSort | ScorerUpdatedAtSort;

const FILTERS = {
  name: () => ScorerNameFilter,
  scorer_type: () => ScorerTypeFilter,
  model_type: () => ScorerModelTypeFilter,
  tags: () => ScorerTagsFilter,
  creator: () => ScorerCreatorFilter,
  created_at: () => ScorerCreatedAtFilter,
  updated_at: () => ScorerUpdatedAtFilter,
  id: () => ScorerIDFilter,
  label: () => ScorerLabelFilter,
};

@GalileoSchema('ListScorersRequest')
export class ListScorersRequest {
  @ValidateUnion({ property: 'name', variants: FILTERS }, { each: true, optional: true, default: [], maxItems: 100 })
  filters: ScorerFilter[] = [];

  @ValidateUnion(
    { property: 'name', variants: { name: () => ScorerNameSort, updated_at: () => ScorerUpdatedAtSort } },
    { optional: true, nullable: true },
  )
  sort?: ScorerSort | null;
}

@GalileoSchema('ListScorersResponse')
export class ListScorersResponse extends GalileoPageResponse {
  @ValidateModel(() => ScorerResponse, { each: true, optional: true })
  scorers: ScorerResponse[];
}

@GalileoParameters()
export class ListScorersQuery extends GalileoPageQuery {
  @ValidateString({ each: true, optional: true, description: 'Accepted for compatibility; permissions are not modelled.' })
  actions?: string[];
}

@GalileoParameters()
export class GetScorerQuery {
  @ValidateString({ each: true, optional: true, description: 'Accepted for compatibility; permissions are not modelled.' })
  actions?: string[];
}
