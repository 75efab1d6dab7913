import * as fs from 'node:fs';
import * as path from 'node:path';
import { main } from '../../src/cli/main';
import { memoryIO } from '../cli/memory-io';
import { processMacroEvent } from '../../src/macro/handler';
import type { JsonObject } from '../../src/model/json';
import { parseTemplate } from '../../src/parse/index';

// The macro and the offline CLI must give the same template: a team that previews with `sam-auth transform`
// deploys exactly that through the macro. The macro sees what CloudFormation sends it: the template as JSON
// (floats like `swagger: 2.0` arrive as 2), without the Transform section.

const root = path.resolve(__dirname, '../..');
const conformance = path.resolve(root, '../shared/conformance/sam');

function templates(): [string, string][] {
  const out: [string, string][] = [];
  for (const name of fs.readdirSync(path.join(root, 'fixtures/transform')).sort()) {
    const file = path.join(root, 'fixtures/transform', name, 'input.yaml');
    if (fs.existsSync(path.join(root, 'fixtures/transform', name, 'output.json'))) out.push([`fixtures/${name}`, file]);
  }
  for (const name of fs.readdirSync(conformance).sort()) {
    const file = path.join(conformance, name, 'input.yaml');
    if (fs.existsSync(path.join(conformance, name, 'expected.json'))) out.push([`sam/${name}`, file]);
  }
  return out;
}

async function cliTransform(file: string): Promise<{ code: number; stdout: string }> {
  const m = memoryIO({ [file]: fs.readFileSync(file) });
  const code = await main(['transform', file, '--parameter-overrides', 'param1=value1', 'param2=value2'], m.io);
  return { code, stdout: m.stdout() };
}

function withoutTransform(template: JsonObject): JsonObject {
  const { Transform: _dropped, ...rest } = template;
  return rest;
}

describe('macro and CLI give the same template', () => {
  it.each(templates())('%s', async (_name, file) => {
    const parsed = parseTemplate(fs.readFileSync(file), file);
    if (!parsed.ok) throw new Error(`${file} does not parse`);
    const fragment = JSON.parse(JSON.stringify(withoutTransform(parsed.template))) as JsonObject;
    const response = processMacroEvent({
      region: 'us-east-1',
      accountId: '123456789012',
      fragment,
      transformId: '123456789012::SamAuth',
      params: {},
      requestId: 'r',
      templateParameterValues: { param1: 'value1', param2: 'value2' },
    });
    const cli = await cliTransform(file);
    if (response.status === 'failure') {
      expect(cli.code).toBe(1);
      return;
    }
    expect(cli.code).toBe(0);
    expect(response.fragment).toEqual(withoutTransform(JSON.parse(cli.stdout) as JsonObject));
  });
});
