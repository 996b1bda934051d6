import Ajv2020, { type ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { readVendor } from '../../../contract/openapi-helpers';

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;

/**
 * The response models of Galileo's Python SDK are generated (openapi-python-client, attrs) from the same
 * document as the vendored ones: `from_dict` pops every required key (KeyError when missing), parses
 * date-times with `isoparse`, enums by value, nested models and lists recursively. The vendored schemas,
 * applied strictly (types, required keys, enums, `format: uuid4` as UUID version 4, date-times), are
 * those rules and the zod ones of the JavaScript SDK's generated client, whichever is stricter.
 */
const components = {
  ...JSON.parse(readVendor('galileo-openapi.json')).components.schemas,
  ...JSON.parse(readVendor('galileo-openapi-sdk-routes.json')).components.schemas,
};

const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats(ajv);
ajv.addFormat('uuid4', UUID_V4);
ajv.addSchema({ $id: 'galileo', components: { schemas: components } });

const compiled = new Map<string, ValidateFunction>();

function validator(key: string, schema: Record<string, unknown>): ValidateFunction {
  let validate = compiled.get(key);
  if (!validate)
    compiled.set(key, (validate = ajv.compile(JSON.parse(JSON.stringify(schema).replaceAll('"#/components/', '"galileo#/components/')))));
  return validate;
}

/** A parsing rule: the problems it finds in a body, none when the SDK accepts it. */
export type Parser = (body: unknown) => string[];

const problemsOf = (validate: ValidateFunction, body: unknown): string[] =>
  validate(body) ? [] : (validate.errors ?? []).map((error) => `${error.instancePath || '/'} ${error.message}`);

/** `Model.from_dict(response.json())` of the Python SDK (`ModelFromJSON` of the JavaScript one). */
export const model =
  (name: string): Parser =>
  (body) => {
    if (!components[name]) throw new Error(`no vendored schema ${name}`);
    return problemsOf(validator(name, { $ref: `#/components/schemas/${name}` }), body);
  };

/** A list of models (`[Model.from_dict(item) for item in response.json()]`). */
export const listOf =
  (name: string): Parser =>
  (body) =>
    problemsOf(validator(`list ${name}`, { type: 'array', items: { $ref: `#/components/schemas/${name}` } }), body);

/** Any JSON value (`response.json()` as it is). */
export const anyJson: Parser = () => [];

/**
 * galileo_core's `User` (pydantic): `id: UUID4`, `email: str`, `role: UserRole = user` — what
 * `GalileoConfig.set_validated_api_client` validates `GET current_user` with at every start-up.
 */
export const galileoCoreUser: Parser = (body) => {
  const user = body as Record<string, unknown>;
  const problems: string[] = [];
  if (typeof user?.id !== 'string' || !UUID_V4.test(user.id))
    problems.push(`/id must be a UUID version 4 (pydantic UUID4), got ${JSON.stringify(user?.id)}`);
  if (typeof user?.email !== 'string') problems.push('/email must be a string');
  if ('role' in (user ?? {}) && !['admin', 'manager', 'user', 'read_only'].includes(user.role as string))
    problems.push('/role is not a UserRole');
  return problems;
};

/** galileo_core reads `access_token` from the login answer (an empty token means "not signed in"). */
export const galileoCoreToken: Parser = (body) =>
  typeof (body as { access_token?: unknown })?.access_token === 'string' && (body as { access_token: string }).access_token !== ''
    ? []
    : ['/access_token must be a non-empty string'];

/** Respan's `Evaluator` (pydantic, respan_sdk): id, name, slug, description (str, default ""), created_at, updated_at (datetime). */
export const respanEvaluator: Parser = (body) => {
  const evaluator = body as Record<string, unknown>;
  const problems: string[] = [];
  for (const key of ['id', 'name', 'slug']) if (typeof evaluator?.[key] !== 'string') problems.push(`/${key} must be a string`);
  if ('description' in (evaluator ?? {}) && typeof evaluator.description !== 'string') problems.push('/description must be a string');
  for (const key of ['created_at', 'updated_at']) {
    if (typeof evaluator?.[key] !== 'string' || Number.isNaN(Date.parse(evaluator[key] as string)))
      problems.push(`/${key} must be a datetime`);
  }
  return problems;
};

/** Respan's `EvaluatorList` (`PaginatedResponseType[Evaluator]`): results, count: int, next / previous: Optional[str]. */
export const respanEvaluatorList: Parser = (body) => {
  const page = body as Record<string, unknown>;
  if (!Array.isArray(page?.results)) return ['/results must be a list'];
  const problems = page.results.flatMap((item, index) => respanEvaluator(item).map((problem) => `/results/${index}${problem}`));
  if (!Number.isInteger(page.count)) problems.push('/count must be an int');
  for (const key of ['next', 'previous'])
    if (page[key] != null && typeof page[key] !== 'string') problems.push(`/${key} must be a string or null`);
  return problems;
};
