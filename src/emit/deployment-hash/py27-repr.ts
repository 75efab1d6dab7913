import type { Json } from '../../model/json';
import type { Provenance } from './provenance';

/** `str(value)` as SAM's Python 2.7 compatibility classes print it. */
export function renderPy27(value: Json, prov: Provenance): string {
  throw new Error(`not implemented yet (${typeof value}, ${typeof prov})`);
}

/** `json.dumps(value)` with Python 2.7 key order (Py27Dict.items()). */
export function renderJsonPy27(value: Json, prov: Provenance): string {
  throw new Error(`not implemented yet (${typeof value}, ${typeof prov})`);
}
