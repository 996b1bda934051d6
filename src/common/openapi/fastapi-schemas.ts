import { ListField, StringField } from '../validation/fields';
import { GalileoSchema } from './schema-styles';

@GalileoSchema('ValidationError')
export class ValidationErrorSchema {
  @ListField({ kind: 'any' }, { title: 'Location', openapi: { items: { anyOf: [{ type: 'string' }, { type: 'integer' }] } } })
  loc: (string | number)[];

  @StringField({ title: 'Message' })
  msg: string;

  @StringField({ title: 'Error Type' })
  type: string;
}

@GalileoSchema('HTTPValidationError')
export class HttpValidationErrorSchema {
  @ListField(() => ValidationErrorSchema, { required: false, title: 'Detail' })
  detail?: ValidationErrorSchema[];
}
