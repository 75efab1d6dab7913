/**
 * CloudFormation's short-form tags. SAM's parser (samtranslator/yaml_helper.py, copied from the AWS CLI)
 * registers one constructor for every tag starting with `!`: `!X` becomes `{ "Fn::X": value }`, except
 * `!Ref` and `!Condition`, which keep their name; `!GetAtt "A.B.C"` becomes `["A", "B.C"]`. A tagged
 * scalar is kept as text (`!Ref 123` is the string "123"). We do the same for every tag, and warn when the
 * tag is not one CloudFormation knows.
 */
export const KNOWN_TAGS: ReadonlySet<string> = new Set([
  'Ref',
  'Condition',
  'GetAtt',
  'Sub',
  'Join',
  'Select',
  'Split',
  'If',
  'Equals',
  'And',
  'Or',
  'Not',
  'FindInMap',
  'Base64',
  'Cidr',
  'GetAZs',
  'ImportValue',
  'Transform',
  // AWS::LanguageExtensions
  'Length',
  'ToJsonString',
  // Rules-section functions
  'Contains',
  'EachMemberEquals',
  'EachMemberIn',
  'RefAll',
  'ValueOf',
  'ValueOfAll',
]);

/** The long-form key of a short-form tag name (the tag without its `!`). */
export function intrinsicKey(tagName: string): string {
  return tagName === 'Ref' || tagName === 'Condition' ? tagName : `Fn::${tagName}`;
}

/** `!GetAtt A.B.C` → ["A", "B.C"]: the logical id, then the attribute (which may itself hold dots). */
export function splitGetAtt(text: string): string[] {
  const dot = text.indexOf('.');
  return dot < 0 ? [text] : [text.slice(0, dot), text.slice(dot + 1)];
}

/** How the parser reads a tag, from its source spelling. */
export type TagKind =
  | { kind: 'intrinsic'; name: string }
  | { kind: 'standard'; name: string }
  | { kind: 'non-specific' }
  | { kind: 'unsupported'; spelling: string };

const STANDARD_PREFIX = 'tag:yaml.org,2002:';

export function classifyTag(spelling: string): TagKind {
  if (spelling === '!') return { kind: 'non-specific' };
  if (spelling.startsWith('!<') && spelling.endsWith('>')) {
    const uri = spelling.slice(2, -1);
    if (uri.startsWith(STANDARD_PREFIX)) return { kind: 'standard', name: uri.slice(STANDARD_PREFIX.length) };
    if (uri.startsWith('!') && uri.length > 1) return { kind: 'intrinsic', name: uri.slice(1) };
    return { kind: 'unsupported', spelling };
  }
  if (spelling.startsWith('!!')) return { kind: 'standard', name: spelling.slice(2) };
  // `!name!suffix` uses a named handle from a %TAG directive: nothing CloudFormation reads.
  if (spelling.indexOf('!', 1) >= 0) return { kind: 'unsupported', spelling };
  return { kind: 'intrinsic', name: spelling.slice(1) };
}
