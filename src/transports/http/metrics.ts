import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import type { KnowledgeHolder } from '../../runtime/knowledge-holder.js';
import type { SignatureFailure } from './verify.js';

/** The interaction type a request carried, as a metric label. */
export type InteractionLabel =
  | 'ping'
  | 'application_command'
  | 'autocomplete'
  | 'message_component'
  | 'unsupported'
  | 'none';

/** How a request ended, as a metric label. */
export type Outcome =
  | 'inline'
  | 'deferred'
  | 'rate_limited'
  | 'unsupported'
  | 'unauthorized'
  | 'too_large'
  | 'bad_request'
  | 'error';

/**
 * The endpoint's Prometheus metrics, in a registry of its own (never prom-client's global one), so
 * two servers in one process, as in the tests, count separately.
 */
export interface HttpMetrics {
  registry: Registry;
  requests: Counter<'type' | 'outcome'>;
  latency: Histogram<'type'>;
  questions: Counter<'answered'>;
  signatureFailures: Counter<'reason'>;
  followUps: Counter<'outcome'>;
}

export function createMetrics(
  knowledge: KnowledgeHolder,
  options: { defaultMetrics?: boolean } = {},
): HttpMetrics {
  const registry = new Registry();
  if (options.defaultMetrics ?? true) collectDefaultMetrics({ register: registry });
  const requests = new Counter({
    name: 'factdesk_interaction_requests_total',
    help: 'POST /interactions requests, by interaction type and outcome',
    labelNames: ['type', 'outcome'] as const,
    registers: [registry],
  });
  const latency = new Histogram({
    name: 'factdesk_interaction_response_seconds',
    help: 'Time from the request to the first response sent to Discord, by interaction type',
    labelNames: ['type'] as const,
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2, 3],
    registers: [registry],
  });
  const questions = new Counter({
    name: 'factdesk_questions_total',
    help: 'Questions (ask, figure, Find in factdesk, More) by whether the knowledge answered them',
    labelNames: ['answered'] as const,
    registers: [registry],
  });
  const signatureFailures = new Counter({
    name: 'factdesk_signature_failures_total',
    help: 'Requests refused with 401, by reason (missing, malformed, stale, invalid)',
    labelNames: ['reason'] as const,
    registers: [registry],
  });
  const followUps = new Counter({
    name: 'factdesk_deferred_edits_total',
    help: 'Answers sent by webhook after a deferral, by outcome (ok, failed)',
    labelNames: ['outcome'] as const,
    registers: [registry],
  });
  const gauges = [
    ['documents', 'Documents in the knowledge now serving'],
    ['passages', 'Passages in the knowledge now serving'],
    ['figures', 'Figures in the knowledge now serving'],
  ] as const;
  for (const [what, help] of gauges) {
    new Gauge({
      name: `factdesk_knowledge_${what}`,
      help,
      registers: [registry],
      collect() {
        this.set(knowledge.get()[what].length);
      },
    });
  }
  // Make the failure reasons visible as zero before the first one happens.
  for (const reason of ['missing', 'malformed', 'stale', 'invalid'] satisfies SignatureFailure[]) {
    signatureFailures.inc({ reason }, 0);
  }
  return { registry, requests, latency, questions, signatureFailures, followUps };
}
