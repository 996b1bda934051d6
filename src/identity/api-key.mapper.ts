import type { GetApiKeyResponse } from './dto/api-key.dto';
import type { ApiKey } from './entities/api-key.entity';

export function toApiKeyResponse(key: ApiKey): GetApiKeyResponse {
  return {
    id: key.id,
    description: key.description,
    expires_at: key.expiresAt?.toISOString() ?? null,
    created_at: key.createdAt.toISOString(),
    updated_at: key.updatedAt.toISOString(),
    last_used: key.lastUsed?.toISOString() ?? null,
    project_id: null,
    project_role: null,
    created_by: key.createdBy,
    truncated: key.truncated,
  };
}
