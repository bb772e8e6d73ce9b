import { Gauge, type Registry } from 'prom-client';
import type { InsightsRecorder } from './recorder.js';

/**
 * Adds the question log's counters to a Prometheus registry: rows written, batches that failed
 * (a database down: answers go on) and rows given up on. Nothing is added with insights off.
 */
export function registerInsightsMetrics(registry: Registry, recorder: InsightsRecorder | undefined): void {
  if (!recorder) return;
  const counters = [
    [
      'factdesk_insights_rows_written_total',
      'Question and feedback rows written to the insights store',
      'written',
    ],
    [
      'factdesk_insights_write_failures_total',
      'Batches the insights store failed to write (retried)',
      'failures',
    ],
    [
      'factdesk_insights_rows_dropped_total',
      'Rows dropped while the insights store stayed unreachable',
      'dropped',
    ],
  ] as const;
  for (const [name, help, field] of counters) {
    // A gauge read from the recorder on each scrape (its counts only grow, like a counter's).
    new Gauge({
      name,
      help,
      registers: [registry],
      collect() {
        this.set(recorder[field]);
      },
    });
  }
}
