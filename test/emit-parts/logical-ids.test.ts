import { createHash } from 'node:crypto';
import { stageLogicalId } from '../../src/emit/logical-ids';

const sha10 = (text: string) => createHash('sha1').update(text, 'utf8').digest('hex').slice(0, 10);

describe('stageLogicalId (SAM: <Api><StageName>Stage, hashed when the name is not alphanumeric)', () => {
  it.each([
    ['prod', 'MyApiprodStage'],
    ['Prod2', 'MyApiProd2Stage'],
    ['my-stage', `MyApiStage${sha10('my-stage')}`],
    ['v1.0', `MyApiStage${sha10('v1.0')}`],
    ['ünï', `MyApiStage${sha10('ünï')}`],
  ])('%s → %s', (stage, id) => expect(stageLogicalId('MyApi', stage)).toBe(id));

  it('an intrinsic or absent StageName gives the bare prefix', () => {
    expect(stageLogicalId('MyApi', { Ref: 'Stage' })).toBe('MyApiStage');
    expect(stageLogicalId('MyApi', undefined)).toBe('MyApiStage');
  });
});
