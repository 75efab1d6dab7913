/**
 * A Provenance with what only tests ask of it: a dict's recorded history, and a deep copy of one dict alone.
 * (Kept out of the class the Lambda bundle ships.)
 */
import { Provenance, type KeyOp } from '../../src/emit/deployment-hash/provenance';
import { stepsOf } from '../../src/emit/deployment-hash/replay';
import type { JsonObject } from '../../src/model/json';

export class InspectableProvenance extends Provenance {
  /** The Py27Dict history of `obj`, brought up to date with its current keys. */
  history(obj: JsonObject): readonly KeyOp[] {
    const info = this.synced(obj);
    const steps = stepsOf(info.history);
    if (info.rebuilds > 0) steps.push({ op: 'rebuild', times: info.rebuilds });
    return steps;
  }

  /** `deepCopied` for the one dict `obj`, not what is below it. */
  rebuilt(obj: JsonObject): void {
    const info = this.objectInfo(obj);
    if (info.kind !== 'py27') return;
    this.catchUp(obj, info);
    this.sync(obj, info);
    this.logRebuilds(info, 1);
  }
}
