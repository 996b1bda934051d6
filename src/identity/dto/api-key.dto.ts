import { GalileoParameters, GalileoSchema } from '../../common/openapi/schema-styles';
import { GalileoPageQuery, GalileoPageResponse } from '../../common/paging/galileo-page';
import { ValidateDateTime, ValidateEnum, ValidateModel, ValidateString, ValidateUUID } from '../../common/validation/validation';

/** Galileo's project roles: accepted, not modelled (keys here are organization-wide). */
export const COLLABORATOR_ROLES = ['owner', 'editor', 'annotator', 'viewer'] as const;

@GalileoSchema('CreateApiKeyRequest')
export class CreateApiKeyRequest {
  @ValidateString({ maxLength: 1000 })
  description: string;

  @ValidateDateTime({ optional: true, nullable: true })
  expires_at?: string | null;

  @ValidateUUID({ version: 4, optional: true, nullable: true })
  project_id?: string | null;

  @ValidateEnum(COLLABORATOR_ROLES, { optional: true, nullable: true, enumName: 'CollaboratorRole' })
  project_role?: string | null;

  /** An exact key to import (at least 32 printable characters); generated when absent. */
  @ValidateString({ optional: true, nullable: true, secret: true })
  api_key?: string | null;
}

@GalileoSchema('GetApiKeyResponse')
export class GetApiKeyResponse {
  @ValidateUUID({ version: 4 })
  id: string;

  @ValidateString()
  description: string;

  @ValidateDateTime({ optional: true, nullable: true })
  expires_at: string | null;

  @ValidateDateTime()
  created_at: string;

  @ValidateDateTime()
  updated_at: string;

  @ValidateDateTime({ optional: true, nullable: true })
  last_used: string | null;

  @ValidateUUID({ version: 4, optional: true, nullable: true })
  project_id: string | null;

  @ValidateEnum(COLLABORATOR_ROLES, { optional: true, nullable: true, enumName: 'CollaboratorRole' })
  project_role: string | null;

  @ValidateUUID({ version: 4 })
  created_by: string;

  @ValidateString()
  truncated: string;
}

@GalileoSchema('CreateApiKeyResponse')
export class CreateApiKeyResponse extends GetApiKeyResponse {
  /** The key itself: shown this once, never again. */
  @ValidateString()
  api_key: string;
}

@GalileoSchema('ListApiKeyResponse')
export class ListApiKeyResponse extends GalileoPageResponse {
  @ValidateModel(() => GetApiKeyResponse, { each: true })
  api_keys: GetApiKeyResponse[];
}

@GalileoSchema('ApiKeyDeleteResponse')
export class ApiKeyDeleteResponse {
  @ValidateString()
  message: string;
}

@GalileoParameters()
export class UserApiKeysParams {
  @ValidateUUID({ version: 4 })
  user_id: string;
}

@GalileoParameters()
export class ApiKeyParams {
  @ValidateUUID({ version: 4 })
  api_key_id: string;
}

export { GalileoPageQuery };
