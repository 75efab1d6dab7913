import { diagnostic } from '../diagnostics/make';
import type { Diagnostic } from '../diagnostics/types';
import { isObject, type JsonObject } from '../model/json';

/**
 * CloudFormation's quotas on a processed template (the template after every macro has run), as documented in
 * "Troubleshoot the processed template" and "Understand CloudFormation quotas":
 * - 51,200 bytes when the body is passed inline to CreateStack / UpdateStack / ValidateTemplate;
 * - 1 MB when it comes from S3 (TemplateURL). The docs say "1 MB"; CloudFormation's other byte quotas are
 *   binary (51,200 = 50 × 1024, the former S3 limit 460,800 = 450 × 1024), so 1 MB is 1,048,576 bytes;
 * - 500 resources per stack.
 */
export const INLINE_TEMPLATE_BODY_LIMIT = 51_200;
export const S3_TEMPLATE_BODY_LIMIT = 1_048_576;
export const RESOURCES_PER_STACK_LIMIT = 500;

/**
 * The processed template's size as CloudFormation counts it: UTF-8 bytes of its JSON. We measure compact JSON,
 * the smallest form CloudFormation could store, so an error here is never a false alarm.
 */
export function templateByteSize(template: JsonObject): number {
  return Buffer.byteLength(JSON.stringify(template), 'utf8');
}

/** Diagnostics for a processed template that CloudFormation would refuse (errors) or accept only from S3 (info). */
export function checkTemplateLimits(template: JsonObject): Diagnostic[] {
  const bytes = templateByteSize(template);
  const errors = templateLimitErrors(template, bytes);
  if (bytes <= INLINE_TEMPLATE_BODY_LIMIT || bytes > S3_TEMPLATE_BODY_LIMIT) return errors;
  const note = diagnostic(
    'limits/template-over-inline-limit',
    `The processed template is ${grouped(bytes)} bytes, over the ${grouped(INLINE_TEMPLATE_BODY_LIMIT)}-byte limit for an inline template body ` +
      `by ${grouped(bytes - INLINE_TEMPLATE_BODY_LIMIT)} bytes: deploy it from S3 (sam deploy does; aws cloudformation deploy needs --s3-bucket).`,
    [],
  );
  return [note, ...errors];
}

/** Only what CloudFormation would refuse (what the macro checks: it has nowhere to show a note). */
export function templateLimitErrors(template: JsonObject, bytes = templateByteSize(template)): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  if (bytes > S3_TEMPLATE_BODY_LIMIT) {
    const over = bytes - S3_TEMPLATE_BODY_LIMIT;
    diagnostics.push(
      diagnostic(
        'limits/template-too-large',
        `The processed template is ${grouped(bytes)} bytes; CloudFormation accepts at most ${grouped(S3_TEMPLATE_BODY_LIMIT)} bytes (1 MB), even from S3. ` +
          `It is ${grouped(over)} bytes (${percent(over, S3_TEMPLATE_BODY_LIMIT)}) over: split the stack, for example into nested stacks.`,
        [],
      ),
    );
  }
  const resources = template['Resources'];
  if (isObject(resources)) {
    const count = Object.keys(resources).length;
    if (count > RESOURCES_PER_STACK_LIMIT) {
      diagnostics.push(
        diagnostic(
          'limits/too-many-resources',
          `The processed template declares ${grouped(count)} resources; CloudFormation allows ${RESOURCES_PER_STACK_LIMIT} per stack ` +
            `(${grouped(count - RESOURCES_PER_STACK_LIMIT)} over): split the stack, for example into nested stacks.`,
          ['Resources'],
        ),
      );
    }
  }
  return diagnostics;
}

/** 1048576 → "1,048,576", independent of the host's locale (output must be deterministic). */
function grouped(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** The overshoot as a share of the limit, one decimal: "17.7%". */
function percent(part: number, whole: number): string {
  const tenths = Math.round((part / whole) * 1000);
  return tenths === 0 ? 'under 0.1%' : `${(tenths / 10).toFixed(1)}%`;
}
