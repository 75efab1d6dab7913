import type { CodeDocs } from '../info';
import type { ParseCode } from '../parse';

/** What docs/diagnostics.md and SARIF rule metadata say about each code of ../parse.ts (its severity is there). */
export const PARSE_DOCS = {
  'parse/empty': {
    summary: 'The file holds no template (it is empty, or only comments and whitespace).',
    example: '# nothing here',
    fix: 'Point the command at the template file, or pass the template on stdin with `-`.',
  },
  'parse/encoding': {
    summary: 'The file is not UTF-8 text (binary data, a NUL byte, invalid UTF-8, or UTF-16/32).',
    example: 'Resources:\n  MyApi: \\xff\\xfe',
    fix: 'Save the template as UTF-8. CloudFormation reads templates as UTF-8 only.',
  },
  'parse/too-large': {
    summary: 'The file is larger than 10 MB, more than any template CloudFormation accepts.',
    example: '(a template of 11 MB)',
    fix: 'Check that this is the template and not a build artifact; split large definitions out (DefinitionUri).',
  },
  'parse/syntax': {
    summary: 'The file is not valid YAML or JSON.',
    example: 'Resources:\n  MyApi: [unclosed',
    fix: 'Fix the syntax at the reported line and column.',
  },
  'parse/duplicate-key': {
    summary: 'A mapping has the same key twice; CloudFormation rejects the template, other tools silently keep one.',
    example: 'Resources:\n  MyApi:\n    Type: AWS::Serverless::Api\n    Type: AWS::Serverless::Function',
    fix: 'Remove or rename one of the two entries.',
  },
  'parse/complex-key': {
    summary: 'A mapping key is a list, a mapping or a tagged value; JSON keys are plain strings.',
    example: '? [a, b]\n: value',
    fix: 'Use a plain string as the key.',
  },
  'parse/alias': {
    summary: 'A YAML alias (*name) refers to an anchor that is not defined before it, or to the node that contains it.',
    example: 'Resources:\n  MyApi: *undefined',
    fix: 'Define the anchor (&name) before the alias, and do not refer to a node from inside itself.',
  },
  'parse/alias-limit': {
    summary: 'YAML aliases expand to more nodes than any real template needs (an alias bomb).',
    example: 'a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]',
    fix: 'Write the repeated parts out, or use fewer nested aliases.',
  },
  'parse/too-deep': {
    summary: 'Mappings and lists are nested deeper than any real template needs.',
    example: 'a: [[[[[[[[[[[[[[[[ … ]]]]]]]]]]]]]]]]',
    fix: 'Flatten the structure; check for a runaway generator.',
  },
  'parse/unsupported-value': {
    summary: 'A YAML value that has no JSON form (binary, set, .inf, .nan, a tag with a named handle, …).',
    example: 'Parameters:\n  Limit:\n    Default: .inf',
    fix: 'Quote the value to make it a string, or write a JSON-compatible value.',
  },
  'parse/unknown-tag': {
    summary: 'A short-form tag that is not a CloudFormation intrinsic; it is expanded as SAM does (!Foo → Fn::Foo), and CloudFormation will likely reject it.',
    example: 'Value: !Reff MyBucket',
    fix: 'Check the spelling against the intrinsic functions: !Ref, !GetAtt, !Sub, !Join, !If, …',
  },
  'template/not-a-mapping': {
    summary: 'The template is not a mapping of sections (Resources, Parameters, …).',
    example: '- Resources',
    fix: 'A template is a mapping at the top level: `Resources:` and the other sections as keys.',
  },
  'template/no-resources': {
    summary: "The template has no Resources section, or it is empty; SAM and CloudFormation require it.",
    example: 'AWSTemplateFormatVersion: "2010-09-09"',
    fix: 'Add a Resources section with at least one resource.',
  },
  'template/resources-not-a-mapping': {
    summary: 'The Resources section is not a mapping of logical ids to resources.',
    example: 'Resources:\n  - MyApi',
    fix: 'Write Resources as a mapping: `Resources:` then `MyApi:` indented below it.',
  },
} as const satisfies Record<ParseCode, CodeDocs>;
