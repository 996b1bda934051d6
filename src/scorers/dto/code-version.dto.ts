import { GalileoParameters, GalileoSchema } from '../../common/openapi/schema-styles';
import { ValidateInt, ValidateString } from '../../common/validation/validation';

/** The multipart form of `POST /v2/scorers/{scorer_id}/version/code` (documented; read field by field). */
@GalileoSchema('Body_create_code_scorer_version_v2_scorers__scorer_id__version_code_post')
export class CodeVersionForm {
  @ValidateString({
    schema: { contentMediaType: 'application/octet-stream' },
    description: 'UTF-8 Python source defining `scorer_fn` (at most 1 MiB).',
  })
  file: string;

  @ValidateString({ description: 'Pre-validated result as JSON string from the validate endpoint' })
  validation_result: string;
}

/** The text fields of that form. */
export class CodeVersionFields {
  @ValidateString({ maxLength: 1024 * 1024 })
  validation_result: string;
}

@GalileoParameters()
export class CodeVersionQuery {
  @ValidateInt({ optional: true, nullable: true, description: 'version number, defaults to latest version' })
  version?: number | null;
}
