/** CLI entry point (placeholder until the CLI lands). Returns the exit code. */
export async function main(_argv: string[]): Promise<number> {
  process.stderr.write('sam-auth: not implemented yet\n');
  return 2;
}
