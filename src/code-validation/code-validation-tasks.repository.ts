import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/sql';
import { CodeValidationTask, type CodeValidationOutcome } from './entities/code-validation-task.entity';

export type NewCodeValidationTask = Pick<
  CodeValidationTask,
  'organizationId' | 'code' | 'problem' | 'scoreableNodeTypes' | 'requiredScorers' | 'createdBy'
>;

@Injectable()
export class CodeValidationTasksRepository {
  constructor(private readonly em: EntityManager) {}

  async insert(fields: NewCodeValidationTask): Promise<CodeValidationTask> {
    const task = this.em.create(CodeValidationTask, fields);
    await this.em.persist(task).flush();
    return task;
  }

  find(organizationId: string, id: string): Promise<CodeValidationTask | null> {
    return this.em.findOne(CodeValidationTask, { organizationId, id }, { refresh: true });
  }

  /** A pending task with its file, as plain data. */
  findPendingWithCode(organizationId: string, id: string): Promise<CodeValidationTask | null> {
    return this.em.findOne(CodeValidationTask, { organizationId, id, status: 'pending' }, { populate: ['code'], refresh: true });
  }

  /** Records the outcome unless another instance already did (the outcome is the same); the file is dropped. */
  async complete(organizationId: string, id: string, outcome: CodeValidationOutcome): Promise<void> {
    await this.em.nativeUpdate(
      CodeValidationTask,
      { organizationId, id, status: 'pending' },
      { status: 'completed', outcome, code: null, updatedAt: new Date() },
    );
  }
}
