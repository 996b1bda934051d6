import { GalileoParameters, GalileoSchema } from '../../common/openapi/schema-styles';
import { GalileoPageQuery, GalileoPageResponse } from '../../common/paging/galileo-page';
import { DateTimeField, EnumField, ListField, StringField, Uuid4Field } from '../../common/validation/fields';

/** Galileo's project roles: accepted, not modelled (keys here are organization-wide). */
export const COLLABORATOR_ROLES = ['owner', 'editor', 'annotator', 'viewer'] as const;

@GalileoSchema('CreateApiKeyRequest')
export class CreateApiKeyRequest {
  @StringField({ maxLength: 1000 })
  description: string;

  @DateTimeField({ required: false, nullable: true })
  expires_at?: string | null;

  @Uuid4Field({ required: false, nullable: true })
  project_id?: string | null;

  @EnumField(COLLABORATOR_ROLES, { required: false, nullable: true, enumName: 'CollaboratorRole' })
  project_role?: string | null;

  /** An exact key to import (at least 32 printable characters); generated when absent. */
  @StringField({ required: false, nullable: true, secret: true })
  api_key?: string | null;
}

@GalileoSchema('GetApiKeyResponse')
export class GetApiKeyResponse {
  @Uuid4Field()
  id: string;

  @StringField()
  description: string;

  @DateTimeField({ required: false, nullable: true })
  expires_at: string | null;

  @DateTimeField()
  created_at: string;

  @DateTimeField()
  updated_at: string;

  @DateTimeField({ required: false, nullable: true })
  last_used: string | null;

  @Uuid4Field({ required: false, nullable: true })
  project_id: string | null;

  @EnumField(COLLABORATOR_ROLES, { required: false, nullable: true, enumName: 'CollaboratorRole' })
  project_role: string | null;

  @Uuid4Field()
  created_by: string;

  @StringField()
  truncated: string;
}

@GalileoSchema('CreateApiKeyResponse')
export class CreateApiKeyResponse extends GetApiKeyResponse {
  /** The key itself: shown this once, never again. */
  @StringField()
  api_key: string;
}

@GalileoSchema('ListApiKeyResponse')
export class ListApiKeyResponse extends GalileoPageResponse {
  @ListField(() => GetApiKeyResponse)
  api_keys: GetApiKeyResponse[];
}

@GalileoSchema('ApiKeyDeleteResponse')
export class ApiKeyDeleteResponse {
  @StringField()
  message: string;
}

@GalileoParameters()
export class UserApiKeysParams {
  @Uuid4Field()
  user_id: string;
}

@GalileoParameters()
export class ApiKeyParams {
  @Uuid4Field()
  api_key_id: string;
}

export { GalileoPageQuery };
