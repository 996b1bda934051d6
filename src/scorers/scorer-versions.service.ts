import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/sql';
import { RequestValidationException, ResourceNotFoundException } from '../common/errors/api-exceptions';
import type { UploadedFile } from '../common/http/multipart';
import { checkPythonSource } from '../code-validation/python-source';
import type { CreateLLMScorerVersionRequest } from './dto/scorer-version.dto';
import type { Scorer } from './entities/scorer.entity';
import type { ScorerVersion, ScorerVersionKind } from './entities/scorer-version.entity';
import { type NewScorerVersion, ScorerVersionsRepository } from './scorer-versions.repository';
import { ScorersRepository } from './scorers.repository';
import { ScorersService } from './scorers.service';

export const versionNotFound = (scorerId: string, version: number) =>
  new ResourceNotFoundException('Scorer version', `Version ${version} of scorer ${scorerId} not found`);

type VersionRequest = Partial<CreateLLMScorerVersionRequest>;

/** Scorer versions: numbered 1, 2, … per scorer, immutable; restore copies one into a new number. */
@Injectable()
export class ScorerVersionsService {
  constructor(
    private readonly em: EntityManager,
    private readonly scorers: ScorersService,
    private readonly scorersRepository: ScorersRepository,
    private readonly versions: ScorerVersionsRepository,
  ) {}

  /** A new version; settings not given come from the scorer's `defaults`. */
  create(
    organizationId: string,
    scorerId: string,
    kind: Exclude<ScorerVersionKind, 'code'>,
    request: VersionRequest,
    createdBy: string,
  ): Promise<ScorerVersion> {
    return this.em.transactional(async () => {
      const scorer = await this.scorers.get(organizationId, scorerId);
      const defaults = (scorer.defaults ?? {}) as VersionRequest;
      const pick = <K extends keyof VersionRequest>(key: K) => (request[key] !== undefined ? request[key] : (defaults[key] ?? null));
      return this.insertNext(scorer, {
        kind,
        modelName: pick('model_name') ?? null,
        numJudges: pick('num_judges') ?? null,
        cotEnabled: pick('cot_enabled') ?? null,
        outputType: pick('output_type') ?? null,
        inputType: pick('input_type') ?? null,
        scoreableNodeTypes: pick('scoreable_node_types') ?? null,
        instructions: kind === 'llm' ? (request.instructions ?? null) : null,
        userPrompt: kind === 'llm' ? (request.user_prompt ?? null) : null,
        chainPollTemplate: kind === 'llm' ? ((request.chain_poll_template as Record<string, unknown> | null | undefined) ?? null) : null,
        code: null,
        validationResult: null,
        createdBy,
      });
    });
  }

  /** A code version: the file (checked statically, never run) and the validation result it came with. */
  createCode(
    organizationId: string,
    scorerId: string,
    file: UploadedFile,
    validationResult: string,
    createdBy: string,
  ): Promise<ScorerVersion> {
    const check = checkPythonSource(file.content, file.truncated);
    if (!check.valid) {
      throw new RequestValidationException([
        { type: 'value_error', loc: ['body', 'file'], msg: `Value error, ${check.problem}`, input: file.filename },
      ]);
    }
    return this.em.transactional(async () =>
      this.insertNext(await this.scorers.get(organizationId, scorerId), {
        kind: 'code',
        modelName: null,
        numJudges: null,
        cotEnabled: null,
        outputType: null,
        inputType: null,
        scoreableNodeTypes: null,
        instructions: null,
        userPrompt: null,
        chainPollTemplate: null,
        code: check.code,
        validationResult,
        createdBy,
      }),
    );
  }

  /** The source of code version `version` (or of the latest version), as stored. */
  async code(organizationId: string, scorerId: string, version?: number): Promise<string> {
    const found = await this.get(organizationId, scorerId, version);
    const code = await this.versions.codeOf(found);
    if (code === null)
      throw new ResourceNotFoundException('Scorer version', `Version ${found.version} of scorer ${scorerId} is not a code version`);
    return code;
  }

  /** Version `version`, or the latest when absent. */
  async get(organizationId: string, scorerId: string, version?: number): Promise<ScorerVersion> {
    await this.scorers.get(organizationId, scorerId);
    if (version === undefined) {
      const latest = await this.versions.latest(organizationId, scorerId);
      if (!latest) throw new ResourceNotFoundException('Scorer version', `Scorer ${scorerId} has no versions`);
      return latest;
    }
    const found = await this.versions.find(organizationId, scorerId, version);
    if (!found) throw versionNotFound(scorerId, version);
    return found;
  }

  async page(
    organizationId: string,
    scorerId: string,
    offset: number,
    limit: number,
  ): Promise<{ versions: ScorerVersion[]; more: boolean }> {
    await this.scorers.get(organizationId, scorerId);
    return this.versions.page(organizationId, scorerId, offset, limit);
  }

  /** A new version with the settings of version `version`. */
  restore(organizationId: string, scorerId: string, version: number, createdBy: string): Promise<ScorerVersion> {
    return this.em.transactional(async () => {
      const scorer = await this.scorers.get(organizationId, scorerId);
      const source = await this.versions.find(organizationId, scorerId, version);
      if (!source) throw versionNotFound(scorerId, version);
      return this.insertNext(scorer, {
        kind: source.kind,
        modelName: source.modelName,
        numJudges: source.numJudges,
        cotEnabled: source.cotEnabled,
        outputType: source.outputType,
        inputType: source.inputType,
        scoreableNodeTypes: source.scoreableNodeTypes,
        instructions: source.instructions,
        userPrompt: source.userPrompt,
        chainPollTemplate: source.chainPollTemplate,
        code: await this.versions.codeOf(source),
        validationResult: await this.versions.validationResultOf(source),
        createdBy,
      });
    });
  }

  private async insertNext(scorer: Scorer, fields: NewScorerVersion): Promise<ScorerVersion> {
    const number = await this.scorersRepository.nextVersionNumber(scorer.organizationId, scorer.id);
    if (number === null) throw new ResourceNotFoundException('Scorer', `Scorer ${scorer.id} not found`);
    scorer.latestVersionNumber = number;
    return this.versions.insert(scorer, number, fields);
  }
}
