import { GalileoParameters, GalileoSchema } from '../../common/openapi/schema-styles';
import { GalileoPageQuery, GalileoPageResponse } from '../../common/paging/galileo-page';
import {
  ValidateBoolean,
  ValidateDateTime,
  ValidateInt,
  ValidateModel,
  ValidateString,
  ValidateUUID,
} from '../../common/validation/validation';
import { UserInfo } from './user-info.dto';

const COUNTS = 'Accepted; counts are not modelled (always null).';

@GalileoSchema('LogStreamCreateRequest')
export class LogStreamCreateRequest {
  @ValidateString({ minLength: 1, maxLength: 255 })
  name: string;
}

@GalileoSchema('LogStreamResponse')
export class LogStreamResponse {
  @ValidateUUID({ version: 4 })
  id: string;

  @ValidateDateTime()
  created_at: string;

  @ValidateDateTime()
  updated_at: string;

  @ValidateString()
  name: string;

  @ValidateUUID({ version: 4 })
  project_id: string;

  @ValidateUUID({ version: 4, optional: true, nullable: true })
  created_by: string | null;

  @ValidateModel(() => UserInfo, { optional: true, nullable: true })
  created_by_user: UserInfo | null;

  @ValidateInt({ optional: true, nullable: true, description: 'Not modelled by Scorekeeper (it stores no traces): always null.' })
  num_spans: number | null;

  @ValidateInt({ optional: true, nullable: true, description: 'Not modelled by Scorekeeper (it stores no traces): always null.' })
  num_traces: number | null;

  @ValidateBoolean({ optional: true, default: false, description: 'Not modelled by Scorekeeper: always false.' })
  has_user_created_sessions: boolean;
}

@GalileoSchema('ListLogStreamResponse')
export class ListLogStreamResponse extends GalileoPageResponse {
  @ValidateModel(() => LogStreamResponse, { each: true })
  log_streams: LogStreamResponse[];
}

@GalileoParameters()
export class ListLogStreamsQuery {
  @ValidateBoolean({ optional: true, default: false, description: COUNTS })
  include_counts?: boolean;
}

@GalileoParameters()
export class ListLogStreamsPageQuery extends GalileoPageQuery {
  @ValidateBoolean({ optional: true, default: false, description: COUNTS })
  include_counts?: boolean;
}
