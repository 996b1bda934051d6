import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { readVendor } from '../contract/openapi-helpers';

const UUID4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;

/** Validates response bodies against the response schemas of a vendored OpenAPI document. */
export class ResponseSchemas {
  private readonly ajv = new Ajv2020({ strict: false, allErrors: true });
  private readonly document: Record<string, any>;

  constructor(documentJson: string) {
    addFormats(this.ajv);
    this.ajv.addFormat('uuid4', UUID4);
    this.document = JSON.parse(documentJson);
    this.ajv.addSchema({ $id: 'doc', components: this.document.components }, 'doc');
  }

  /** The errors of `body` against the schema of (path, method, status); [] when it conforms. */
  errors(path: string, method: string, status: number, body: unknown): string[] {
    const operation = this.document.paths[path]?.[method];
    if (!operation) throw new Error(`${method.toUpperCase()} ${path} is not in the document`);
    const schema = operation.responses[String(status)]?.content?.['application/json']?.schema;
    if (!schema) throw new Error(`${method.toUpperCase()} ${path} documents no JSON body for ${status}`);
    const rebased = JSON.parse(JSON.stringify(schema).replaceAll('"#/components/', '"doc#/components/'));
    const validate = this.ajv.compile(rebased);
    return validate(body) ? [] : (validate.errors ?? []).map((error) => `${error.instancePath || '/'} ${error.message}`);
  }
}

export const galileoSchemas = new ResponseSchemas(readVendor('galileo-openapi.json'));
