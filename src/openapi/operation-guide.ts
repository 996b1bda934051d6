/**
 * How the Swagger UI (`/docs`) presents each operation: the resource it is listed under, and one
 * sentence saying what it does here. `/openapi.json` keeps the vendors' tags and texts; this table only
 * shapes the copy that `/docs` shows. A new operation needs a line here (a unit test fails without one).
 */
export const DOCS_TAGS = [
  { name: 'Scorers', description: 'Galileo scorers (one row with the Respan evaluator of the same id).' },
  { name: 'Versions', description: "A scorer's versions: LLM-judge or preset configurations, numbered from 1." },
  { name: 'Health scores', description: 'How well a scorer version agrees with a labelled dataset.' },
  { name: 'Projects', description: 'Projects that group scorers and scores.' },
  { name: 'Evaluators', description: 'Respan evaluators: the same scorers, in the Respan dialect.' },
  { name: 'Scores', description: 'Scores that evaluators give to logged LLM calls.' },
  { name: 'Auth', description: 'Signing in: a JWT for an e-mail and password, or for an API key.' },
  { name: 'API keys', description: "A user's API keys." },
  { name: 'Health', description: 'Liveness of the service.' },
] as const;

export type DocsTag = (typeof DOCS_TAGS)[number]['name'];

export interface OperationGuide {
  tag: DocsTag;
  description: string;
}

export const OPERATION_GUIDE: Record<string, OperationGuide> = {
  healthcheck_healthcheck_get: {
    tag: 'Health',
    description: 'Answers 200 with the API version while the service runs (no credentials needed).',
  },

  login_email_login_post: { tag: 'Auth', description: 'Exchanges an e-mail address and password (OAuth2 password form) for a JWT.' },
  login_api_key_login_api_key_post: { tag: 'Auth', description: 'Exchanges an API key for a JWT.' },

  create_api_key_v2_users_api_keys_post: {
    tag: 'API keys',
    description: 'Creates an API key for the signed-in user and returns it this once (only its hash is stored).',
  },
  get_api_keys_v2_users__user_id__api_keys_get: {
    tag: 'API keys',
    description: "Lists a user's usable API keys, newest first, showing only their truncated form.",
  },
  delete_api_key_v2_users_api_keys__api_key_id__delete: { tag: 'API keys', description: 'Revokes an API key: it stops working at once.' },

  create_v2_scorers_post: { tag: 'Scorers', description: 'Creates a scorer (it is also a Respan evaluator with the same id).' },
  list_scorers_with_filters_v2_scorers_list_post: {
    tag: 'Scorers',
    description: "Lists the organization's scorers matching the filters, sorted and paged.",
  },
  list_tags_v2_scorers_tags_get: { tag: 'Scorers', description: 'Lists every tag used by a scorer of the organization.' },
  get_scorer_v2_scorers__scorer_id__get: { tag: 'Scorers', description: 'Returns one scorer with its latest version.' },
  update_v2_scorers__scorer_id__patch: {
    tag: 'Scorers',
    description: 'Changes the given fields of a scorer and leaves the others as they are.',
  },
  delete_scorer_v2_scorers__scorer_id__delete: {
    tag: 'Scorers',
    description: 'Deletes a scorer (softly: it leaves every listing and its slug is free again).',
  },

  create_llm_scorer_version_v2_scorers__scorer_id__version_llm_post: {
    tag: 'Versions',
    description: 'Adds a new LLM-judge version to a scorer and makes it the latest.',
  },
  create_preset_scorer_version_v2_scorers__scorer_id__version_preset_post: {
    tag: 'Versions',
    description: 'Adds a new preset version to a scorer and makes it the latest.',
  },
  get_scorer_version_or_latest_v2_scorers__scorer_id__version_get: {
    tag: 'Versions',
    description: "Returns the version with the given number, or the scorer's latest version.",
  },
  list_all_versions_for_scorer_v2_scorers__scorer_id__versions_get: { tag: 'Versions', description: "Lists a scorer's versions, paged." },
  restore_scorer_version_v2_scorers__scorer_id__versions__version_number__restore_post: {
    tag: 'Versions',
    description: 'Copies an earlier version into a new latest version.',
  },

  get_scorer_health_scores_v2_scorers__scorer_id__health_scores_get: {
    tag: 'Health scores',
    description: "Lists the health scores of a scorer's versions, per dataset and type.",
  },
  write_scorer_version_health_score_v2_scorers__scorer_id__versions__version_number__health_scores_post: {
    tag: 'Health scores',
    description: 'Writes the health score of a version for one dataset and type, replacing the one stored.',
  },

  current_user_v2_current_user_get: { tag: 'Auth', description: 'Returns the signed-in user (the Python SDK calls it at start-up).' },

  create_code_scorer_version_v2_scorers__scorer_id__version_code_post: {
    tag: 'Versions',
    description: 'Adds a code version to a scorer, storing the uploaded Python source (it is never executed).',
  },
  get_scorer_version_code_v2_scorers__scorer_id__version_code_get: {
    tag: 'Versions',
    description: 'Returns the stored Python source of a code version, or of the latest one.',
  },
  validate_code_scorer_v2_scorers_code_validate_post: {
    tag: 'Versions',
    description: 'Starts a static check of a code scorer file (UTF-8 Python defining scorer_fn); nothing is run.',
  },
  get_validate_code_scorer_task_result_v2_scorers_code_validate__task_id__get: {
    tag: 'Versions',
    description: 'Returns the state and result of a static code check.',
  },

  get_projects_projects_get: { tag: 'Projects', description: "Lists the organization's projects with the given name and type." },
  create_project_projects_post: { tag: 'Projects', description: 'Creates a project (names are unique per organization and type).' },
  get_project_v2_projects__project_id__get: { tag: 'Projects', description: 'Returns one project.' },
  list_log_streams_v2_projects__project_id__log_streams_get: { tag: 'Projects', description: "Lists a project's log streams." },
  create_log_stream_v2_projects__project_id__log_streams_post: {
    tag: 'Projects',
    description: 'Creates a log stream in a project (names are unique per project).',
  },
  list_log_streams_paginated_v2_projects__project_id__log_streams_paginated_get: {
    tag: 'Projects',
    description: "Lists a project's log streams, paged.",
  },
  get_settings_projects__project_id__runs__run_id__scorer_settings_get: {
    tag: 'Projects',
    description: 'Returns the scorers (and pinned versions) enabled on a log stream or experiment run.',
  },
  upsert_scorers_config_projects__project_id__runs__run_id__scorer_settings_post: {
    tag: 'Projects',
    description: 'Replaces the set of scorers enabled on a log stream or experiment run.',
  },
  upsert_scorers_config_projects__project_id__runs__run_id__scorer_settings_patch: {
    tag: 'Projects',
    description: 'Adds scorers to, or updates them in, the set enabled on a log stream or experiment run.',
  },

  create_evaluator: { tag: 'Evaluators', description: 'Creates an evaluator (it is also a Galileo scorer with the same id).' },
  list_evaluators: { tag: 'Evaluators', description: "Lists the organization's evaluators, paged." },
  retrieve_evaluator: { tag: 'Evaluators', description: 'Returns one evaluator.' },
  update_evaluator: { tag: 'Evaluators', description: 'Changes the given fields of an evaluator and leaves the others as they are.' },
  delete_evaluator: { tag: 'Evaluators', description: 'Deletes an evaluator (softly: its scores keep naming it).' },

  create_score: {
    tag: 'Scores',
    description: 'Records the score an evaluator gave to a logged LLM call, typed and checked at write time.',
  },
  create_scores_batch: {
    tag: 'Scores',
    description: 'Creates up to 1,000 scores in one request, each as a single create would, with one result per item.',
  },
  list_scores: { tag: 'Scores', description: "Lists the organization's scores matching the query's filters, paged." },
  filter_scores: { tag: 'Scores', description: "Lists the organization's scores matching the body's filters, paged." },
  export_scores: {
    tag: 'Scores',
    description: "Streams every one of the organization's scores matching the query's filters, oldest first, as an NDJSON or CSV file.",
  },
  retrieve_score: { tag: 'Scores', description: 'Returns one score, with its ETag for a conditional update.' },
  replace_score: { tag: 'Scores', description: 'Replaces a score as a whole and keeps the previous revision in its history.' },
  update_score: { tag: 'Scores', description: 'Changes the given fields of a score and keeps the previous revision in its history.' },
  delete_score: { tag: 'Scores', description: 'Deletes a score.' },
  score_history: { tag: 'Scores', description: 'Lists every revision of a score, oldest first.' },
  summarize_scores: {
    tag: 'Scores',
    description: 'Pass rates with Wilson intervals and value statistics per evaluator and group, over the scores the query filters select.',
  },
  summarize_filtered_scores: {
    tag: 'Scores',
    description: 'Pass rates with Wilson intervals and value statistics per evaluator and group, over the scores the body filters select.',
  },
  upsert_log_score: { tag: 'Scores', description: "Creates or replaces the caller's score of this log for an evaluator." },
  list_log_scores: { tag: 'Scores', description: 'Lists the scores of one logged LLM call.' },
  retrieve_log_score: { tag: 'Scores', description: 'Returns one score of a logged LLM call.' },
  replace_log_score: { tag: 'Scores', description: 'Replaces a score of a logged LLM call as a whole.' },
  update_log_score: { tag: 'Scores', description: 'Changes the given fields of a score of a logged LLM call.' },
  delete_log_score: { tag: 'Scores', description: 'Deletes a score of a logged LLM call.' },
};
