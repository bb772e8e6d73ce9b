import { beforeAll, describe, expect, it } from 'vitest';
import { type EvalReport, evaluate } from './evaluate.js';

let report: EvalReport;

beforeAll(async () => {
  report = await evaluate();
});

describe('answer quality on the evaluation set', () => {
  it('puts the answering passage first for at least 95% of the questions', () => {
    expect(report.factdesk.top1).toBeGreaterThanOrEqual(0.95);
  });

  it('cites the asked figure first for at least 95% of the questions that ask for one', () => {
    expect(report.factdesk.figure).toBeGreaterThanOrEqual(0.95);
  });

  it('declines at least 90% of the off-topic questions', () => {
    expect(report.factdesk.offTopic).toBeGreaterThanOrEqual(0.9);
  });

  it('beats plain MiniSearch on the same passages', () => {
    expect(report.factdesk.top1).toBeGreaterThan(report.baseline.top1);
    expect(report.factdesk.figure).toBeGreaterThan(report.baseline.figure);
  });
});
