import type { ScorerVersionHealthScoreEntry } from './dto/health-score.dto';
import type { ScorerResponse } from './dto/scorer.dto';
import { NODE_TYPES } from '../code-validation/node-types';
import type {
  BaseGeneratedScorerDB,
  BaseScorerVersionDB,
  BaseScorerVersionResponse,
  ChainPollTemplate,
  GeneratedScorerConfiguration,
  GeneratedScorerResponse,
} from './dto/scorer-version.dto';
import type { Scorer } from './entities/scorer.entity';
import type { ScorerVersion } from './entities/scorer-version.entity';
import type { ScorerView } from './galileo-scorers.service';
import type { HealthScoreRow } from './health-scores.repository';
import type { ScorerDefaults } from './dto/scorer-defaults.dto';

/** A template's keys with their defaults; `template` stays empty when the version was created without one. */
function fullTemplate(template: Record<string, unknown> | null): ChainPollTemplate {
  return {
    metric_system_prompt: null,
    metric_description: null,
    value_field_name: 'rating',
    explanation_field_name: 'explanation',
    template: '',
    metric_few_shot_examples: [],
    response_schema: null,
    ...(template ?? {}),
  } as ChainPollTemplate;
}

/** The generated scorer of an LLM version (null for other kinds): what the version was created with. */
function generatedScorerDb(version: ScorerVersion, scorer: Scorer): BaseGeneratedScorerDB | null {
  if (version.kind !== 'llm') return null;
  return {
    id: version.id,
    name: scorer.name,
    instructions: version.instructions,
    chain_poll_template: fullTemplate(version.chainPollTemplate),
    user_prompt: version.userPrompt,
  };
}

const present = <T>(value: T | null): T | undefined => value ?? undefined;

function generatedScorerResponse(version: ScorerVersion, scorer: Scorer): GeneratedScorerResponse | null {
  const generated = generatedScorerDb(version, scorer);
  const createdBy = version.createdBy ?? scorer.createdBy;
  if (!generated || !createdBy) return null;
  const nodeTypes = version.scoreableNodeTypes;
  const configuration: GeneratedScorerConfiguration = {
    model_alias: present(version.modelName),
    num_judges: present(version.numJudges),
    output_type: present(version.outputType),
    scoreable_node_types: present(nodeTypes),
    cot_enabled: present(version.cotEnabled),
    ground_truth: present(scorer.groundTruth),
  };
  return {
    ...generated,
    created_by: createdBy,
    created_at: version.createdAt.toISOString(),
    updated_at: version.updatedAt.toISOString(),
    // NodeType values only: a version may list other node types, which its own `scoreable_node_types` shows.
    scoreable_node_types: nodeTypes?.every((type) => (NODE_TYPES as readonly string[]).includes(type)) ? nodeTypes : null,
    scorer_configuration: Object.fromEntries(Object.entries(configuration).filter(([, value]) => value !== undefined)),
  };
}

/** A version as embedded in a scorer; `scorer` is the version's own (loaded with it). */
export function toVersionDb(version: ScorerVersion, scorer: Scorer = version.scorer.unwrap()): BaseScorerVersionDB {
  return {
    id: version.id,
    version: version.version,
    scorer_id: version.scorer.id,
    generated_scorer: generatedScorerDb(version, scorer),
    registered_scorer: null,
    finetuned_scorer: null,
    model_name: version.modelName,
    num_judges: version.numJudges,
    scoreable_node_types: version.scoreableNodeTypes,
    cot_enabled: version.cotEnabled,
    output_type: version.outputType,
    input_type: version.inputType,
  };
}

export function toVersionResponse(version: ScorerVersion, scorer: Scorer = version.scorer.unwrap()): BaseScorerVersionResponse {
  return {
    ...toVersionDb(version, scorer),
    generated_scorer: generatedScorerResponse(version, scorer),
    created_at: version.createdAt.toISOString(),
    updated_at: version.updatedAt.toISOString(),
    chain_poll_template: version.chainPollTemplate as ChainPollTemplate | null,
    allowed_model: null,
    created_by: version.createdBy,
  };
}

/** A scorer as Galileo answers it: every schema key present, unmodelled ones empty. */
export function toScorerResponse({ scorer, latestVersion, defaultVersion }: ScorerView): ScorerResponse {
  return {
    id: scorer.id,
    permissions: [],
    name: scorer.name,
    scorer_type: scorer.scorerType,
    defaults: scorer.defaults as ScorerDefaults | null,
    latest_version: latestVersion ? toVersionDb(latestVersion, scorer) : null,
    model_type: scorer.modelType,
    ground_truth: scorer.groundTruth,
    default_version_id: scorer.defaultVersionId,
    default_version: defaultVersion ? toVersionDb(defaultVersion, scorer) : null,
    user_prompt: scorer.userPrompt,
    scoreable_node_types: scorer.scoreableNodeTypes,
    output_type: scorer.outputType,
    input_type: scorer.inputType,
    multimodal_capabilities: null,
    required_scorers: scorer.requiredScorers,
    required_metric_ids: null,
    deprecated: scorer.deprecated,
    roll_up_method: null,
    roll_up_config: null,
    label: scorer.label,
    tags: scorer.tags,
    included_fields: [],
    description: scorer.description,
    created_by: scorer.createdBy,
    created_at: scorer.createdAt.toISOString(),
    updated_at: scorer.updatedAt.toISOString(),
    metric_color_picker_config: null,
    color_threshold_config: null,
    metric_name: scorer.slug,
    is_global: false,
    scope_projects: [],
  };
}

export function toHealthScoreEntry(row: HealthScoreRow): ScorerVersionHealthScoreEntry {
  return {
    id: row.id,
    scorer_version_id: row.scorer_version_id,
    scorer_version_number: row.scorer_version_number,
    dataset_id: row.dataset_id,
    health_score_type: row.health_score_type,
    score: row.score,
    secondary: row.secondary,
    computed_at: new Date(row.computed_at).toISOString(),
  };
}
