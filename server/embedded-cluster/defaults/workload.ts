import { isPlainObject } from '../types';
import { defaultPodSpec } from './pod';

type Obj = Record<string, unknown>;

/** apps/v1 Deployment defaults (pkg/apis/apps/v1/defaults.go SetDefaults_Deployment). */
export function defaultDeployment(deployment: Obj): void {
  const spec = objectAt(deployment, 'spec');
  spec.replicas ??= 1;
  const strategy = objectAt(spec, 'strategy');
  strategy.type ??= 'RollingUpdate';
  if (strategy.type === 'RollingUpdate') {
    const rolling = objectAt(strategy, 'rollingUpdate');
    rolling.maxUnavailable ??= '25%';
    rolling.maxSurge ??= '25%';
  }
  spec.revisionHistoryLimit ??= 10;
  spec.progressDeadlineSeconds ??= 600;
  defaultTemplate(spec);
  deployment.status ??= {};
}

/** apps/v1 ReplicaSet defaults (SetDefaults_ReplicaSet). */
export function defaultReplicaSet(replicaSet: Obj): void {
  const spec = objectAt(replicaSet, 'spec');
  spec.replicas ??= 1;
  defaultTemplate(spec);
  replicaSet.status ??= { replicas: 0 };
}

function defaultTemplate(spec: Obj): void {
  const template = objectAt(spec, 'template');
  objectAt(template, 'metadata');
  defaultPodSpec(objectAt(template, 'spec'));
}

function objectAt(parent: Obj, key: string): Obj {
  if (!isPlainObject(parent[key])) parent[key] = {};
  return parent[key] as Obj;
}
