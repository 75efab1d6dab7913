import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseTemplate } from '../src/parse/index';
import { isObject, type Json, type JsonObject } from '../src/model/json';

// The bundle script is plain JavaScript (it runs before any build); its shape, for the compiler.
const { bundleMacro, MACRO_OUTFILE } = require('../scripts/bundle.js') as {
  bundleMacro(options?: { write?: boolean }): Promise<{ ok: boolean; outfile: string; compilerInputs: string[] }>;
  MACRO_OUTFILE: string;
};

const root = path.resolve(__dirname, '..');

const file = path.join(root, 'macro-template.yaml');
const parsed = parseTemplate(fs.readFileSync(file, 'utf8'), file);

function readTemplate(): JsonObject {
  if (!parsed.ok) throw new Error(`macro-template.yaml does not parse: ${JSON.stringify(parsed.diagnostics)}`);
  return parsed.template;
}

function resourcesOfType(template: JsonObject, type: string): [string, JsonObject][] {
  const resources = template['Resources'];
  if (!isObject(resources)) return [];
  return Object.entries(resources).filter(
    (entry): entry is [string, JsonObject] => isObject(entry[1]) && entry[1]['Type'] === type,
  );
}

function props(resource: JsonObject): JsonObject {
  const p = resource['Properties'];
  return isObject(p) ? p : {};
}

describe('macro-template.yaml', () => {
  const template = readTemplate();
  const [macro] = resourcesOfType(template, 'AWS::CloudFormation::Macro');
  const functions = resourcesOfType(template, 'AWS::Lambda::Function');

  it('parses with our parser without a diagnostic', () => {
    expect(parsed.diagnostics).toEqual([]);
  });

  it('declares one macro, named by the MacroName parameter (default SamAuth)', () => {
    expect(resourcesOfType(template, 'AWS::CloudFormation::Macro')).toHaveLength(1);
    expect(props(macro![1])['Name']).toEqual({ Ref: 'MacroName' });
    expect(template['Parameters']).toMatchObject({ MacroName: { Type: 'String', Default: 'SamAuth' } });
  });

  it("wires the macro's FunctionName to the ARN of the function in this template", () => {
    expect(functions).toHaveLength(1);
    const [functionId] = functions[0]!;
    expect(props(macro![1])['FunctionName']).toEqual({ 'Fn::GetAtt': [functionId, 'Arn'] });
  });

  it('runs the function on Node 20 or newer, arm64, with bounded memory and timeout', () => {
    const fn = props(functions[0]![1]);
    const runtimeParam = (template['Parameters'] as JsonObject)['NodeRuntime'] as JsonObject;
    expect(fn['Runtime']).toEqual({ Ref: 'NodeRuntime' });
    const runtimes = [runtimeParam['Default'], ...(runtimeParam['AllowedValues'] as Json[])];
    for (const runtime of runtimes) {
      const major = /^nodejs(\d+)\.x$/.exec(String(runtime));
      expect(major).not.toBeNull();
      expect(Number(major![1])).toBeGreaterThanOrEqual(20);
    }
    expect(fn['Architectures']).toEqual(['arm64']);
    expect(fn['MemorySize']).toBeGreaterThanOrEqual(256);
    expect(fn['MemorySize']).toBeLessThanOrEqual(512);
    expect(fn['Timeout']).toBeGreaterThan(0);
    expect(fn['Timeout']).toBeLessThanOrEqual(60);
  });

  it('logs to a log group of its own, with a retention, that the role may write to', () => {
    const [[logGroupId, logGroup]] = resourcesOfType(template, 'AWS::Logs::LogGroup') as [[string, JsonObject]];
    expect(props(logGroup)['RetentionInDays']).toEqual({ Ref: 'LogRetentionInDays' });
    const fn = props(functions[0]![1]);
    expect(fn['LoggingConfig']).toEqual({ LogGroup: { Ref: logGroupId } });
    const roleId = (fn['Role'] as { 'Fn::GetAtt': string[] })['Fn::GetAtt'][0]!;
    const role = props((template['Resources'] as JsonObject)[roleId] as JsonObject);
    expect(JSON.stringify(role['Policies'])).toContain(JSON.stringify({ 'Fn::GetAtt': [logGroupId, 'Arn'] }));
  });

  it('points Code at the folder npm run bundle writes, and Handler at its index.handler', () => {
    const fn = props(functions[0]![1]);
    const [file, exportName] = String(fn['Handler']).split('.');
    expect(path.resolve(root, String(fn['Code']), `${file}.js`)).toBe(MACRO_OUTFILE);
    expect(exportName).toBe('handler');
  });

  const handlerSource = path.join(root, 'src', 'macro', 'handler.ts');
  (fs.existsSync(handlerSource) ? it : it.skip)(
    'after npm run bundle, the handler file exists and exports the handler, with no schema compiler inside',
    async () => {
      const result = await bundleMacro({ write: true });
      expect(result.ok).toBe(true);
      expect(result.compilerInputs).toEqual([]);
      const fn = props(functions[0]![1]);
      const [file, exportName] = String(fn['Handler']).split('.');
      const bundled = path.resolve(root, String(fn['Code']), `${file}.js`);
      expect(fs.existsSync(bundled)).toBe(true);
      expect(fs.existsSync(`${bundled}.map`)).toBe(true);
      const loaded = require(bundled) as Record<string, unknown>;
      const handler = loaded[exportName!] as (event: unknown) => Promise<unknown>;
      expect(typeof handler).toBe('function');
      // A template without auth comes back unchanged: the bundle runs, not only loads.
      const fragment = { Resources: { Topic: { Type: 'AWS::SNS::Topic' } } };
      const event = { region: 'us-east-1', accountId: '123456789012', fragment, transformId: 'x::SamAuth', params: {}, requestId: 'r-1', templateParameterValues: {} };
      await expect(handler(event)).resolves.toEqual({ requestId: 'r-1', status: 'success', fragment });
    },
  );
});
