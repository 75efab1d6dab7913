import { uri } from '../../src/validate/schema/formats';

// RFC 3986 `URI` (absolute, optional query and fragment): the `format: uri` of AuthorizerUri.
describe('uri format', () => {
  it.each([
    'arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:123456789012:function:auth/invocations',
    'https://example.com',
    'https://user:pw@example.com:8443/a/b?x=1&y=%20#frag/?',
    'http://[::1]:80/x',
    'http://[2001:db8::ffff:192.0.2.1]/',
    'http://[v1.fe80::a+en1]/',
    'file:///etc/hosts',
    'urn:isbn:0451450523',
    'mailto:a@example.com',
    'x:',
  ])('accepts %s', (value) => {
    expect(uri(value)).toBe(true);
  });

  it.each([
    'relative/path',
    '/absolute/path',
    '//host/path',
    '1http://example.com',
    'http://exa mple.com',
    'arn:aws:lambda:${AWS::Region}',
    'x:%zz',
    'x:#a#b',
    'http://host:port/',
    'http://[1:2:3:4:5:6:7:8:9]/',
    'http://[1::2::3]/',
    'http://[::1.2.3.256]/',
    'http://[::1/',
    'http://a@b@c/',
  ])('refuses %s', (value) => {
    expect(uri(value)).toBe(false);
  });
});
