import type { Diagnostic } from '../../diagnostics/types';
import { isObject, type Json, type JsonObject, type JsonPath } from '../../model/json';
import { translateSchemaErrors } from './translate';
import { VALIDATORS, type ValidatorName } from './validators';

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
    out.push(...translateSchemaErrors(validator.errors ?? [], { path, label, resource }));
  };

  const globals = template.Globals;
  if (isObject(globals)) {
    const api = globals.Api;
    if (isObject(api)) run('apiAuth', api.Auth, ['Globals', 'Api', 'Auth'], 'Globals.Api.Auth');
    run('apiAuthorizerGlobals', globals.ApiAuthorizer, ['Globals', 'ApiAuthorizer'], 'Globals.ApiAuthorizer');
  }

  const resources = template.Resources;
  if (!isObject(resources)) return out;
  for (const [id, resource] of Object.entries(resources)) {
    if (!isObject(resource)) continue;
    const properties = resource.Properties;
    switch (resource.Type) {
      case 'AWS::Serverless::Api':
        if (isObject(properties)) run('apiAuth', properties.Auth, ['Resources', id, 'Properties', 'Auth'], 'Auth', id);
        break;
      case 'AWS::Serverless::Function':
      case 'AWS::Serverless::StateMachine': {
        const events = isObject(properties) ? properties.Events : undefined;
        if (!isObject(events)) break;
        for (const [name, event] of Object.entries(events)) {
          if (!isObject(event) || event.Type !== 'Api' || !isObject(event.Properties)) continue;
          const path = ['Resources', id, 'Properties', 'Events', name, 'Properties', 'Auth'];
          run('eventAuth', event.Properties.Auth, path, `Events.${name}.Auth`, id);
        }
        break;
      }
      case 'AWS::Serverless::ApiAuthorizer':
        run('apiAuthorizer', properties, ['Resources', id, 'Properties'], 'Properties', id);
        break;
      default:
        break;
    }
  }
  return out;
}
