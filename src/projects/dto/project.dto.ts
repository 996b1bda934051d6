import { GalileoParameters, GalileoSchema } from '../../common/openapi/schema-styles';
import { BooleanField, DateTimeField, EnumField, ListField, NestedField, StringField, Uuid4Field } from '../../common/validation/fields';
import { UserInfo } from './user-info.dto';

const NOT_MODELLED = 'Not modelled by Scorekeeper: always empty.';

export const PROJECT_TYPES = ['prompt_evaluation', 'llm_monitor', 'protect', 'gen_ai'] as const;
export type ProjectType = (typeof PROJECT_TYPES)[number];
const PROJECT_TYPE_ENUM = { enumName: 'ProjectType' } as const;

@GalileoSchema('ProjectCreate')
export class ProjectCreate {
  @StringField({ minLength: 1, maxLength: 255 })
  name: string;

  @Uuid4Field({
    required: false,
    nullable: true,
    description: 'Accepted for compatibility; not modelled by Scorekeeper (the creator is the caller).',
  })
  created_by?: string | null;

  @EnumField(PROJECT_TYPES, { ...PROJECT_TYPE_ENUM, required: false, default: 'gen_ai', applyDefault: true })
  type: string;

  @BooleanField({
    required: false,
    default: false,
    description: 'Accepted for compatibility; not modelled by Scorekeeper (it has no templates).',
  })
  create_example_templates?: boolean;
}

@GalileoSchema('ProjectCreateResponse')
export class ProjectCreateResponse {
  @StringField({ required: false, nullable: true })
  name: string | null;

  @Uuid4Field({ required: false, nullable: true })
  created_by: string | null;

  @EnumField(PROJECT_TYPES, { ...PROJECT_TYPE_ENUM, required: false, nullable: true })
  type: ProjectType | null;

  @Uuid4Field()
  id: string;

  @DateTimeField()
  created_at: string;

  @DateTimeField()
  updated_at: string;
}

@GalileoSchema('ProjectDB')
export class ProjectDB {
  @Uuid4Field()
  id: string;

  @ListField({ kind: 'object' }, { required: false, default: [], description: NOT_MODELLED })
  permissions: unknown[];

  @StringField({ required: false, nullable: true })
  name: string | null;

  @Uuid4Field()
  created_by: string;

  @EnumField(PROJECT_TYPES, { ...PROJECT_TYPE_ENUM, required: false, nullable: true })
  type: ProjectType | null;

  @NestedField(() => UserInfo)
  created_by_user: UserInfo;

  @ListField({ kind: 'object' }, { description: 'Not modelled by Scorekeeper (runs are log streams here): always empty.' })
  runs: unknown[];

  @DateTimeField()
  created_at: string;

  @DateTimeField()
  updated_at: string;

  @BooleanField({ required: false, default: false, description: 'Not modelled by Scorekeeper: always false.' })
  bookmark: boolean;

  @StringField({ required: false, nullable: true, description: NOT_MODELLED })
  description: string | null;

  @ListField({ kind: 'string' }, { required: false, description: NOT_MODELLED })
  labels: string[];
}

@GalileoParameters()
export class GetProjectsQuery {
  @StringField({ required: false, nullable: true, maxLength: 255 })
  project_name?: string | null;

  @EnumField(PROJECT_TYPES, { ...PROJECT_TYPE_ENUM, required: false, nullable: true })
  type?: ProjectType | null;
}

@GalileoParameters()
export class ProjectIdParams {
  @Uuid4Field()
  project_id: string;
}
