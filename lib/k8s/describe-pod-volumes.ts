/**
 * The Volumes block of `kubectl describe pod` (`describeVolumes` and its `print*VolumeSource` helpers)
 * for the volume sources a console user meets; any other source prints `<unknown>` as kubectl's default.
 */

import { byteCompare, goBool } from '@/lib/k8s/describe-pod-format';
import type { DescribeRow, DescribeVolume } from '@/lib/k8s/describe-pod-model';
import type { Volume } from '@/lib/k8s/describe-pod-types';

const row = (label: string, value: string): DescribeRow => ({ label, value });

function projectedRows(projected: NonNullable<Volume['projected']>): DescribeRow[] {
  const rows = [row('Type', 'Projected (a volume that contains injected data from multiple sources)')];
  for (const source of projected.sources ?? []) {
    if (source.secret) rows.push(row('SecretName', source.secret.name ?? ''), row('Optional', goBool(source.secret.optional)));
    else if (source.downwardAPI) rows.push(row('DownwardAPI', 'true'));
    else if (source.configMap) rows.push(row('ConfigMapName', source.configMap.name ?? ''), row('Optional', goBool(source.configMap.optional)));
    else if (source.serviceAccountToken) rows.push(row('TokenExpirationSeconds', String(source.serviceAccountToken.expirationSeconds ?? 3600)));
  }
  return rows;
}

function sourceRows(volume: Volume): DescribeRow[] {
  if (volume.hostPath) {
    return [
      row('Type', 'HostPath (bare host directory volume)'),
      row('Path', volume.hostPath.path),
      row('HostPathType', volume.hostPath.type || '<none>'),
    ];
  }
  if (volume.emptyDir) {
    return [
      row('Type', "EmptyDir (a temporary directory that shares a pod's lifetime)"),
      row('Medium', volume.emptyDir.medium ?? ''),
      row('SizeLimit', volume.emptyDir.sizeLimit && !/^0+(\D.*)?$/.test(volume.emptyDir.sizeLimit) ? volume.emptyDir.sizeLimit : '<unset>'),
    ];
  }
  if (volume.secret) {
    return [row('Type', 'Secret (a volume populated by a Secret)'), row('SecretName', volume.secret.secretName ?? ''), row('Optional', goBool(volume.secret.optional))];
  }
  if (volume.configMap) {
    return [row('Type', 'ConfigMap (a volume populated by a ConfigMap)'), row('Name', volume.configMap.name ?? ''), row('Optional', goBool(volume.configMap.optional))];
  }
  if (volume.nfs) {
    return [
      row('Type', 'NFS (an NFS mount that lasts the lifetime of a pod)'),
      row('Server', volume.nfs.server),
      row('Path', volume.nfs.path),
      row('ReadOnly', goBool(volume.nfs.readOnly)),
    ];
  }
  if (volume.persistentVolumeClaim) {
    return [
      row('Type', 'PersistentVolumeClaim (a reference to a PersistentVolumeClaim in the same namespace)'),
      row('ClaimName', volume.persistentVolumeClaim.claimName),
      row('ReadOnly', goBool(volume.persistentVolumeClaim.readOnly)),
    ];
  }
  if (volume.ephemeral) {
    return [row('Type', 'EphemeralVolume (an inline specification for a volume that gets created and deleted with the pod)')];
  }
  if (volume.downwardAPI) {
    const items = (volume.downwardAPI.items ?? []).map((item) => `${item.fieldRef?.fieldPath ?? item.resourceFieldRef?.resource ?? ''} -> ${item.path}`);
    return [row('Type', 'DownwardAPI (a volume populated by information about the pod)'), { label: 'Items', value: items.length ? items : '<none>' }];
  }
  if (volume.projected) return projectedRows(volume.projected);
  if (volume.csi) {
    const attributes = Object.keys(volume.csi.volumeAttributes ?? {})
      .sort(byteCompare)
      .map((key) => `${key}=${volume.csi!.volumeAttributes![key]}`);
    return [
      row('Type', 'CSI (a Container Storage Interface (CSI) volume source)'),
      row('Driver', volume.csi.driver),
      row('FSType', volume.csi.fsType ?? ''),
      row('ReadOnly', goBool(volume.csi.readOnly)),
      { label: 'VolumeAttributes', value: attributes.length ? attributes : '<none>' },
    ];
  }
  if (volume.image) {
    return [
      row('Type', 'Image (a container image or OCI artifact)'),
      row('Reference', volume.image.reference ?? ''),
      row('PullPolicy', volume.image.pullPolicy ?? ''),
    ];
  }
  return [row('Type', '<unknown>')];
}

/** Each volume with its source's rows, in spec order. */
export function describeVolumes(volumes: Volume[] | undefined): DescribeVolume[] {
  return (volumes ?? []).map((volume) => ({ name: volume.name, rows: sourceRows(volume) }));
}
