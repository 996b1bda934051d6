import { Injectable, Logger } from '@nestjs/common';
import { MikroORM, RequestContext } from '@mikro-orm/core';
import { ResourceNotFoundException } from '../common/errors/api-exceptions';
import type { UploadedFile } from '../common/http/multipart';
import { CodeValidationTasksRepository } from './code-validation-tasks.repository';
import type { CodeValidationOutcome, CodeValidationTask } from './entities/code-validation-task.entity';
import { checkPythonCode, decodeUpload } from './python-source';

export interface ValidationRequest {
  file: UploadedFile;
  scoreableNodeTypes: string[];
  requiredScorers: string[] | null;
}

/** What a task's static check concludes (deterministic: any instance concludes the same). */
function outcomeOf(task: CodeValidationTask): CodeValidationOutcome {
  const check = task.problem !== null ? { valid: false as const, problem: task.problem } : checkPythonCode(task.code ?? '');
  if (!check.valid) return { result_type: 'invalid', error_message: `Invalid code scorer: ${check.problem}.` };
  return {
    result_type: 'valid',
    score_type: check.scoreType,
    scoreable_node_types: task.scoreableNodeTypes,
    include_llm_credentials: false,
    chain_aggregation: null,
    test_scores: [],
  };
}

/**
 * Static validation of code scorers as tasks: a submitted file is stored as a pending task and checked
 * right after the answer; a read of a task still pending (the instance that took it stopped) checks it
 * then. Nothing is ever executed.
 */
@Injectable()
export class CodeValidationService {
  private readonly logger = new Logger(CodeValidationService.name);

  constructor(
    private readonly orm: MikroORM,
    private readonly tasks: CodeValidationTasksRepository,
  ) {}

  async submit(organizationId: string, createdBy: string, request: ValidationRequest): Promise<CodeValidationTask> {
    const decoded = decodeUpload(request.file.content, request.file.truncated);
    const task = await this.tasks.insert({
      organizationId,
      createdBy,
      code: 'code' in decoded ? decoded.code : null,
      problem: 'problem' in decoded ? decoded.problem : null,
      scoreableNodeTypes: request.scoreableNodeTypes,
      requiredScorers: request.requiredScorers,
    });
    setImmediate(() => void this.checkLater(organizationId, task.id));
    return task;
  }

  async get(organizationId: string, id: string): Promise<CodeValidationTask> {
    const task = await this.tasks.find(organizationId, id);
    if (!task) throw new ResourceNotFoundException('Task', `Task ${id} not found`);
    if (task.status !== 'pending') return task;
    await this.check(organizationId, id);
    return (await this.tasks.find(organizationId, id)) ?? task;
  }

  private async check(organizationId: string, id: string): Promise<void> {
    const task = await this.tasks.findPendingWithCode(organizationId, id);
    if (task) await this.tasks.complete(organizationId, id, outcomeOf(task));
  }

  /** The check after the answer, in a unit of work of its own; a failure leaves the task pending for the next read. */
  private async checkLater(organizationId: string, id: string): Promise<void> {
    try {
      await RequestContext.create(this.orm.em, () => this.check(organizationId, id));
    } catch (error) {
      this.logger.warn({ err: error, taskId: id }, 'Code validation task left pending');
    }
  }
}
