import { GalileoParameters, GalileoSchema } from '../../common/openapi/schema-styles';
import { GalileoPageQuery, GalileoPageResponse } from '../../common/paging/galileo-page';
import {
  AnyOfField,
  BooleanField,
  DateTimeField,
  EnumField,
  ListField,
  StringField,
  UnionField,
  UnionListField,
} from '../../common/validation/fields';
import { ScorerResponse } from './scorer.dto';

const stringOrList = [{ kind: 'string' }, { kind: 'list', items: { kind: 'string', required: true, nullable: false } }] as const;
const uuidOrList = [
  { kind: 'string', openapi: { format: 'uuid4' } },
  { kind: 'list', items: { kind: 'string', required: true, nullable: false } },
] as const;
const tag = (name: string) => ({ required: false, default: name, applyDefault: true, openapi: { const: name } });

@GalileoSchema('ScorerNameFilter')
export class ScorerNameFilter {
  @StringField(tag('name'))
  name: 'name';

  @EnumField(['eq', 'ne', 'contains', 'one_of', 'not_in'])
  operator: 'eq' | 'ne' | 'contains' | 'one_of' | 'not_in';

  @AnyOfField([...stringOrList])
  value: string | string[];

  @BooleanField({ required: false, default: false, applyDefault: true })
  case_sensitive: boolean;
}

@GalileoSchema('ScorerTypeFilter')
export class ScorerTypeFilter {
  @StringField(tag('scorer_type'))
  name: 'scorer_type';

  @EnumField(['eq', 'ne', 'one_of', 'not_in'])
  operator: 'eq' | 'ne' | 'one_of' | 'not_in';

  @AnyOfField([...stringOrList])
  value: string | string[];
}

@GalileoSchema('ScorerModelTypeFilter')
export class ScorerModelTypeFilter {
  @StringField(tag('model_type'))
  name: 'model_type';

  @EnumField(['eq', 'ne', 'one_of', 'not_in'])
  operator: 'eq' | 'ne' | 'one_of' | 'not_in';

  @AnyOfField([...stringOrList])
  value: string | string[];
}

@GalileoSchema('ScorerTagsFilter')
export class ScorerTagsFilter {
  @StringField(tag('tags'))
  name: 'tags';

  @EnumField(['eq', 'contains', 'one_of', 'not_in'])
  operator: 'eq' | 'contains' | 'one_of' | 'not_in';

  @AnyOfField([...stringOrList])
  value: string | string[];

  @BooleanField({ required: false, default: true, applyDefault: true })
  case_sensitive: boolean;
}

@GalileoSchema('ScorerCreatorFilter')
export class ScorerCreatorFilter {
  @StringField(tag('creator'))
  name: 'creator';

  @EnumField(['eq', 'ne', 'one_of', 'not_in', 'contains'], { required: false, default: 'eq', applyDefault: true })
  operator: 'eq' | 'ne' | 'one_of' | 'not_in' | 'contains';

  @AnyOfField([...uuidOrList])
  value: string | string[];
}

@GalileoSchema('ScorerIDFilter')
export class ScorerIDFilter {
  @StringField(tag('id'))
  name: 'id';

  @EnumField(['eq', 'ne', 'one_of', 'not_in', 'contains'], { required: false, default: 'eq', applyDefault: true })
  operator: 'eq' | 'ne' | 'one_of' | 'not_in' | 'contains';

  @AnyOfField([...uuidOrList])
  value: string | string[];
}

@GalileoSchema('ScorerLabelFilter')
export class ScorerLabelFilter {
  @StringField(tag('label'))
  name: 'label';

  @EnumField(['eq', 'ne', 'contains', 'one_of', 'not_in'])
  operator: 'eq' | 'ne' | 'contains' | 'one_of' | 'not_in';

  @AnyOfField([...stringOrList])
  value: string | string[];

  @BooleanField({ required: false, default: true, applyDefault: true })
  case_sensitive: boolean;

  @BooleanField({ required: false, default: true, applyDefault: true, description: 'When false, scorers without a label match by name.' })
  strict: boolean;
}

@GalileoSchema('ScorerCreatedAtFilter')
export class ScorerCreatedAtFilter {
  @StringField(tag('created_at'))
  name: 'created_at';

  @EnumField(['eq', 'ne', 'gt', 'gte', 'lt', 'lte'])
  operator: 'eq' | 'ne' | 'gt' | 'gte' | 'lt' | 'lte';

  @DateTimeField()
  value: string;
}

@GalileoSchema('ScorerUpdatedAtFilter')
export class ScorerUpdatedAtFilter {
  @StringField(tag('updated_at'))
  name: 'updated_at';

  @EnumField(['eq', 'ne', 'gt', 'gte', 'lt', 'lte'])
  operator: 'eq' | 'ne' | 'gt' | 'gte' | 'lt' | 'lte';

  @DateTimeField()
  value: string;
}

@GalileoSchema('ScorerNameSort')
export class ScorerNameSort {
  @StringField(tag('name'))
  name: 'name';

  @BooleanField({ required: false, default: true, applyDefault: true })
  ascending: boolean;

  @StringField({ required: false, default: 'column', applyDefault: true, openapi: { const: 'column' } })
  sort_type: string;
}

@GalileoSchema('ScorerUpdatedAtSort')
export class ScorerUpdatedAtSort {
  @StringField(tag('updated_at'))
  name: 'updated_at';

  @BooleanField({ required: false, default: true, applyDefault: true })
  ascending: boolean;

  @StringField({ required: false, default: 'column', applyDefault: true, openapi: { const: 'column' } })
  sort_type: string;
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

@GalileoSchema('ListScorersRequest')
export class ListScorersRequest {
  @UnionListField(
    'name',
    {
      name: () => ScorerNameFilter,
      scorer_type: () => ScorerTypeFilter,
      model_type: () => ScorerModelTypeFilter,
      tags: () => ScorerTagsFilter,
      creator: () => ScorerCreatorFilter,
      created_at: () => ScorerCreatedAtFilter,
      updated_at: () => ScorerUpdatedAtFilter,
      id: () => ScorerIDFilter,
      label: () => ScorerLabelFilter,
    },
    { required: false, default: [], applyDefault: true, maxLength: 100 },
  )
  filters: ScorerFilter[];

  @UnionField('name', { name: () => ScorerNameSort, updated_at: () => ScorerUpdatedAtSort }, { required: false, nullable: true })
  sort?: ScorerSort | null;
}

@GalileoSchema('ListScorersResponse')
export class ListScorersResponse extends GalileoPageResponse {
  @ListField(() => ScorerResponse, { required: false })
  scorers: ScorerResponse[];
}

@GalileoParameters()
export class ListScorersQuery extends GalileoPageQuery {
  @ListField(
    { kind: 'string' },
    { required: false, coerce: true, description: 'Accepted for compatibility; permissions are not modelled.' },
  )
  actions?: string[];
}

@GalileoParameters()
export class GetScorerQuery {
  @ListField(
    { kind: 'string' },
    { required: false, coerce: true, description: 'Accepted for compatibility; permissions are not modelled.' },
  )
  actions?: string[];
}
