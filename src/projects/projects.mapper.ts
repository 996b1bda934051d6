import { toVersionDb } from '../scorers/scorer.mapper';
import type { ProjectCreateResponse, ProjectDB, ProjectType } from './dto/project.dto';
import type { LogStreamResponse } from './dto/log-stream.dto';
import type { RunScorerSettingsResponse, ScorerConfig } from './dto/scorer-settings.dto';
import type { UserInfo } from './dto/user-info.dto';
import type { LogStream } from './entities/log-stream.entity';
import type { Project } from './entities/project.entity';
import type { RunSettings } from './run-scorer-settings.service';

const userInfo = (id: string, emails: Map<string, string>): UserInfo => ({
  id,
  email: emails.get(id) ?? '',
  first_name: null,
  last_name: null,
});

export function toProjectCreateResponse(project: Project): ProjectCreateResponse {
  return {
    name: project.name,
    created_by: project.createdBy,
    type: project.type as ProjectType,
    id: project.id,
    created_at: project.createdAt.toISOString(),
    updated_at: project.updatedAt.toISOString(),
  };
}

export function toProjectDb(project: Project, emails: Map<string, string>): ProjectDB {
  return {
    id: project.id,
    permissions: [],
    name: project.name,
    created_by: project.createdBy,
    type: project.type as ProjectType,
    created_by_user: userInfo(project.createdBy, emails),
    runs: [],
    created_at: project.createdAt.toISOString(),
    updated_at: project.updatedAt.toISOString(),
    bookmark: false,
    description: null,
    labels: [],
  };
}

export function toLogStreamResponse(stream: LogStream, emails: Map<string, string>): LogStreamResponse {
  return {
    id: stream.id,
    created_at: stream.createdAt.toISOString(),
    updated_at: stream.updatedAt.toISOString(),
    name: stream.name,
    project_id: stream.project.id,
    created_by: stream.createdBy,
    created_by_user: userInfo(stream.createdBy, emails),
    num_spans: null,
    num_traces: null,
    has_user_created_sessions: false,
  };
}

export function toRunScorerSettingsResponse(settings: RunSettings): RunScorerSettingsResponse {
  return {
    scorers: settings.entries.map(({ entry, scorer, version }): ScorerConfig => ({
      model_name: entry.modelName,
      num_judges: entry.numJudges,
      filters: null,
      scoreable_node_types: entry.scoreableNodeTypes,
      cot_enabled: entry.cotEnabled,
      output_type: entry.outputType,
      input_type: entry.inputType,
      id: scorer.id,
      name: scorer.name,
      scorer_type: scorer.scorerType,
      model_type: scorer.modelType,
      scorer_version: version ? toVersionDb(version, scorer) : null,
      multimodal_capabilities: null,
      roll_up_method: null,
      score_type: null,
    })),
    segment_filters: null,
    run_id: settings.runId,
  };
}
