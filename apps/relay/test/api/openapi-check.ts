/**
 * Reading the served OpenAPI document as a client's tooling would: its JSON schemas compiled with
 * a JSON Schema 2020-12 validator (ajv), and values drawn from them (fast-check), to hold the
 * relay's answers and the relay's checks to what the document says.
 */
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import fc from 'fast-check';
import { expect } from 'vitest';
import type { ApiReply } from './api-client.js';

export type Schema = Record<string, unknown>;
export interface OpenApiDoc {
  readonly openapi: string;
  readonly paths: Record<string, Record<string, Schema>>;
  readonly components: { readonly schemas: Record<string, Schema> } & Schema;
}

/** Compiles schemas of one document; `$ref`s to its components resolve. */
export class DocumentSchemas {
  private readonly ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: false });
  private readonly compiled = new Map<Schema, ValidateFunction>();

  constructor(readonly doc: OpenApiDoc) {}

  validator(schema: Schema): ValidateFunction {
    let validate = this.compiled.get(schema);
    if (!validate) {
      validate = this.ajv.compile({ ...schema, components: this.doc.components });
      this.compiled.set(schema, validate);
    }
    return validate;
  }

  operation(method: string, path: string): Schema {
    const op = this.doc.paths[path]?.[method.toLowerCase()];
    if (!op) throw new Error(`the document has no ${method} ${path}`);
    return op;
  }

  requestBodySchema(method: string, path: string): Schema {
    const body = this.operation(method, path).requestBody as { content: { 'application/json': { schema: Schema } } } | undefined;
    if (!body) throw new Error(`${method} ${path} has no body`);
    return body.content['application/json'].schema;
  }

  /** The reply's status is documented for the operation, and its body matches that response's schema. */
  expectDocumented(method: string, path: string, reply: ApiReply): void {
    const context = `${method} ${path} → ${reply.status}: ${reply.text.slice(0, 300)}`;
    const response = (this.operation(method, path).responses as Record<string, { content?: { 'application/json'?: { schema: Schema } } }>)[
      String(reply.status)
    ];
    expect(response, `${context} is not documented`).toBeDefined();
    const schema = response?.content?.['application/json']?.schema;
    expect(schema, context).toBeDefined();
    const validate = this.validator(schema as Schema);
    expect(validate(reply.json()), `${context}: ${JSON.stringify(validate.errors)}`).toBe(true);
  }

  /**
   * Whether a query is valid for an operation per its documented parameters: only documented
   * names, each once; integers as digits; `style: form, explode: false` lists split on commas; and
   * a cursor only when the relay gave it (never in these tests).
   */
  queryIsValid(method: string, path: string, query: Record<string, string>): boolean {
    const op = this.operation(method, path);
    const parameters = new Map(
      ((op.parameters as Schema[] | undefined) ?? []).filter((p) => p.in === 'query').map((p) => [String(p.name), p]),
    );
    return Object.entries(query).every(([name, raw]) => {
      const parameter = parameters.get(name);
      if (!parameter || name === 'cursor') return false;
      const schema = parameter.schema as Schema;
      const value = schema.type === 'integer' ? (/^[0-9]+$/.test(raw) ? Number(raw) : raw) : schema.type === 'array' ? raw.split(',') : raw;
      return this.validator(schema)(value);
    });
  }

  resolve(schema: Schema): Schema {
    const ref = schema.$ref;
    if (typeof ref !== 'string') return schema;
    const name = ref.split('/').at(-1) ?? '';
    const target = this.doc.components.schemas[name];
    if (!target) throw new Error(`unresolved ${ref}`);
    return this.resolve(target);
  }

  /** Values of a schema's shape (ignoring `if`/`then` rules: the validator sorts them out). */
  arbitrary(schema: Schema): fc.Arbitrary<unknown> {
    const s = this.resolve(schema);
    if (Array.isArray(s.anyOf)) return fc.oneof(...(s.anyOf as Schema[]).map((option) => this.arbitrary(option)));
    if (Array.isArray(s.enum)) return fc.constantFrom(...(s.enum as unknown[]));
    if ('const' in s) return fc.constant(s.const);
    switch (s.type) {
      case 'null':
        return fc.constant(null);
      case 'boolean':
        return fc.boolean();
      case 'integer':
        return fc.integer({ min: Number(s.minimum ?? -1000), max: Math.min(Number(s.maximum ?? 1000), 2 ** 31) });
      case 'string':
        if (s.format === 'uuid') return fc.uuid();
        return fc.string({
          unit: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-/.'),
          minLength: Number(s.minLength ?? 0),
          maxLength: Math.min(Number(s.maxLength ?? 40), 40),
        });
      case 'array':
        return fc.array(this.arbitrary((s.items as Schema | undefined) ?? {}), {
          minLength: Number(s.minItems ?? 0),
          maxLength: Math.min(Number(s.maxItems ?? 3), 3),
        });
      case 'object': {
        const properties = (s.properties as Record<string, Schema> | undefined) ?? {};
        const record = Object.fromEntries(Object.entries(properties).map(([key, value]) => [key, this.arbitrary(value)]));
        return fc.record(record, { requiredKeys: (s.required as string[] | undefined) ?? [] });
      }
      default:
        return fc.jsonValue({ maxDepth: 1 });
    }
  }
}
