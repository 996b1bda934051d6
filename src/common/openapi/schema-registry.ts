import type { Type } from '@nestjs/common';

/** DTO classes declared with a schema style: all of them are components of the OpenAPI document. */
export const SCHEMA_CLASSES = new Set<Type<unknown>>();

/** Enumerations that appear as their own component schema (`$ref`), as pydantic emits them. */
export const ENUM_SCHEMAS = new Map<string, { type: 'string' | 'integer'; enum: readonly (string | number)[]; title: string }>();
