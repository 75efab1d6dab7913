import * as generated from '../generated/schema-validators';
import { fromPointer, isObject } from '../../model/json';

/** One error of a schema validator. Plain data. */
export interface SchemaError {
  keyword: string;
  /** JSON pointer into the validated value. */
  instancePath: string;
  /** Pointer into schema/sam-auth.schema.json of the failing keyword, e.g. `#/definitions/arn/anyOf`. */
  schemaPath: string;
  params: Record<string, unknown>;
  /**
   * The schema object that holds the failing keyword, as far as messages read it: its `x-*` annotations
   * (`x-expect`, `x-name`, …), `required`, and the names under `properties` (scripts/build-schema.js,
   * KEPT_FOR_MESSAGES, says what is kept). Undefined when the schema says nothing there.
   */
  parentSchema?: unknown;
  /** The value that failed: at `instancePath`, or the property name a `propertyNames` subschema rejected. */
  data?: unknown;
}

export interface SchemaValidator {
  (data: unknown): boolean;
  errors?: SchemaError[] | null;
}

/** A validator as scripts/build-schema.js generates it: lean errors, without parentSchema and data. */
interface GeneratedValidator {
  (data: unknown): boolean;
  errors?: (SchemaError & { propertyName?: string })[] | null;
}

/** The schema object at a pointer such as `#/definitions/apiAuth/properties/Authorizers`, reduced for messages. */
function annotationsAt(pointer: string): unknown {
  let node: unknown = generated.annotations;
  for (const segment of pointer.split('/').slice(1)) {
    if (!isObject(node) && !Array.isArray(node)) return undefined;
    const key = decodeURIComponent(segment).replace(/~1/g, '/').replace(/~0/g, '~');
    if (!Object.hasOwn(node, key)) return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return node;
}

function valueAt(data: unknown, pointer: string): unknown {
  let node = data;
  for (const key of fromPointer(pointer)) {
    if (isObject(node) || Array.isArray(node)) node = (node as Record<string, unknown>)[key];
    else return undefined;
  }
  return node;
}

/**
 * Runs a generated validator and completes its errors with what messages are worded from: the schema object
 * of each failing keyword (from the error's schemaPath) and the failing value (from its instancePath). The
 * generated code carries neither, which keeps it small in the Lambda bundle.
 */
function withContext(validate: GeneratedValidator): SchemaValidator {
  const validator: SchemaValidator = (data: unknown): boolean => {
    const valid = validate(data);
    validator.errors = valid
      ? null
      : (validate.errors ?? []).map(({ propertyName, ...error }) => ({
          ...error,
          parentSchema: annotationsAt(error.schemaPath.slice(0, error.schemaPath.lastIndexOf('/'))),
          data: propertyName !== undefined ? propertyName : valueAt(data, error.instancePath),
        }));
    return valid;
  };
  return validator;
}

/**
 * The validators scripts/build-schema.js compiled from schema/sam-auth.schema.json, by definition name.
 * Generated code is a trust boundary: it is typed here once.
 */
export const VALIDATORS = {
  apiAuth: withContext(generated.apiAuth as unknown as GeneratedValidator),
  eventAuth: withContext(generated.eventAuth as unknown as GeneratedValidator),
  authorizer: withContext(generated.authorizer as unknown as GeneratedValidator),
  apiAuthorizer: withContext(generated.apiAuthorizer as unknown as GeneratedValidator),
  apiAuthorizerGlobals: withContext(generated.apiAuthorizerGlobals as unknown as GeneratedValidator),
} as const;

export type ValidatorName = keyof typeof VALIDATORS;
