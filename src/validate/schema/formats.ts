/**
 * The JSON Schema formats our schema uses, for the standalone validators (scripts/build-schema.js makes the
 * generated code import this module). Our own, so the Lambda carries no ajv-formats.
 */

// RFC 3986 character classes: pchar = unreserved / pct-encoded / sub-delims / ":" / "@"
const PCT = '%[0-9A-Fa-f]{2}';
const SUB = "!$&'()*+,;=";
const UNRESERVED = 'A-Za-z0-9\\-._~';
const chars = (extra: string) => `(?:[${UNRESERVED}${SUB}${extra}]|${PCT})`;
const PCHAR = chars(':@');
const QUERY = `${chars(':@/?')}*`;

/**
 * scheme ":" ( "//" authority path-abempty / path-absolute / path-rootless / path-empty ) [ "?" query ]
 * [ "#" fragment ]. The authority's host is a reg-name (an IPv4 address is one too) or an IP literal in
 * brackets, which isIpLiteral checks.
 */
const URI = new RegExp(
  `^[A-Za-z][A-Za-z0-9+\\-.]*:` +
    `(?://(?:${chars(':')}*@)?(?:\\[([^\\]]*)\\]|${chars('')}*)(?::[0-9]*)?(?:/${PCHAR}*)*` +
    `|/?(?:${PCHAR}+(?:/${PCHAR}*)*)?)` +
    `(?:\\?${QUERY})?(?:#${QUERY})?$`,
);
const IPV_FUTURE = new RegExp(`^[Vv][0-9A-Fa-f]+\\.[${UNRESERVED}${SUB}:]+$`);
const H16 = /^[0-9A-Fa-f]{1,4}$/;
const OCTET = '(?:25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])';
const IPV4 = new RegExp(`^(?:${OCTET}\\.){3}${OCTET}$`);

/** RFC 3986 `URI` (an absolute URI; a relative reference is not one): `format: uri` in the schema. */
export function uri(value: string): boolean {
  const m = URI.exec(value);
  return m !== null && (m[1] === undefined || isIpLiteral(m[1]));
}

/** IPv6address (eight 16-bit groups, `::` for one run of zeros, the last 32 bits maybe IPv4) or IPvFuture. */
function isIpLiteral(text: string): boolean {
  if (IPV_FUTURE.test(text)) return true;
  const halves = text.split('::');
  if (halves.length > 2) return false;
  const parts = halves.flatMap((half) => (half === '' ? [] : half.split(':')));
  let groups = 0;
  for (const [i, part] of parts.entries()) {
    if (H16.test(part)) groups += 1;
    else if (i === parts.length - 1 && IPV4.test(part)) groups += 2;
    else return false;
  }
  return halves.length === 2 ? groups <= 7 : groups === 8;
}
