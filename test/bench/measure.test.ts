import { quantile } from '../../bench/measure';

describe('quantile', () => {
  it.each([
    [[4, 1, 3, 2], 0.25, 1.75],
    [[4, 1, 3, 2], 0.5, 2.5],
    [[4, 1, 3, 2], 0.75, 3.25],
    [[4, 1, 3, 2], 0, 1],
    [[4, 1, 3, 2], 1, 4],
    [[7], 0.25, 7],
  ])('of %p at %p is %p (linear between sorted values)', (xs, q, want) => {
    expect(quantile(xs, q)).toBeCloseTo(want, 12);
  });

  it('is NaN for no values', () => {
    expect(quantile([], 0.5)).toBeNaN();
  });
});
