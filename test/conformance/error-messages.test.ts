/**
 * SAM's error cases (../shared/conformance/sam/error_*), end to end through the CLI: `sam-auth transform` refuses
 * each one, and its FIRST error names the problem SAM names (SAM's wording after "Resource with id [X] is
 * invalid."), on the right resource, located at the offending property (file:line:col); `sam-auth validate`
 * reports that same finding at the same place.
 *
 * The rows are written from reading each case's input.yaml and error.json, not copied from our output:
 * `phrases` are what SAM's message names (the property, the expected type or values) and our message must say
 * too; the pointer and line:col are those of the value (or of the key, when the value is a map, a list, empty, or
 * the key itself is the mistake). Where SAM reports several errors, the row is about the first one we print, and
 * `sam` says which of SAM's it is. HttpApi-only errors in SAM's lists are out of our scope (we lower REST APIs).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { main } from '../../src/cli/main';
import { memoryIO } from '../cli/memory-io';
import { parseTemplate } from '../../src/parse/index';
import { transform } from '../../src/transform';
import { CASES_DIR, loadManifest } from './harness';

interface Row {
  code: string;
  /** JSON pointer of the first error. */
  path: string;
  /** `line:col` the CLI prints for it. */
  at: string;
  /** The logical id the diagnostic names (undefined for Globals). */
  resource?: string;
  /** Key phrases of SAM's message that our first error must contain. */
  phrases: string[];
  /** Which of SAM's errors the row stands for, when SAM lists several. */
  sam?: string;
}

const R = (id: string) => `/Resources/${id}/Properties`;

const ROWS: Record<string, Row> = {
  error_api_auth_invalid_path_item: {
    code: 'sam/invalid-definition',
    path: `${R('ExplicitApi')}/DefinitionBody/paths/~1`,
    at: '14:11', // `/:` with nothing after it
    resource: 'ExplicitApi',
    phrases: ["Value of '/' path", 'must be a dictionary'],
  },
  error_api_auth_null_path_item: {
    code: 'sam/invalid-definition',
    path: `${R('ExplicitApi')}/DefinitionBody/paths/~1`,
    at: '14:14', // the '' value
    resource: 'ExplicitApi',
    phrases: ["Value of '/' path", 'must be a dictionary'],
  },
  error_api_authorizer_property_indentity_with_invalid_type: {
    code: 'schema/wrong-type',
    path: `${R('MyRestApi')}/Auth/Authorizers/LambdaRequestIdentityNotObject/Identity`,
    at: '60:23',
    resource: 'MyRestApi',
    phrases: ['LambdaRequestIdentityNotObject.Identity', 'must be a map'],
    sam: "[MyRestApi] Property 'Authorizer.LambdaRequestIdentityNotObject.Identity' should be a map (SAM's first, [MyApi], is an HttpApi)",
  },
  error_api_invalid_auth: {
    code: 'schema/wrong-type',
    path: `${R('AuthNotDictApi')}/Auth`,
    at: '116:13',
    resource: 'AuthNotDictApi',
    phrases: ['`Auth`', 'must be a map'],
    sam: "[AuthNotDictApi] Property 'Auth' should be a map (first of 22)",
  },
  error_api_invalid_auth_identity_cognito: {
    code: 'schema/wrong-type',
    path: `${R('ServerlessApi')}/Auth/Authorizers/CognitoAuthorizer/Identity`,
    at: '11:23',
    resource: 'ServerlessApi',
    phrases: ['Auth.Authorizers.CognitoAuthorizer.Identity', 'must be a map'],
  },
  error_api_invalid_auth_identity_lambda_request: {
    code: 'schema/wrong-type',
    path: `${R('ServerlessApi')}/Auth/Authorizers/LambdaRequestAuthorizer/Identity`,
    at: '13:23',
    resource: 'ServerlessApi',
    phrases: ['Auth.Authorizers.LambdaRequestAuthorizer.Identity', 'must be a map'],
  },
  error_api_invalid_event_authorizer_type: {
    // The API's Authorizers written as a list of maps; the event's list-valued Authorizer comes second.
    code: 'schema/wrong-type',
    path: `${R('AuthorizedApi')}/Auth/Authorizers/0`,
    at: '25:11', // the "- " item that makes it a list
    resource: 'AuthorizedApi',
    phrases: ['`Auth.Authorizers`', 'must be a map'],
  },
  error_api_invalid_security: {
    code: 'sam/invalid-definition',
    path: `${R('API')}/DefinitionBody/paths/~1test/get/security`,
    at: '26:15', // `security:` left empty
    resource: 'API',
    phrases: ['security', 'path /test method get', 'must be a list'],
  },
  error_api_invalid_source_vpc_blacklist: {
    code: 'schema/wrong-type',
    path: '/Globals/Api/Auth/ResourcePolicy/SourceVpcBlacklist/0',
    at: '5:30', // the {sub: SomeParameter} item
    phrases: ['SourceVpcBlacklist` must be a list of strings', 'IntrinsicVpcBlacklist'],
  },
  error_api_invalid_source_vpc_whitelist: {
    code: 'schema/wrong-type',
    path: '/Globals/Api/Auth/ResourcePolicy/SourceVpcWhitelist/0',
    at: '5:30',
    phrases: ['SourceVpcWhitelist` must be a list of strings', 'IntrinsicVpcWhitelist'],
  },
  error_api_invalid_usage_plan: {
    code: 'schema/wrong-type',
    path: `${R('MyApiWithCognitoAuth')}/Auth/UsagePlan`,
    at: '10:20',
    resource: 'MyApiWithCognitoAuth',
    phrases: ['UsagePlan', 'must be a map'],
  },
  error_api_override_api_auth_without_authorizer: {
    code: 'sam/invalid-event',
    path: `${R('MyFn')}/Events/LambdaRequest/Properties/Auth/OverrideApiAuth`,
    at: '65:32',
    resource: 'MyFn',
    phrases: ['LambdaRequest', 'Authorizer, ApiKeyRequired or ResourcePolicy', 'OverrideApiAuth'],
  },
  error_api_securitydefinitions_not_dict: {
    code: 'sam/invalid-definition',
    path: `${R('MyApi')}/DefinitionBody/securityDefinitions`,
    at: '22:9',
    resource: 'MyApi',
    phrases: ['securityDefinitions must be a dictionary'],
  },
  error_api_with_invalid_auth_scopes_openapi: {
    code: 'schema/wrong-type',
    path: `${R('MyApiWithCognitoAuth')}/Auth/Authorizers/MyCognitoAuthWithDefaultScopes/AuthorizationScopes`,
    at: '17:34',
    resource: 'MyApiWithCognitoAuth',
    phrases: ['Authorizers.MyCognitoAuthWithDefaultScopes.AuthorizationScopes', 'must be a list'],
    sam: "[MyApiWithCognitoAuth] Property 'Authorizers.MyCognitoAuthWithDefaultScopes.AuthorizationScopes' should be a list (first of 2)",
  },
  error_api_with_invalid_if_condition_swagger: {
    code: 'sam/invalid-definition',
    path: `${R('MyApi')}/DefinitionBody/paths/~1post/Fn::If`,
    at: '21:13', // the Fn::If whose value is a map
    resource: 'MyApi',
    phrases: ['Fn::If must be a list'],
  },
  error_api_with_usage_plan_invalid_parameter: {
    code: 'schema/unknown-property',
    path: '/Globals/Api/Auth/UsagePlan/CreateUP',
    at: '7:9', // the misspelt key itself
    phrases: ['`CreateUP`', 'UsagePlan'],
    sam: "[MyApiOne] Invalid property for 'UsagePlan'",
  },
  error_default_authorizer_should_be_string_in_api: {
    code: 'schema/wrong-type',
    path: `${R('MyApiIntrinsicDefaultAuthorizer')}/Auth/DefaultAuthorizer`,
    at: '10:9',
    resource: 'MyApiIntrinsicDefaultAuthorizer',
    phrases: ['DefaultAuthorizer', 'a plain string'],
    sam: '[MyApiIntrinsicDefaultAuthorizer] DefaultAuthorizer is not a string (first of 2)',
  },
  error_function_with_api_key_false: {
    code: 'sam/invalid-event',
    path: `${R('MyFunctionWithApiKeyRequired')}/Events/MyApiWithApiKeyRequired/Properties/Auth/ApiKeyRequired`,
    at: '22:31',
    resource: 'MyFunctionWithApiKeyRequired',
    phrases: ['ApiKeyRequired [False]', 'path [/ApiKeyRequiredTrue]', 'does not specify any ApiKeyRequired'],
  },
  error_function_with_method_auth_and_no_api_auth: {
    code: 'sam/invalid-event',
    path: `${R('HelloWorldFunction')}/Events/HttpGetUserGroupIdUserId/Properties/Auth/Authorizer`,
    at: '15:27',
    resource: 'HelloWorldFunction',
    phrases: ["'NONE' is only a valid value when a DefaultAuthorizer"],
  },
  error_http_api_with_invalid_auth_while_method_auth_is_none: {
    code: 'schema/wrong-type',
    path: `${R('MyRestApi')}/Auth`,
    at: '49:7',
    resource: 'MyRestApi',
    phrases: ['`Auth`', 'must be a map'],
    sam: "[MyRestApi] Property 'Auth' should be a map (SAM's first, [MyApi], is an HttpApi)",
  },
  error_intrinsic_sub_with_list: {
    code: 'sam/invalid-intrinsic',
    path: `${R('MyApi')}/Auth/ResourcePolicy/CustomStatements/1/Condition/NotIpAddress/aws:SourceIp/Fn::Join/1/1/Fn::Sub`,
    at: '38:32', // Fn::Sub: ${Parameter1}, a CommaDelimitedList
    resource: 'MyApi',
    phrases: ['Fn::Sub', "['a', 'b']", 'strings'],
  },
  error_invalid_method_definition: {
    code: 'sam/invalid-definition',
    path: `${R('ExplicitApi')}/DefinitionBody/paths/~1/tags`,
    at: '45:13',
    resource: 'ExplicitApi',
    phrases: ["method 'tags'", "path '/'", 'should be a map'],
  },
  error_null_method_definition: {
    code: 'sam/invalid-definition',
    path: `${R('ExplicitApi')}/DefinitionBody/paths/~1/get`,
    at: '15:13',
    resource: 'ExplicitApi',
    phrases: ["method 'get'", "path '/'", 'should be a map'],
  },
  error_resource_policy_not_dict: {
    code: 'schema/wrong-type',
    path: '/Globals/Api/Auth/ResourcePolicy',
    at: '4:23',
    phrases: ['ResourcePolicy', 'must be a map'],
  },
  error_resource_policy_not_dict_empty_api: {
    code: 'schema/wrong-type',
    path: `${R('ServerlessApi')}/Auth/ResourcePolicy`,
    at: '25:25',
    resource: 'ServerlessApi',
    phrases: ['ResourcePolicy', 'must be a map'],
  },
  error_state_machine_with_api_auth_none: {
    code: 'sam/invalid-event',
    path: `${R('StateMachine')}/Events/WithLambdaTokenAuth/Properties/Auth/Authorizer`,
    at: '54:27',
    resource: 'StateMachine',
    phrases: ['WithLambdaTokenAuth', "'NONE' is only a valid value when a DefaultAuthorizer"],
  },
  error_state_machine_with_invalid_default_authorizer: {
    code: 'schema/wrong-type',
    path: `${R('MyApi')}/Auth/DefaultAuthorizer`,
    at: '7:9',
    resource: 'MyApi',
    phrases: ['DefaultAuthorizer', 'a plain string'],
  },
  error_state_machine_with_no_api_authorizers: {
    code: 'rules/unknown-authorizer',
    path: `${R('StateMachine')}/Events/WithLambdaTokenAuth/Properties/Auth/Authorizer`,
    at: '43:27',
    resource: 'StateMachine',
    phrases: ['WithLambdaTokenAuth', '`MyUndefinedAuthorizer`', 'POST /startWithLambdaToken', 'defines no authorizers'],
  },
  error_state_machine_with_undefined_api_authorizer: {
    code: 'rules/unknown-authorizer',
    path: `${R('StateMachine')}/Events/WithLambdaTokenAuth/Properties/Auth/Authorizer`,
    at: '55:27',
    resource: 'StateMachine',
    phrases: ['WithLambdaTokenAuth', '`MyUndefinedAuthorizer`', 'POST /startWithLambdaToken', 'defines MyLambdaTokenAuth'],
  },
  error_swagger_security_definitions_not_dict: {
    code: 'sam/invalid-definition',
    path: `${R('ExplicitApi')}/DefinitionBody/securityDefinitions`,
    at: '19:9',
    resource: 'ExplicitApi',
    phrases: ['securityDefinitions must be a dictionary'],
  },
  error_swagger_security_not_dict: {
    code: 'sam/invalid-definition',
    path: `${R('AccessingPartyAPI')}/DefinitionBody/paths/~1path/put/security/0`,
    at: '55:17', // the `- CustomAuthorizer` item
    resource: 'AccessingPartyAPI',
    phrases: ['CustomAuthorizer', 'in Security for path /path method put is not a valid dictionary'],
  },
  error_swagger_security_not_dict_with_api_key_required: {
    code: 'sam/invalid-definition',
    path: `${R('AccessingPartyAPI')}/DefinitionBody/paths/~1path/put/security/0`,
    at: '43:17', // the `- []` item
    resource: 'AccessingPartyAPI',
    phrases: ['[] in Security for path /path method put is not a valid dictionary'],
  },
};

interface JsonDiagnostic {
  code: string;
  severity: string;
  message: string;
  path: string;
  resource?: string;
  line?: number;
  column?: number;
}

const errorCases = loadManifest().filter((c) => c.kind === 'error').map((c) => c.case);
const FILE = 'input.yaml';
const input = (name: string) => ({ [FILE]: readFileSync(join(CASES_DIR, name, FILE)) });

describe('SAM error cases: our first error names SAM\'s problem, located', () => {
  it('has a row for every error case', () => {
    expect(Object.keys(ROWS).sort()).toEqual([...errorCases].sort());
  });

  describe.each(errorCases)('%s', (name) => {
    const row = ROWS[name];

    it('transform refuses it; the first error is the row\'s (code, line:col, SAM\'s key phrases), no stack trace', async () => {
      const m = memoryIO(input(name));
      const code = await main(['transform', FILE], m.io);
      const stderr = m.stderr();
      const firstError = stderr.split('\n').find((line) => / error \S+ /.test(line) && line.startsWith(`${FILE}:`));
      expect({ code, stdout: m.stdout(), written: m.written, stackTrace: /\n\s+at /.test(stderr) }).toEqual({ code: 1, stdout: '', written: {}, stackTrace: false });
      expect(firstError?.startsWith(`${FILE}:${row.at}: error ${row.code} `)).toBe(true);
      for (const phrase of row.phrases) expect(firstError).toContain(phrase);
    });

    it('the transform core\'s first error has the row\'s pointer and resource', () => {
      const parsed = parseTemplate(input(name)[FILE], FILE);
      if (!parsed.ok) throw new Error(`${name} does not parse`);
      const first = transform(parsed.template).diagnostics.find((d) => d.severity === 'error');
      expect(first && { code: first.code, path: first.path, resource: first.resource }).toEqual({ code: row.code, path: row.path, resource: row.resource });
    });

    it('validate reports the same finding at the same pointer, resource and line:col', async () => {
      const m = memoryIO(input(name));
      const code = await main(['validate', '--format', 'json', FILE], m.io);
      const found = (JSON.parse(m.stdout()) as JsonDiagnostic[]).filter((d) => d.severity === 'error');
      expect(code).toBe(1);
      const [line, column] = row.at.split(':').map(Number);
      const same = found.find((d) => d.code === row.code && d.path === row.path);
      expect(same && { resource: same.resource, line: same.line, column: same.column }).toEqual({ resource: row.resource, line, column });
      for (const phrase of row.phrases) expect(same?.message).toContain(phrase);
    });
  });
});
