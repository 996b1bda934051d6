import { MikroORM } from '@mikro-orm/core';
import { Score } from '../../../src/scores/entities/score.entity';
import {
  REVISION_FIELDS,
  SCORE_FIELDS,
  type ScoreField,
  type ScoreFieldKind,
  fieldsSetBy,
} from '../../../src/scores/model/score-field-table';
import { type ServiceContext, serviceContext } from '../support/service-context';

/** The SQL type each kind of the field table stands for. */
const COLUMN_TYPES: Record<ScoreFieldKind, string[]> = {
  uuid: ['uuid'],
  text: ['text'],
  integer: ['int', 'integer'],
  double: ['double', 'double precision'],
  boolean: ['boolean'],
  json: ['jsonb', 'json'],
  timestamp: ['timestamptz', 'timestamp with time zone'],
};

/** The score field table and the Score entity (what the migrations create) describe the same columns. */
describe('the score field table', () => {
  let context: ServiceContext;

  beforeAll(async () => {
    context = await serviceContext();
  });
  afterAll(() => context.close());

  it('names every stored property of Score once, with its column and kind', () => {
    const meta = context.get(MikroORM).getMetadata().get(Score);
    const stored = meta.props.filter((prop) => prop.persist !== false).map((prop) => prop.name);
    expect(SCORE_FIELDS.map((field) => field.property).sort()).toEqual([...stored].sort());
    for (const field of SCORE_FIELDS as readonly ScoreField[]) {
      const prop = meta.properties[field.property];
      expect([field.property, prop.fieldNames[0]]).toEqual([field.property, field.column]);
      expect([field.property, COLUMN_TYPES[field.kind]]).toEqual([field.property, expect.arrayContaining([prop.columnTypes[0]])]);
      if (field.fallback === null) expect([field.property, prop.nullable]).toEqual([field.property, true]);
    }
  });

  it('sets narrower schemas inside wider ones: every write sets revision and updated_at; only inserts set the identity', () => {
    const names = (write: Parameters<typeof fieldsSetBy>[0]) => fieldsSetBy(write).map((field) => field.column);
    expect(names('update')).toEqual([
      'numerical_value',
      'string_value',
      'boolean_value',
      'categorical_value',
      'json_value',
      'is_passed',
      'revision',
      'updated_at',
    ]);
    expect(names('replace')).toEqual(expect.arrayContaining(names('update')));
    expect(names('create')).toEqual(expect.arrayContaining([...names('replace'), 'cost', 'status', 'error_message', 'inputs']));
    expect(names('insert')).toEqual(SCORE_FIELDS.map((field) => field.column));
    expect(names('create')).not.toEqual(expect.arrayContaining(['id']));
    expect(REVISION_FIELDS.map((field) => field.column)).not.toEqual(expect.arrayContaining(['id', 'organization_id', 'revision']));
  });
});
