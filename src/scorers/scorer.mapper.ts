import type { ScorerVersionHealthScoreEntry } from './dto/health-score.dto';
import type { ScorerResponse } from './dto/scorer.dto';
import type { BaseScorerVersionDB, BaseScorerVersionResponse, ChainPollTemplate } from './dto/scorer-version.dto';
import type { ScorerVersion } from './entities/scorer-version.entity';
import type { ScorerView } from './galileo-scorers.service';
import type { HealthScoreRow } from './health-scores.repository';
import type { ScorerDefaults } from './dto/scorer-defaults.dto';

export function toVersionDb(version: ScorerVersion): BaseScorerVersionDB {
  return {
    id: version.id,
    version: version.version,
    scorer_id: version.scorer.id,
    generated_scorer: null,
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

export function toVersionResponse(version: ScorerVersion): BaseScorerVersionResponse {
  return {
    ...toVersionDb(version),
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
    latest_version: latestVersion ? toVersionDb(latestVersion) : null,
    model_type: scorer.modelType,
    ground_truth: scorer.groundTruth,
    default_version_id: scorer.defaultVersionId,
    default_version: defaultVersion ? toVersionDb(defaultVersion) : null,
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
