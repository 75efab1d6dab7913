/** Bounds on what the parser accepts. Real templates stay far below them; hostile input hits them fast. */

/** CloudFormation accepts at most 1 MB (S3) for a template; 10 MB leaves room for SAM's larger inputs. */
export const MAX_TEMPLATE_BYTES = 10 * 1024 * 1024;

/** Nesting of mappings and lists, counted from the root (aliases included). */
export const MAX_DEPTH = 100;

/** Nodes that alias expansion may produce in one template (a billion-laughs document hits this quickly). */
export const MAX_ALIAS_NODES = 100_000;
