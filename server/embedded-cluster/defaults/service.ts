import { randomInt } from 'node:crypto';
import { isPlainObject } from '../types';

type Obj = Record<string, unknown>;

/**
 * Service defaulting (SetDefaults_Service) plus the ClusterIP allocation the service REST storage does
 * on create, from the default 10.96.0.0/12 service CIDR. Headless services (`clusterIP: None`) keep it.
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
  const ports = Array.isArray(spec.ports) ? spec.ports.filter(isPlainObject) : [];
  for (const port of ports) {
    port.protocol ??= 'TCP';
    // targetPort defaults to the service port (SetDefaults_Service).
    port.targetPort ??= port.port;
  }
  if (!isPlainObject(service.status)) service.status = { loadBalancer: {} };
}
