import { GalileoParameters, GalileoSchema } from '../../common/openapi/schema-styles';
import {
  ValidateBoolean,
  ValidateDateTime,
  ValidateEnum,
  ValidateJson,
  ValidateModel,
  ValidateString,
  ValidateUUID,
} from '../../common/validation/validation';
import { UserInfo } from './user-info.dto';

const NOT_MODELLED = 'Not modelled by Scorekeeper: always empty.';

export const PROJECT_TYPES = ['prompt_evaluation', 'llm_monitor', 'protect', 'gen_ai'] as const;
export type ProjectType = (typeof PROJECT_TYPES)[number];
const PROJECT_TYPE_ENUM = { enumName: 'ProjectType' } as const;

@GalileoSchema('ProjectCreate')
export class ProjectCreate {
  @ValidateString({ minLength: 1, maxLength: 255 })
  name: string;

  @ValidateUUID({
    version: 4,
    optional: true,
    nullable: true,
    description: 'Accepted for compatibility; not modelled by Scorekeeper (the creator is the caller).',
  })
  created_by?: string | null;

  @ValidateEnum(PROJECT_TYPES, { ...PROJECT_TYPE_ENUM, optional: true, default: 'gen_ai' })
  type: string = 'gen_ai';

  @ValidateBoolean({
    optional: true,
    default: false,
    description: 'Accepted for compatibility; not modelled by Scorekeeper (it has no templates).',
  })
  create_example_templates?: boolean;
}

@GalileoSchema('ProjectCreateResponse')
export class ProjectCreateResponse {
  @ValidateString({ optional: true, nullable: true })
  name: string | null;

  @ValidateUUID({ version: 4, optional: true, nullable: true })
  created_by: string | null;

  @ValidateEnum(PROJECT_TYPES, { ...PROJECT_TYPE_ENUM, optional: true, nullable: true })
  type: ProjectType | null;

  @ValidateUUID({ version: 4 })
  id: string;

  @ValidateDateTime()
  created_at: string;

  @ValidateDateTime()
  updated_at: string;
}

@GalileoSchema('ProjectDB')
export class ProjectDB {
  @ValidateUUID({ version: 4 })
  id: string;

  @ValidateJson('objects', { optional: true, default: [], description: NOT_MODELLED })
  permissions: unknown[];

  @ValidateString({ optional: true, nullable: true })
  name: string | null;

  @ValidateUUID({ version: 4 })
  created_by: string;

  @ValidateEnum(PROJECT_TYPES, { ...PROJECT_TYPE_ENUM, optional: true, nullable: true })
  type: ProjectType | null;

  @ValidateModel(() => UserInfo)
  created_by_user: UserInfo;

  @ValidateJson('objects', { description: 'Not modelled by Scorekeeper (runs are log streams here): always empty.' })
  runs: unknown[];

  @ValidateDateTime()
  created_at: string;

  @ValidateDateTime()
  updated_at: string;

  @ValidateBoolean({ optional: true, default: false, description: 'Not modelled by Scorekeeper: always false.' })
  bookmark: boolean;

  @ValidateString({ optional: true, nullable: true, description: NOT_MODELLED })
  description: string | null;

  @ValidateString({ each: true, optional: true, description: NOT_MODELLED })
  labels: string[];
}

@GalileoParameters()
export class GetProjectsQuery {
  @ValidateString({ optional: true, nullable: true, maxLength: 255 })
  project_name?: string | null;

  @ValidateEnum(PROJECT_TYPES, { ...PROJECT_TYPE_ENUM, optional: true, nullable: true })
  type?: ProjectType | null;
}

@GalileoParameters()
export class ProjectIdParams {
  @ValidateUUID({ version: 4 })
  project_id: string;
}
