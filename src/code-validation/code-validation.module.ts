import { Module } from '@nestjs/common';
import { CodeValidationTasksRepository } from './code-validation-tasks.repository';
import { CodeValidationController } from './code-validation.controller';
import { CodeValidationService } from './code-validation.service';

/** Static validation of code scorers, as tasks (the code is stored and checked, never run). */
@Module({
  controllers: [CodeValidationController],
  providers: [CodeValidationTasksRepository, CodeValidationService],
})
export class CodeValidationModule {}
