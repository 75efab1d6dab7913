import type { DiagnosticCode } from '../diagnostics/codes/index';
import { diagnostic } from '../diagnostics/make';
import type { Diagnostic } from '../diagnostics/types';
import type { JsonPath } from '../model/json';
import type { Provenance } from './deployment-hash/index';

/**
 * SAM stops translating a resource at its first error. The lowering of one API mirrors that: a deep step
 * raises a Rejection carrying the located Diagnostic, and `emit` (the only catcher) turns it back into data.
 * It never leaves the emit phase.
 */
export class Rejection extends Error {
  constructor(readonly diagnostic: Diagnostic) {
    super(diagnostic.message);
  }
}

export function reject(code: DiagnosticCode, message: string, path: JsonPath, resource?: string): never {
  throw new Rejection(diagnostic(code, message, path, resource));
}

/** SAM's InvalidEventException: "Event with id [<event>] is invalid. <message>", blamed on the event's owner. */
export function rejectEvent(route: { eventName: string; owner: string }, message: string, path: JsonPath): never {
  reject('sam/invalid-event', `Event with id [${route.eventName}] is invalid. ${message}`, path, route.owner);
}

/** Where a Swagger document lives in the template, to locate errors found inside it. */
export interface DocWhere {
  /** Template path of the DefinitionBody (for SAM-built bodies: of the API resource). */
  path: JsonPath;
  resource: string;
  /** What SAM's Python objects know about the Body (unicode strings, dict kinds), for the Deployment hash. */
  prov: Provenance;
}

/** SAM's InvalidDocumentException ("Structure of the SAM template is invalid."): a broken definition. */
export function rejectDefinition(message: string, where: DocWhere, subPath: JsonPath = []): never {
  reject('sam/invalid-definition', message, [...where.path, ...subPath], where.resource);
}

/** Stops the lowering with a diagnostic a helper module returned. */
export function rejectWith(found: Diagnostic): never {
  throw new Rejection(found);
}

/** The first error among a helper's diagnostics stops the lowering, as SAM's first exception does. */
export function stopOnError(diagnostics: readonly Diagnostic[]): void {
  const error = diagnostics.find((d) => d.severity === 'error');
  if (error) rejectWith(error);
}
