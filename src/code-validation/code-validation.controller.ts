import { Controller, Get, Param, Post, Req } from '@nestjs/common';
import { ApiBody, ApiTags, getSchemaPath } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { CurrentPrincipal } from '../auth/decorators/current-principal.decorator';
import { GalileoAuth } from '../auth/decorators/route-family-auth.decorators';
import type { Principal } from '../auth/principal';
import { MultipartRoute, readMultipart } from '../common/http/multipart';
import { GalileoOperation } from '../common/openapi/galileo-operation.decorator';
import { formFile, formList, formText, validatedFields } from './code-form';
import { toTaskResultResponse } from './code-validation.mapper';
import { CodeValidationService } from './code-validation.service';
import {
  RegisteredScorerTaskResultResponse,
  TaskIdParams,
  ValidateCodeScorerFields,
  ValidateCodeScorerForm,
  ValidateCodeScorerResponse,
} from './dto/code-validation.dto';
import { MAX_CODE_BYTES } from './python-source';

@Controller('v2/scorers/code/validate')
@ApiTags('data', 'prompts', 'rows')
@GalileoAuth()
export class CodeValidationController {
  constructor(private readonly validation: CodeValidationService) {}

  @Post()
  @MultipartRoute()
  @ApiBody({ required: true, schema: { $ref: getSchemaPath(ValidateCodeScorerForm) } })
  @GalileoOperation({
    operationId: 'validate_code_scorer_v2_scorers_code_validate_post',
    summary: 'Validate Code Scorer',
    description: 'Starts a static check of a code scorer (the code is never run); poll the task for its result.',
    response: ValidateCodeScorerResponse,
  })
  async validate(@CurrentPrincipal() principal: Principal, @Req() request: FastifyRequest): Promise<ValidateCodeScorerResponse> {
    const form = await readMultipart(request, MAX_CODE_BYTES);
    const file = formFile(form);
    const fields = await validatedFields(ValidateCodeScorerFields, {
      scoreable_node_types: formList(form, 'scoreable_node_types'),
      required_scorers: formList(form, 'required_scorers'),
      test_input: formText(form, 'test_input'),
      test_output: formText(form, 'test_output'),
    });
    const task = await this.validation.submit(principal.organizationId, principal.userId, {
      file,
      scoreableNodeTypes: fields.scoreable_node_types ?? [],
      requiredScorers: fields.required_scorers ?? null,
    });
    return { task_id: task.id };
  }

  @Get(':task_id')
  @GalileoOperation({
    operationId: 'get_validate_code_scorer_task_result_v2_scorers_code_validate__task_id__get',
    summary: 'Get Validate Code Scorer Task Result',
    response: RegisteredScorerTaskResultResponse,
  })
  async result(@CurrentPrincipal() principal: Principal, @Param() params: TaskIdParams): Promise<RegisteredScorerTaskResultResponse> {
    return toTaskResultResponse(await this.validation.get(principal.organizationId, params.task_id));
  }
}
