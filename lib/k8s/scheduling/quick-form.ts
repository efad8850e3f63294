/**
 * The scheduling preview's quick form: only what placement depends on (node selector, required node
 * affinity, tolerations, cpu and memory requests, host ports), turned into a pod the preview can run.
 */

import { InvalidQuantityError, tryParseQuantity } from '@/lib/k8s/quantity';
import type { Pod, Toleration } from '@/lib/k8s/types';

export const AFFINITY_OPERATORS = ['In', 'NotIn', 'Exists', 'DoesNotExist', 'Gt', 'Lt'] as const;
export type AffinityOperator = (typeof AFFINITY_OPERATORS)[number];

export interface QuickForm {
  nodeSelector: { key: string; value: string }[];
  /** One required node selector term whose expressions must all hold (ANDed, as within a term). */
  affinity: { key: string; operator: AffinityOperator; values: string }[];
  tolerations: { key: string; operator: 'Equal' | 'Exists'; value: string; effect: '' | 'NoSchedule' | 'PreferNoSchedule' | 'NoExecute' }[];
  cpu: string;
  memory: string;
  hostPorts: string;
}

export const EMPTY_QUICK_FORM: QuickForm = { nodeSelector: [], affinity: [], tolerations: [], cpu: '', memory: '', hostPorts: '' };

const split = (text: string) => text.split(',').map((v) => v.trim()).filter(Boolean);

/** The pod the form describes (named `preview`, one `luksa/kubia` container). */
export function quickFormPod(form: QuickForm): Pod {
  const nodeSelector = Object.fromEntries(form.nodeSelector.filter((p) => p.key.trim()).map((p) => [p.key.trim(), p.value]));
  const expressions = form.affinity
    .filter((e) => e.key.trim())
    .map((e) => ({ key: e.key.trim(), operator: e.operator, ...(e.operator === 'Exists' || e.operator === 'DoesNotExist' ? {} : { values: split(e.values) }) }));
  const tolerations: Toleration[] = form.tolerations
    .filter((t) => t.key.trim() || t.operator === 'Exists')
    .map((t) => ({ ...(t.key.trim() ? { key: t.key.trim() } : {}), operator: t.operator, ...(t.operator === 'Equal' ? { value: t.value } : {}), ...(t.effect ? { effect: t.effect } : {}) }));
  const requests = { ...(form.cpu.trim() ? { cpu: form.cpu.trim() } : {}), ...(form.memory.trim() ? { memory: form.memory.trim() } : {}) };
  const ports = split(form.hostPorts).map((p) => ({ containerPort: Number(p), hostPort: Number(p), protocol: 'TCP' }));
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'preview', namespace: 'default' },
    spec: {
      ...(Object.keys(nodeSelector).length ? { nodeSelector } : {}),
      ...(expressions.length ? { affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchExpressions: expressions }] } } } } : {}),
      ...(tolerations.length ? { tolerations } : {}),
      containers: [{ name: 'kubia', image: 'luksa/kubia', ...(Object.keys(requests).length ? { resources: { requests } } : {}), ...(ports.length ? { ports } : {}) }],
    },
  };
}

/** What is wrong with the form, in the API server's terms; empty when the pod is valid for the preview. */
export function quickFormErrors(form: QuickForm): string[] {
  const errors: string[] = [];
  for (const [name, text] of [['cpu', form.cpu], ['memory', form.memory]] as const) {
    if (text.trim() && !tryParseQuantity(text)) errors.push(`${name} request: ${new InvalidQuantityError(text).message}`);
  }
  for (const port of split(form.hostPorts)) {
    const n = Number(port);
    if (!Number.isInteger(n) || n < 1 || n > 65535) errors.push(`host port ${port}: must be between 1 and 65535, inclusive`);
  }
  for (const e of form.affinity) {
    if (!e.key.trim()) continue;
    const values = split(e.values);
    if ((e.operator === 'In' || e.operator === 'NotIn') && values.length === 0) errors.push(`${e.key}: values must be non-empty when operator is ${e.operator}`);
    if ((e.operator === 'Gt' || e.operator === 'Lt') && (values.length !== 1 || !/^-?\d+$/.test(values[0]))) errors.push(`${e.key}: must be specified single value when operator is ${e.operator} (an integer)`);
  }
  return errors;
}
