import 'reflect-metadata';
import { assertDeclaresValidation } from '../../../src/common/pipes/request-validation.pipe';
import { requestDtos } from '../../support/request-dtos';

describe('request DTOs', () => {
  const dtos = requestDtos();

  it('are found in the controllers', () => {
    expect(dtos.length).toBeGreaterThan(30);
  });

  it('all declare class-validator checks, so that the pipe never lets a property through unvalidated', () => {
    for (const [route, type] of dtos)
      expect({ route, type: type.name, error: capture(() => assertDeclaresValidation(type as never)) }).toEqual({
        route,
        type: type.name,
        error: undefined,
      });
  });
});

function capture(run: () => void): string | undefined {
  try {
    run();
    return undefined;
  } catch (error) {
    return (error as Error).message;
  }
}
