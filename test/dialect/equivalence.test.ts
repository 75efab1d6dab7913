import { desugar } from '../../src/normalize/dialect/index';
import { transform } from '../../src/transform';
import { dialectPairs } from './fixtures';

const pairs = dialectPairs();

describe('dialect equivalence: fixtures/dialects/<case>/{rfc,sam}.yaml', () => {
  it('has the pairs the issue asks for', () => {
    expect(pairs.length).toBeGreaterThanOrEqual(20);
  });

  describe.each(pairs.map((p) => [p.name, p] as const))('%s', (_name, { rfc, sam }) => {
    it('desugars the concise form into exactly its SAM twin', () => {
      const before = structuredClone(rfc);
      const result = desugar(rfc);
      expect(result.diagnostics).toEqual([]);
      expect(result.template).toEqual(sam);
      expect(rfc).toEqual(before);
    });

    it('lowers to exactly what its SAM twin lowers to', () => {
      const ours = transform(rfc);
      const theirs = transform(sam);
      expect(theirs.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
      expect(theirs.fragment).toBeDefined();
      expect(ours.fragment).toEqual(theirs.fragment);
      expect(ours.diagnostics.map((d) => d.code)).toEqual(theirs.diagnostics.map((d) => d.code));
    });

    it('returns the SAM twin itself, untouched', () => {
      const result = desugar(sam);
      expect(result.diagnostics).toEqual([]);
      expect(result.template).toBe(sam);
    });
  });
});
