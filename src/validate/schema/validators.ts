import * as generated from '../generated/schema-validators';

/** One error of a standalone ajv validator (compiled with `verbose: true`). Plain data. */
export interface SchemaError {
  keyword: string;
  /** JSON pointer into the validated value. */
  instancePath: string;
  schemaPath: string;
  params: Record<string, unknown>;
  /** The schema object that holds the failing keyword; carries our `x-expect` / `x-name` annotations. */
  parentSchema?: unknown;
  data?: unknown;
}

export interface SchemaValidator {
  (data: unknown): boolean;
  errors?: SchemaError[] | null;
}

/**
 * The validators scripts/build-schema.js compiled from schema/sam-auth.schema.json, by definition name.
 * Generated code is a trust boundary: it is typed here once.
 */
export const VALIDATORS = {
  apiAuth: generated.apiAuth as unknown as SchemaValidator,
  eventAuth: generated.eventAuth as unknown as SchemaValidator,
  authorizer: generated.authorizer as unknown as SchemaValidator,
  apiAuthorizer: generated.apiAuthorizer as unknown as SchemaValidator,
  apiAuthorizerGlobals: generated.apiAuthorizerGlobals as unknown as SchemaValidator,
} as const;

export type ValidatorName = keyof typeof VALIDATORS;
