import type { Diagnostic } from '../../diagnostics/types';
import { fromPointer, isObject, type Json, type JsonObject, type JsonPath } from '../../model/json';
import { refTarget } from '../../normalize/intrinsics';
import { eventsOfType } from '../../normalize/routes';
import { translateSchemaErrors } from './translate';
import { VALIDATORS, type ValidatorName } from './validators';

/**
 * The RFC lets DefaultAuthorizer and an event's Authorizer name an AWS::Serverless::ApiAuthorizer by !Ref.
 * SAM refuses any other intrinsic there, and a schema cannot tell which logical ids are ApiAuthorizers,
 * so the schema refuses every !Ref and this takes back the ones that name an ApiAuthorizer.
 */
function namesSharedAuthorizer(template: JsonObject, pointer: string): boolean {
  if (!/\/(DefaultAuthorizer|Authorizer)$/.test(pointer)) return false;
  let node: Json | undefined = template;
  for (const key of fromPointer(pointer)) node = isObject(node) ? node[key] : undefined;
  const id = refTarget(node);
  const resources = template.Resources;
  const target = id !== undefined && isObject(resources) ? resources[id] : undefined;
  return isObject(target) && target.Type === 'AWS::Serverless::ApiAuthorizer';
}

/**
 * The schema check: runs the standalone validators over every Auth block of the raw template (Globals.Api,
 * each AWS::Serverless::Api, each `Type: Api` event of a function or state machine, each
 * AWS::Serverless::ApiAuthorizer and Globals.ApiAuthorizer) and returns located diagnostics.
 * It reads the template as written, so it works even when normalize could not build a model.
 */
export function checkSchema(template: JsonObject): Diagnostic[] {
  const out: Diagnostic[] = [];
  const run = (name: ValidatorName, value: Json | undefined, path: JsonPath, label: string, resource?: string) => {
    if (value === undefined) return;
    const validator = VALIDATORS[name];
    if (validator(value)) return;
    const found = translateSchemaErrors(validator.errors ?? [], { path, label, resource });
    out.push(...found.filter((d) => !namesSharedAuthorizer(template, d.path)));
  };

  const globals = template.Globals;
  if (isObject(globals)) {
    const api = globals.Api;
    if (isObject(api)) run('apiAuth', api.Auth, ['Globals', 'Api', 'Auth'], 'Globals.Api.Auth');
    run('apiAuthorizerGlobals', globals.ApiAuthorizer, ['Globals', 'ApiAuthorizer'], 'Globals.ApiAuthorizer');
  }

  const resources = template.Resources;
  if (!isObject(resources)) return out;
  // The APIs' own Auth first, then the events that use it: an event's problem often follows from its API's
  // (an event naming an authorizer of an Authorizers block that is not a map), and SAM reports the API's.
  for (const [id, resource] of Object.entries(resources)) {
    if (!isObject(resource)) continue;
    const properties = resource.Properties;
    if (resource.Type === 'AWS::Serverless::Api' && isObject(properties)) {
      run('apiAuth', properties.Auth, ['Resources', id, 'Properties', 'Auth'], 'Auth', id);
    } else if (resource.Type === 'AWS::Serverless::ApiAuthorizer') {
      run('apiAuthorizer', properties, ['Resources', id, 'Properties'], 'Properties', id);
    }
  }
  for (const { owner, name, path, properties } of eventsOfType(resources, 'Api')) {
    if (properties !== undefined) run('eventAuth', properties.Auth, [...path, 'Properties', 'Auth'], `Events.${name}.Auth`, owner);
  }
  return out;
}
