/**
 * One SAM `SwaggerEditor` session over the definition, as the Deployment id sees it (deployment-hash/provenance.ts):
 *   - `SwaggerEditor(doc)` deep-copies the doc (every Py27Dict table is rebuilt);
 *   - `securityDefinitions`, `x-amazon-apigateway-gateway-responses` and `definitions` are held aside when the doc
 *     has none (`self._doc.get(key) or Py27Dict()`), so edits go to a map outside the doc; the `editor.swagger`
 *     getter writes them back in that order, after anything the session wrote into the doc directly (paths,
 *     `x-amazon-apigateway-policy`, binary media types...), then deep-copies the doc again.
 * The emitter edits the doc in place; `openEditor` tells the provenance where the session starts and `close` where
 * it ends, so the held-aside keys enter the doc's table last, as in SAM.
 */
import type { Json, JsonObject } from '../../model/json';
import { isObject } from '../../model/json';
import type { DocWhere } from '../reject';
import type { UnchangedBut } from '../deployment-hash/provenance';

/** The maps SAM's SwaggerEditor keeps aside while the doc has none, in the order its `swagger` getter writes them. */
const HELD_ASIDE: readonly string[] = ['securityDefinitions', 'x-amazon-apigateway-gateway-responses', 'definitions'];

/** The maps held aside for `doc` (HELD_ASIDE itself when it has none of them, as in most sessions). */
function heldAside(doc: JsonObject): readonly string[] {
  const aside = (key: string): boolean => isEmptyOrAbsent(doc[key]);
  return HELD_ASIDE.every(aside) ? HELD_ASIDE : HELD_ASIDE.filter(aside);
}

function isEmptyOrAbsent(value: Json | undefined): boolean {
  return value === undefined || value === null || value === false || value === '' || (isObject(value) && Object.keys(value).length === 0);
}

/**
 * Starts a session over `doc`; call the returned function where SAM reads `editor.swagger`.
 * `route` ([path, method]): the session (and whatever ran since the doc's previous deep copy) edits nothing
 * below `paths` but `paths[path][method]`, adding at most the key `path` to `paths` and `method` to
 * `paths[path]`, as one event adding its method:
 * the deep copies then leave the other path items and methods unwalked (provenance.ts, `UnchangedBut`), which
 * keeps a template with thousands of routes linear.
 */
export function openEditor(doc: JsonObject, where: DocWhere, route?: readonly string[]): () => void {
  const sessions = new EditorSessions(doc, where);
  sessions.open(route);
  return () => sessions.end();
}

function onlyRoute(doc: JsonObject, route: readonly string[] | undefined): UnchangedBut | undefined {
  return route !== undefined && isObject(doc.paths) ? { container: doc.paths, path: route } : undefined;
}

/**
 * Sessions one after the other over one doc (an event's, then the API's own), when nothing edits the doc between
 * a session's end and the next one's start: a session's closing deep copy and the next one's opening copy then
 * have no edit between them, and one walk records both (routed when the session that edited had a route).
 * `open` starts a session (`route`: see `openEditor`), ending the one before; `end` ends the last, and must come
 * before any edit outside a session.
 */
export class EditorSessions {
  private pending: { route: readonly string[] | undefined; held: readonly string[] } | undefined;

  constructor(
    private readonly doc: JsonObject,
    private readonly where: DocWhere,
  ) {}

  open(route?: readonly string[]): void {
    if (this.pending === undefined) this.where.prov.deepCopied(this.doc, onlyRoute(this.doc, route));
    else this.close(2);
    this.pending = { route, held: heldAside(this.doc) };
  }

  end(): void {
    if (this.pending !== undefined) this.close(1);
    this.pending = undefined;
  }

  /** A whole session: open, `edit`, end. */
  session(edit: () => void): void {
    this.open();
    edit();
    this.end();
  }

  /** The pending session's close, and `copies - 1` opening copies with no edit after it. */
  private close(copies: number): void {
    const { route, held } = this.pending as { route: readonly string[] | undefined; held: readonly string[] };
    this.where.prov.insertedLast(this.doc, held);
    this.where.prov.deepCopied(this.doc, onlyRoute(this.doc, route), copies);
  }
}
