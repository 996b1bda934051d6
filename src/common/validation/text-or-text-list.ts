import { applyDecorators } from '@nestjs/common';
import { ValidateBy } from 'class-validator';
import { type FieldOptions, asSent, documented, presence } from './field-parts';
import { isStorableText } from './json-document';

export const IS_TEXT_OR_TEXT_LIST = 'isTextOrTextList';

const isTextOrTextList = (value: unknown) =>
  typeof value === 'string'
    ? isStorableText(value)
    : Array.isArray(value) && value.every((item) => typeof item === 'string' && isStorableText(item));

/** pydantic's `str | list[str]`. */
export function ValidateTextOrTextList(options: FieldOptions = {}): PropertyDecorator {
  return applyDecorators(
    asSent('string'),
    ...presence(options),
    ValidateBy({
      name: IS_TEXT_OR_TEXT_LIST,
      validator: { validate: isTextOrTextList, defaultMessage: () => '$property must be a string or a list of strings' },
    }),
    documented(options, () => ({ anyOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' } }] })),
  );
}
