import { randomInt } from 'node:crypto';
import { isPlainObject } from '../types';

type Obj = Record<string, unknown>;

/**
 * Service defaulting (SetDefaults_Service) plus the allocations the service REST storage does on
 * create: a ClusterIP from the default 10.96.0.0/12 service CIDR (headless services, `clusterIP: None`,
 * keep it), and for NodePort and LoadBalancer services a node port per service port from the default
 * 30000-32767 range (`kubectl get svc` shows `8080:31348/TCP`).
 */
export function defaultService(service: Obj): void {
  if (!isPlainObject(service.spec)) service.spec = {};
  const spec = service.spec as Obj;
  spec.type ??= 'ClusterIP';
  spec.sessionAffinity ??= 'None';
  if (spec.type !== 'ExternalName') {
    spec.clusterIP ??= `10.${96 + randomInt(16)}.${randomInt(256)}.${1 + randomInt(254)}`;
    spec.clusterIPs ??= [spec.clusterIP];
    spec.ipFamilies ??= ['IPv4'];
    spec.ipFamilyPolicy ??= 'SingleStack';
    spec.internalTrafficPolicy ??= 'Cluster';
  }
  const exposed = spec.type === 'NodePort' || spec.type === 'LoadBalancer';
  if (exposed) spec.externalTrafficPolicy ??= 'Cluster';
  if (spec.type === 'LoadBalancer') spec.allocateLoadBalancerNodePorts ??= true;
  const ports = Array.isArray(spec.ports) ? spec.ports.filter(isPlainObject) : [];
  const allocate = exposed && spec.allocateLoadBalancerNodePorts !== false;
  for (const port of ports) {
    port.protocol ??= 'TCP';
    // targetPort defaults to the service port (SetDefaults_Service).
    port.targetPort ??= port.port;
    if (allocate) port.nodePort ??= 30000 + randomInt(2768);
  }
  if (!isPlainObject(service.status)) service.status = { loadBalancer: {} };
}
