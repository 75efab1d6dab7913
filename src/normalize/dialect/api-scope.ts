import type { Diagnostic } from '../../diagnostics/types';
import { diagnostic } from '../../diagnostics/make';
import type { Json, JsonObject, JsonPath } from '../../model/json';
import { isObject } from '../../model/json';
import { refTarget } from '../intrinsics';
import { desugarAuthorizer, type RelativeOrigin, type TemplateIndex } from './authorizer';
import type { SharedAuthorizer } from './api-authorizer';
import type { OriginTable } from './origin';
import type { TemplateDraft } from './draft';

/** An entry under one API's `Auth.Authorizers`, after desugaring. */
type Entry =
  | { kind: 'own'; value: Json; origins?: { root: JsonPath; relative: RelativeOrigin[] } }
  | { kind: 'shared'; authorizer: SharedAuthorizer };

/**
 * The authorizers one API can name: an AWS::Serverless::Api's own `Auth.Authorizers`, or `Globals.Api.Auth`'s
 * (which SAM merges into every API, the implicit one included).
 */
export class ApiScope {
  private readonly entries = new Map<string, Entry>();
  /** Shared authorizers this API has, by logical id → their key here. */
  private readonly included = new Map<string, string>();
  private changed = false;
  /** Shared authorizers listed or named here, whether or not they could be added (for the unused warning). */
  readonly mentioned = new Set<string>();
  /** False when `Auth` or `Authorizers` is not a map we can add to (SAM reports that). */
  private writable = true;

  constructor(
    /** ['Globals', 'Api'] or ['Resources', <id>, 'Properties']. */
    readonly propsPath: JsonPath,
    readonly resource: string | undefined,
    readonly parent: ApiScope | undefined,
  ) {}

  get authPath(): JsonPath {
    return [...this.propsPath, 'Auth'];
  }

  /** Reads and desugars `Auth.Authorizers` (a map, or the dialect's list of ApiAuthorizer names). */
  read(props: JsonObject, shared: Map<string, SharedAuthorizer>, index: TemplateIndex, diagnostics: Diagnostic[]): void {
    const auth = props.Auth;
    if (auth !== undefined && !isObject(auth)) this.writable = false;
    const authorizers = isObject(auth) ? auth.Authorizers : undefined;
    const path = [...this.authPath, 'Authorizers'];
    // The list form is the dialect's only when it names an ApiAuthorizer; any other list is left for SAM's own
    // error ("Property 'Auth.Authorizers' should be a map").
    const isNameList = Array.isArray(authorizers) && authorizers.some((item) => typeof item === 'string' && shared.has(item));
    if (Array.isArray(authorizers) && !isNameList) this.writable = false;
    else if (Array.isArray(authorizers)) {
      this.changed = true;
      authorizers.forEach((item, i) => {
        const target = typeof item === 'string' ? shared.get(item) : undefined;
        if (target === undefined) {
          diagnostics.push(
            diagnostic(
              'dialect/unknown-api-authorizer',
              `Auth.Authorizers lists ${JSON.stringify(item)}, which is not an AWS::Serverless::ApiAuthorizer of this template; list ApiAuthorizer logical ids, or write Authorizers as a map to define authorizers inline.`,
              [...path, i],
              this.resource,
            ),
          );
        } else this.include(target, target.name, [...path, i], diagnostics);
      });
    } else if (isObject(authorizers)) {
      for (const [key, entry] of Object.entries(authorizers)) {
        const entryPath = [...path, key];
        const target = refTarget(entry);
        if (target !== undefined) {
          const found = shared.get(target);
          if (found === undefined) {
            this.entries.set(key, { kind: 'own', value: entry });
            diagnostics.push(
              diagnostic(
                'dialect/unknown-api-authorizer',
                `Authorizer ${key} is !Ref ${target}, which is not an AWS::Serverless::ApiAuthorizer of this template; define the authorizer inline, or Ref an ApiAuthorizer.`,
                entryPath,
                this.resource,
              ),
            );
          } else {
            this.changed = true;
            this.include(found, key, entryPath, diagnostics);
          }
          continue;
        }
        this.entries.set(key, this.own(key, entry, entryPath, index, diagnostics));
      }
    } else if (authorizers !== undefined) this.writable = false;
  }

  /** The key under which a name resolves here (or in Globals), when it is defined or already included. */
  has(name: string): boolean {
    return this.entries.has(name) || (this.parent?.has(name) ?? false);
  }

  keyOf(sharedId: string): string | undefined {
    return this.included.get(sharedId) ?? this.parent?.keyOf(sharedId);
  }

  usesAny(): boolean {
    return this.included.size > 0;
  }

  /** Adds a shared authorizer under `key`; false when it cannot be added. */
  include(authorizer: SharedAuthorizer, key: string, at: JsonPath, diagnostics: Diagnostic[]): boolean {
    this.mentioned.add(authorizer.logicalId);
    if (authorizer.desugared?.kind === 'iam') {
      diagnostics.push(
        diagnostic(
          'dialect/iam-authorizer-listed',
          `${authorizer.logicalId} is an AWS_IAM authorizer, which needs no entry under Authorizers: remove it here, and name it (or AWS_IAM) in DefaultAuthorizer or an event Authorizer.`,
          at,
          this.resource,
        ),
      );
      return false;
    }
    const existing = this.entries.get(key);
    if (existing !== undefined && !(existing.kind === 'shared' && existing.authorizer === authorizer)) {
      diagnostics.push(
        diagnostic(
          'dialect/duplicate-authorizer',
          `Two authorizers would be named ${key} in this API (${authorizer.logicalId} and ${existing.kind === 'shared' ? existing.authorizer.logicalId : 'one defined here'}): give the ApiAuthorizer another Name, or list it under another key.`,
          at,
          this.resource,
        ),
      );
      return false;
    }
    if (!this.writable) return false;
    this.entries.set(key, { kind: 'shared', authorizer });
    if (!this.included.has(authorizer.logicalId)) this.included.set(authorizer.logicalId, key);
    return true;
  }

  /** Writes the desugared `Authorizers` map when anything changed, and records where each entry came from. */
  write(draft: TemplateDraft, origins: OriginTable): void {
    if (!this.changed || !this.writable) return;
    const path = [...this.authPath, 'Authorizers'];
    const map: JsonObject = {};
    for (const [key, entry] of this.entries) {
      const to = [...path, key];
      if (entry.kind === 'own') {
        map[key] = entry.value;
        if (entry.origins !== undefined) addOrigins(origins, to, entry.origins.root, entry.origins.relative);
      } else if (entry.authorizer.desugared?.kind === 'authorizer') {
        map[key] = entry.authorizer.desugared.value;
        addOrigins(origins, to, entry.authorizer.path, entry.authorizer.desugared.origins);
      }
    }
    draft.set(path, map);
  }

  markChanged(): void {
    this.changed = true;
  }

  private own(key: string, entry: Json, entryPath: JsonPath, index: TemplateIndex, diagnostics: Diagnostic[]): Entry {
    if (!isObject(entry)) return { kind: 'own', value: entry };
    // The RFC's examples nest an inline authorizer's properties under `Properties`, as a resource's.
    const wrapped = Object.keys(entry).length === 1 && isObject(entry.Properties);
    const props = wrapped && isObject(entry.Properties) ? entry.Properties : entry;
    const root = wrapped ? [...entryPath, 'Properties'] : entryPath;
    const { result, diagnostics: found } = desugarAuthorizer(
      { props, path: root, name: key, nameIsKey: true, allowIam: false, ...(this.resource === undefined ? {} : { resource: this.resource }) },
      index,
    );
    diagnostics.push(...found);
    if (result?.kind !== 'authorizer' || result.value === entry) return { kind: 'own', value: entry };
    this.changed = true;
    return { kind: 'own', value: result.value, origins: { root, relative: result.origins } };
  }
}

function addOrigins(origins: OriginTable, to: JsonPath, root: JsonPath, relative: RelativeOrigin[]): void {
  origins.add(to, root);
  for (const entry of relative) origins.add([...to, ...entry.to], entry.from);
}
