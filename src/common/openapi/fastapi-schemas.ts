import { ValidateJson, ValidateModel, ValidateString } from '../validation/validation';
import { GalileoSchema } from './schema-styles';

@GalileoSchema('ValidationError')
export class ValidationErrorSchema {
  @ValidateJson('list', { title: 'Location', schema: { items: { anyOf: [{ type: 'string' }, { type: 'integer' }] } } })
  loc: (string | number)[];

  @ValidateString({ title: 'Message' })
  msg: string;

  @ValidateString({ title: 'Error Type' })
  type: string;
}

@GalileoSchema('HTTPValidationError')
export class HttpValidationErrorSchema {
  @ValidateModel(() => ValidationErrorSchema, { each: true, optional: true, title: 'Detail' })
  detail?: ValidationErrorSchema[];
}
