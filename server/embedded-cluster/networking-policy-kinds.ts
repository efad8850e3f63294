/**
 * networking.k8s.io/v1 Ingresses and IngressClasses and policy/v1 PodDisruptionBudgets, as rows of the
 * served-kinds table (`kinds.ts` adds them after apps). They are stored, validated and printed as
 * kube-apiserver does, so manifests that carry them (`deploy/`) apply here as against a real cluster.
 * No ingress controller acts on Ingresses; the disruption controller counts budgets (`controllers/disruption.ts`).
 */
import type { KindSpec } from './kinds';
import { isPlainObject } from './types';
import { validateIngress, validateIngressClass } from './validate/ingress';
import { validatePodDisruptionBudget } from './validate/pod-disruption-budget';

const STATUS = { name: 'status', verbs: ['get', 'patch', 'update'] };

export const NETWORKING_POLICY_KINDS: KindSpec[] = [
  {
    group: 'networking.k8s.io',
    version: 'v1',
    kind: 'IngressClass',
    resource: 'ingressclasses',
    singular: 'ingressclass',
    namespaced: false,
    nameRule: 'subdomain',
    subresources: [],
    validateCreate: (c) => validateIngressClass(c),
    validateUpdate: (c) => validateIngressClass(c),
  },
  {
    group: 'networking.k8s.io',
    version: 'v1',
    kind: 'Ingress',
    resource: 'ingresses',
    singular: 'ingress',
    namespaced: true,
    shortNames: ['ing'],
    nameRule: 'subdomain',
    tracksGeneration: true,
    subresources: [STATUS],
    // The non-pointer IngressStatus and its LoadBalancer are encoded even when empty.
    defaults: (ing) => {
      const status = isPlainObject(ing.status) ? ing.status : {};
      ing.status = { ...status, loadBalancer: isPlainObject(status.loadBalancer) ? status.loadBalancer : {} };
    },
    validateCreate: (ing) => validateIngress(ing),
    validateUpdate: (ing) => validateIngress(ing),
  },
  {
    group: 'policy',
    version: 'v1',
    kind: 'PodDisruptionBudget',
    resource: 'poddisruptionbudgets',
    singular: 'poddisruptionbudget',
    namespaced: true,
    shortNames: ['pdb'],
    nameRule: 'subdomain',
    tracksGeneration: true,
    subresources: [STATUS],
    // PodDisruptionBudgetStatus's four counts have no omitempty: a new budget reads back zeros until the
    // disruption controller (controllers/disruption.ts) fills them. Fields in the Go struct's order.
    defaults: (pdb) => {
      const { observedGeneration, disruptedPods, disruptionsAllowed = 0, currentHealthy = 0, desiredHealthy = 0, expectedPods = 0, ...rest } = isPlainObject(pdb.status) ? pdb.status : {};
      pdb.status = {
        ...(observedGeneration === undefined ? {} : { observedGeneration }),
        ...(disruptedPods === undefined ? {} : { disruptedPods }),
        disruptionsAllowed,
        currentHealthy,
        desiredHealthy,
        expectedPods,
        ...rest,
      };
    },
    validateCreate: (pdb) => validatePodDisruptionBudget(pdb),
    validateUpdate: (pdb) => validatePodDisruptionBudget(pdb),
  },
];
