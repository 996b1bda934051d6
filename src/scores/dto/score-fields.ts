import { ValidateBoolean, ValidateNumber, ValidateString } from '../../common/validation/validation';

/** The value fields, declared alike on every request and response that carries them (seeds 001/002). */
const DOUBLE = { format: 'double' };

export const NumericalValueField = () =>
  ValidateNumber({
    optional: true,
    nullable: true,
    description: 'Numeric score value. Use for numerical and percentage evaluators.',
    schema: DOUBLE,
  });

export const StringValueField = () =>
  ValidateString({ optional: true, nullable: true, description: 'Text score value. Use for text and legacy comment evaluators.' });

export const BooleanValueField = () =>
  ValidateBoolean({ optional: true, nullable: true, description: 'Boolean score value. Use for boolean evaluators.' });

export const CategoricalValueField = () =>
  ValidateString({
    each: true,
    optional: true,
    nullable: true,
    description: 'Categorical score values. Use for single_select, multi_select, and legacy categorical evaluators.',
  });

export const JsonValueField = () =>
  ValidateString({ optional: true, nullable: true, description: 'JSON score value encoded as a string. Use for json evaluators.' });

/** Identifiers that lead an index: bounded so an index entry always fits a PostgreSQL page. */
export const IDENTIFIER_MAX_LENGTH = 255;
export const SLUG_MAX_LENGTH = 100;

export const DOUBLE_FORMAT = DOUBLE;
