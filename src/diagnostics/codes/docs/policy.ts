import type { CodeDocs } from '../info';
import type { PolicyCode } from '../policy';

/** What docs/diagnostics.md and SARIF rule metadata say about each code of ../policy.ts (its severity is there). */
export const POLICY_DOCS = {
  'sam/invalid-resource-policy': {
    summary: 'An Auth.ResourcePolicy block is not what SAM accepts.',
    example: 'Auth:\n  ResourcePolicy:\n    SourceVpcWhitelist: !Ref VpcIds',
    fix: 'Give ResourcePolicy as a map; list plain strings in SourceVpc*/AwsAccount*/IpRange* and use IntrinsicVpc*/IntrinsicVpce* for intrinsic values.',
  },
  'sam/invalid-usage-plan': {
    summary: 'An Auth.UsagePlan block is not what SAM accepts.',
    example: 'Auth:\n  UsagePlan: PER_API',
    fix: 'Give UsagePlan as a map with CreateUsagePlan (PER_API, SHARED or NONE) and only Description, Quota, Tags, Throttle, UsagePlanName.',
  },
  'sam/invalid-domain': {
    summary: 'A Domain block on a REST API is not what SAM accepts.',
    example: 'Domain:\n  DomainName: api.example.com',
    fix: 'Give Domain as a map with DomainName and CertificateArn; EndpointConfiguration is EDGE, REGIONAL or PRIVATE.',
  },
} as const satisfies Record<PolicyCode, CodeDocs>;
