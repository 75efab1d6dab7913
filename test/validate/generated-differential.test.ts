import Ajv from 'ajv';
import * as fc from 'fast-check';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as generated from '../../src/validate/generated/schema-validators';
import { uri } from '../../src/validate/schema/formats';

/**
 * scripts/build-schema.js rewrites ajv's standalone code to keep the Lambda bundle small (absolute schema paths,
 * helper calls for errors and for properties checked by another definition). This checks the rewritten
 * validators against ajv compiling the same schema afresh: on random Auth-like values, the same verdict and
 * the same errors (instance path, keyword, params, in order). Schema paths differ by design (ours are absolute).
 */
const schema = JSON.parse(fs.readFileSync(path.join(__dirname, '../../schema/sam-auth.schema.json'), 'utf8')) as {
  $id: string;
  definitions: Record<string, unknown>;
};

const ajv = new Ajv({ allErrors: true, strict: false, inlineRefs: false });
ajv.addFormat('uri', uri);
ajv.addSchema(schema);

type Validator = ((data: unknown) => boolean) & { errors?: { instancePath: string; keyword: string; params: unknown }[] | null };
/** The validators the schema check runs, each named as its definition. */
const EXPORTS = ['apiAuth', 'eventAuth', 'authorizer', 'apiAuthorizer'];

/** Every property name the schema mentions: the keys the generator draws from. */
function propertyNames(node: unknown, out = new Set<string>()): Set<string> {
  if (Array.isArray(node)) node.forEach((n) => propertyNames(n, out));
  else if (node !== null && typeof node === 'object') {
    for (const [key, value] of Object.entries(node)) {
      if (key === 'properties' && value && typeof value === 'object') Object.keys(value).forEach((k) => out.add(k));
      propertyNames(value, out);
    }
  }
  return out;
}

const KEYS = [...propertyNames(schema), 'Bogus', 'Ref', 'Fn::GetAtt', 'Fn::Sub', 'Fn::If', 'Properties'];
const STRINGS = ['', 'x', 'TOKEN', 'REQUEST', 'COGNITO_USER_POOLS', 'LAMBDA_TOKEN', 'LAMBDA_REQUEST', 'AWS_IAM', 'NONE',
  'CALLER_CREDENTIALS', 'PER_API', 'SHARED', 'Authorization', 'method.request.header.Auth', 'https://example.com/a',
  'arn:aws:lambda:us-east-1:1:function:f', 'not a uri', 'MyAuth'];

const value: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  leaf: fc.oneof(
    fc.constantFrom(...STRINGS),
    fc.constantFrom(-1, 0, 1, 60, 3600, 3601, 1.5),
    fc.boolean(),
    fc.constant(null),
  ),
  node: fc.oneof({ depthSize: 'small', withCrossShrink: true }, tie('leaf'), tie('list'), tie('map'), tie('map')),
  list: fc.array(tie('node'), { maxLength: 3 }),
  map: fc.dictionary(fc.constantFrom(...KEYS), tie('node'), { maxKeys: 5 }),
})).node;

describe('generated validators agree with a fresh ajv compile', () => {
  it.each(EXPORTS)('%s', (name) => {
    const ours = (generated as unknown as Record<string, Validator>)[name]!;
    const fresh = ajv.getSchema(`${schema.$id}#/definitions/${name}`) as Validator;
    let valid = 0;
    const shape = (v: Validator) => (v.errors ?? []).map((e) => [e.instancePath, e.keyword, JSON.stringify(e.params)]);
    fc.assert(
      fc.property(value, (data) => {
        const verdict = ours(data);
        expect(verdict).toBe(fresh(data));
        if (verdict) valid++;
        if (!verdict) expect(shape(ours)).toEqual(shape(fresh));
      }),
      { numRuns: 2000 },
    );
    // Both verdicts must be exercised, or the comparison says little.
    expect(valid).toBeGreaterThan(0);
  });
});
