import { Z95, newcombeDifference, welchDifference, wilsonInterval } from '../../../src/scores/summary/summary-statistics';

/** The bounds of Wilson's interval found independently: the p where |p̂ − p| = z·√(p(1 − p)/n), by bisection. */
function wilsonByBisection(passed: number, count: number): [number, number] {
  const observed = passed / count;
  const outside = (p: number) => Math.abs(observed - p) - Z95 * Math.sqrt((p * (1 - p)) / count);
  /** The bound between `inside` (where |p̂ − p| is within the margin) and `beyond`. */
  const root = (inside: number, beyond: number) => {
    for (let step = 0; step < 200; step++) {
      const middle = (inside + beyond) / 2;
      if (outside(middle) > 0) beyond = middle;
      else inside = middle;
    }
    return (inside + beyond) / 2;
  };
  return [observed === 0 ? 0 : root(observed, 0), observed === 1 ? 1 : root(observed, 1)];
}

const mean = (values: number[]) => values.reduce((sum, value) => sum + value, 0) / values.length;
const sampleStddev = (values: number[]) => {
  const m = mean(values);
  return Math.sqrt(values.reduce((sum, value) => sum + (value - m) ** 2, 0) / (values.length - 1));
};
const sample = (values: number[]) => ({ count: values.length, mean: mean(values), stddev: sampleStddev(values) });

describe('Wilson score interval', () => {
  // Newcombe (1998), "Two-sided confidence intervals for the single proportion", Table I, method 3.
  it.each([
    [81, 263, 0.2553, 0.3662],
    [15, 148, 0.0624, 0.1605],
    [0, 20, 0, 0.1611],
    [1, 29, 0.0061, 0.1718],
  ])('%i/%i gives the published %f–%f', (passed, count, low, high) => {
    const [lower, upper] = wilsonInterval(passed, count)!;
    expect(lower).toBeCloseTo(low, 4);
    expect(upper).toBeCloseTo(high, 4);
  });

  it('agrees with the bounds solved by bisection', () => {
    for (const [passed, count] of [
      [0, 1],
      [1, 1],
      [3, 7],
      [500, 1000],
      [249_999, 250_000],
    ]) {
      const [lower, upper] = wilsonInterval(passed, count)!;
      const [low, high] = wilsonByBisection(passed, count);
      expect(lower).toBeCloseTo(low, 10);
      expect(upper).toBeCloseTo(high, 10);
    }
  });

  it('has no interval without trials', () => {
    expect(wilsonInterval(0, 0)).toBeNull();
  });
});

describe('Newcombe hybrid score interval for a difference of proportions', () => {
  // Newcombe (1998), "Interval estimation for the difference between independent proportions", Table II, method 10.
  it.each([
    [56, 70, 48, 80, 0.0524, 0.3339],
    [9, 10, 3, 10, 0.1705, 0.809],
  ])('%i/%i − %i/%i gives the published %f–%f', (passed1, count1, passed2, count2, low, high) => {
    // b − a: the published difference is p1 − p2, so sample 1 is b.
    const [lower, upper] = newcombeDifference({ passed: passed2, count: count2 }, { passed: passed1, count: count1 })!;
    expect(lower).toBeCloseTo(low, 4);
    expect(upper).toBeCloseTo(high, 4);
  });

  it('combines the bisected Wilson bounds of each side', () => {
    const [la, ua] = wilsonByBisection(30, 90);
    const [lb, ub] = wilsonByBisection(45, 80);
    const difference = 45 / 80 - 30 / 90;
    const [lower, upper] = newcombeDifference({ passed: 30, count: 90 }, { passed: 45, count: 80 })!;
    expect(lower).toBeCloseTo(difference - Math.sqrt((45 / 80 - lb) ** 2 + (ua - 30 / 90) ** 2), 10);
    expect(upper).toBeCloseTo(difference + Math.sqrt((ub - 45 / 80) ** 2 + (30 / 90 - la) ** 2), 10);
  });

  it('has no interval when a side has no trials', () => {
    expect(newcombeDifference({ passed: 0, count: 0 }, { passed: 1, count: 2 })).toBeNull();
  });
});

describe('Welch t interval for a difference of means', () => {
  // Student's sleep data (Cushny & Peebles); R's t.test(extra ~ group, data = sleep): −3.3654832 to 0.2054832, df 17.776.
  const group1 = [0.7, -1.6, -0.2, -1.2, -0.1, 3.4, 3.7, 0.8, 0.0, 2.0];
  const group2 = [1.9, 0.8, 1.1, 0.1, -0.1, 4.4, 5.5, 1.6, 4.6, 3.4];

  it('gives the textbook interval for the sleep data', () => {
    const [lower, upper] = welchDifference(sample(group2), sample(group1))!;
    expect(lower).toBeCloseTo(-3.3654832, 6);
    expect(upper).toBeCloseTo(0.2054832, 6);
  });

  it('uses the tabulated t quantile when the degrees of freedom are whole (equal sizes and spreads: 2(n − 1))', () => {
    // t(0.975, 10) = 2.228139 (any t table).
    const [lower, upper] = welchDifference({ count: 6, mean: 10, stddev: 2 }, { count: 6, mean: 13, stddev: 2 })!;
    const half = 2.228139 * Math.sqrt(4 / 6 + 4 / 6);
    expect(lower).toBeCloseTo(3 - half, 5);
    expect(upper).toBeCloseTo(3 + half, 5);
  });

  it('is the difference itself without spread, and none below two values a side', () => {
    expect(welchDifference({ count: 3, mean: 1, stddev: 0 }, { count: 4, mean: 2, stddev: 0 })).toEqual([1, 1]);
    expect(welchDifference({ count: 1, mean: 1, stddev: 0 }, { count: 4, mean: 2, stddev: 1 })).toBeNull();
  });
});
