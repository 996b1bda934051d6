import { GalileoParameters, GalileoSchema } from '../../common/openapi/schema-styles';
import { GalileoPageQuery, GalileoPageResponse } from '../../common/paging/galileo-page';
import { BooleanField, DateTimeField, IntField, ListField, NestedField, StringField, Uuid4Field } from '../../common/validation/fields';
import { UserInfo } from './user-info.dto';

@GalileoSchema('LogStreamCreateRequest')
export class LogStreamCreateRequest {
  @StringField({ minLength: 1, maxLength: 255 })
  name: string;
}

@GalileoSchema('LogStreamResponse')
export class LogStreamResponse {
  @Uuid4Field()
  id: string;

  @DateTimeField()
  created_at: string;

  @DateTimeField()
  updated_at: string;

  @StringField()
  name: string;

  @Uuid4Field()
  project_id: string;

  @Uuid4Field({ required: false, nullable: true })
  created_by: string | null;

  @NestedField(() => UserInfo, { required: false, nullable: true })
  created_by_user: UserInfo | null;

  @IntField({ required: false, nullable: true, description: 'Not modelled by Scorekeeper (it stores no traces): always null.' })
  num_spans: number | null;

  @IntField({ required: false, nullable: true, description: 'Not modelled by Scorekeeper (it stores no traces): always null.' })
  num_traces: number | null;

  @BooleanField({ required: false, default: false, description: 'Not modelled by Scorekeeper: always false.' })
  has_user_created_sessions: boolean;
}

@GalileoSchema('ListLogStreamResponse')
export class ListLogStreamResponse extends GalileoPageResponse {
  @ListField(() => LogStreamResponse)
  log_streams: LogStreamResponse[];
}

@GalileoParameters()
export class ListLogStreamsQuery {
  @BooleanField({ required: false, default: false, coerce: true, description: 'Accepted; counts are not modelled (always null).' })
  include_counts?: boolean;
}

@GalileoParameters()
export class ListLogStreamsPageQuery extends GalileoPageQuery {
  @BooleanField({ required: false, default: false, coerce: true, description: 'Accepted; counts are not modelled (always null).' })
  include_counts?: boolean;
}
