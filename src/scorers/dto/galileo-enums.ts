import { GALILEO_OUTPUT_TYPES, INPUT_TYPES, MODEL_TYPES, SCORER_TYPES } from '../scorer-kinds';

/** Galileo enumerations, each its own schema component as FastAPI emits them. */
export const SCORER_TYPES_ENUM = { values: SCORER_TYPES, enumName: 'ScorerTypes' } as const;
export const MODEL_TYPE_ENUM = { values: MODEL_TYPES, enumName: 'ModelType' } as const;
export const OUTPUT_TYPE_ENUM = { values: GALILEO_OUTPUT_TYPES, enumName: 'OutputTypeEnum' } as const;
export const INPUT_TYPE_ENUM = { values: INPUT_TYPES, enumName: 'InputTypeEnum' } as const;
