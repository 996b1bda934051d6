import type { RegisteredScorerTaskResultResponse, ValidateRegisteredScorerResult } from './dto/code-validation.dto';
import type { CodeValidationTask } from './entities/code-validation-task.entity';

export function toTaskResultResponse(task: CodeValidationTask): RegisteredScorerTaskResultResponse {
  return {
    id: task.id,
    created_at: task.createdAt.toISOString(),
    updated_at: task.updatedAt.toISOString(),
    status: task.status,
    result: task.outcome ? ({ result: task.outcome } as ValidateRegisteredScorerResult) : null,
  };
}
