import type { CodeInfo } from './info';

/**
 * Codes raised by the three self-contained lowering parts: resource policies (src/emit/resource-policy.ts),
 * usage plans (src/emit/usage-plan.ts) and custom domains (src/emit/domain.ts). Each mirrors an error SAM
 * raises for the same input; the message carries SAM's wording.
 */
export const POLICY_CODES = {
  'sam/invalid-resource-policy': {
    severity: 'error',
    summary: 'An Auth.ResourcePolicy block is not what SAM accepts.',
    example: 'Auth:\n  ResourcePolicy:\n    SourceVpcWhitelist: !Ref VpcIds',
    fix: 'Give ResourcePolicy as a map; list plain strings in SourceVpc*/AwsAccount*/IpRange* and use IntrinsicVpc*/IntrinsicVpce* for intrinsic values.',
  },
  'sam/invalid-usage-plan': {
    severity: 'error',
    summary: 'An Auth.UsagePlan block is not what SAM accepts.',
    example: 'Auth:\n  UsagePlan: PER_API',
    fix: 'Give UsagePlan as a map with CreateUsagePlan (PER_API, SHARED or NONE) and only Description, Quota, Tags, Throttle, UsagePlanName.',
  },
  'sam/invalid-domain': {
    severity: 'error',
    summary: 'A Domain block on a REST API is not what SAM accepts.',
    example: 'Domain:\n  DomainName: api.example.com',
    fix: 'Give Domain as a map with DomainName and CertificateArn; EndpointConfiguration is EDGE, REGIONAL or PRIVATE.',
  },
} as const satisfies Record<string, CodeInfo>;
