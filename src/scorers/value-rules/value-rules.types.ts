export interface ScoreChoice {
  name: string;
  value?: number | string | boolean | null;
}

/** How many choices a select evaluator may offer, and values an `in`/`not_in` condition may list. */
export const MAX_CHOICES = 1000;

/** How an evaluator's values are bounded: numeric range, or the choices of a select. */
export interface ScoreConfig {
  min_score?: number | null;
  max_score?: number | null;
  choices?: ScoreChoice[] | null;
}

export const CONDITION_OPERATORS = ['eq', 'neq', 'gt', 'gte', 'lt', 'lte', 'in', 'not_in'] as const;
export type ConditionOperator = (typeof CONDITION_OPERATORS)[number];

export type ConditionValue = number | string | boolean;

export interface PassingCondition {
  operator: ConditionOperator;
  value: ConditionValue | ConditionValue[];
}

/** `{"primary_score": {"operator": "gte", "value": 3}}` */
export interface PassingConditions {
  primary_score: PassingCondition;
}
