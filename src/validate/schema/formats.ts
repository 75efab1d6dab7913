/**
 * The JSON Schema formats our schema uses, for the standalone validators (scripts/build-schema.js makes the
 * generated code call `require('../schema/formats').uri`). Our own, so the Lambda carries no ajv-formats.
 */

const UNRESERVED = "A-Za-z0-9\\-._~";
const SUB_DELIMS = "!$&'()*+,;=";
const PCT = '%[0-9A-Fa-f]{2}';
/** A run of the characters of RFC 3986 `pchar` plus `extra`. */
const run = (extra: string) => new RegExp(`^(?:[${UNRESERVED}${SUB_DELIMS}${extra}]|${PCT})*$`);

const SCHEME = /^[A-Za-z][A-Za-z0-9+\-.]*$/;
const USERINFO = run(':');
const REG_NAME = run('');
const PORT = /^[0-9]*$/;
const PATH = run(':@/');
const QUERY_OR_FRAGMENT = run(':@/?');
const IPV_FUTURE = new RegExp(`^[Vv][0-9A-Fa-f]+\\.[${UNRESERVED}${SUB_DELIMS}:]+$`);
const H16 = /^[0-9A-Fa-f]{1,4}$/;
const DEC_OCTET = /^(?:25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])$/;

/**
 * RFC 3986 `URI`: scheme ":" hier-part [ "?" query ] [ "#" fragment ] (an absolute URI; a relative reference
 * is not one). E.g. arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/…/invocations.
 */
export function uri(value: string): boolean {
  const m = /^([^:/?#]+):([^?#]*)(?:\?([^#]*))?(?:#(.*))?$/s.exec(value);
  if (!m) return false;
  const [, scheme, hierPart, query, fragment] = m;
  if (!SCHEME.test(scheme)) return false;
  if (query !== undefined && !QUERY_OR_FRAGMENT.test(query)) return false;
  if (fragment !== undefined && !QUERY_OR_FRAGMENT.test(fragment)) return false;
  if (!hierPart.startsWith('//')) return PATH.test(hierPart);
  const slash = hierPart.indexOf('/', 2);
  const authority = slash < 0 ? hierPart.slice(2) : hierPart.slice(2, slash);
  const path = slash < 0 ? '' : hierPart.slice(slash);
  return isAuthority(authority) && PATH.test(path);
}

/** authority = [ userinfo "@" ] host [ ":" port ] */
function isAuthority(authority: string): boolean {
  const at = authority.lastIndexOf('@');
  if (at >= 0 && !USERINFO.test(authority.slice(0, at))) return false;
  const hostPort = authority.slice(at + 1);
  if (hostPort.startsWith('[')) {
    const close = hostPort.indexOf(']');
    if (close < 0) return false;
    const literal = hostPort.slice(1, close);
    const rest = hostPort.slice(close + 1);
    return (isIpv6(literal) || IPV_FUTURE.test(literal)) && (rest === '' || (rest.startsWith(':') && PORT.test(rest.slice(1))));
  }
  const colon = hostPort.lastIndexOf(':');
  const host = colon < 0 ? hostPort : hostPort.slice(0, colon);
  return REG_NAME.test(host) && (colon < 0 || PORT.test(hostPort.slice(colon + 1)));
}

/** RFC 3986 IPv6address: eight 16-bit groups, `::` for one run of zero groups, the last two maybe IPv4. */
function isIpv6(text: string): boolean {
  const halves = text.split('::');
  if (halves.length > 2) return false;
  const groups = (half: string) => (half === '' ? [] : half.split(':'));
  const parts = halves.flatMap(groups);
  let count = 0;
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i];
    if (H16.test(part)) count += 1;
    else if (i === parts.length - 1 && isIpv4(part)) count += 2;
    else return false;
  }
  return halves.length === 2 ? count <= 7 : count === 8;
}

function isIpv4(text: string): boolean {
  const octets = text.split('.');
  return octets.length === 4 && octets.every((o) => DEC_OCTET.test(o));
}
