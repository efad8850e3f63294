/** deploy/ as the deploy tests read it: each overlay rendered by kubectl's own kustomize, then parsed. */
import { execFile } from 'node:child_process';
import assert from 'node:assert/strict';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { parseAllDocuments } from 'yaml';
import { kubectlBinary } from '../embedded-cluster/testing/kubectl';

// Rendered manifests are walked by path; a missing field fails the assertion that reads it.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Obj = Record<string, any>;

export const DEPLOY = resolve('deploy');
export const OVERLAYS = ['proxy', 'oidc', 'token'] as const;
export type Overlay = (typeof OVERLAYS)[number];
export const NAMESPACE = 'pilothouse';

export const overlayPath = (overlay: string) => join(DEPLOY, 'overlays', overlay);

/** `kubectl kustomize <dir>`, parsed into objects; kustomize needs no cluster. */
export async function render(dir: string): Promise<Obj[]> {
  const { stdout } = await promisify(execFile)(kubectlBinary(), ['kustomize', dir], { timeout: 30_000 });
  return parseAllDocuments(stdout).map((doc) => doc.toJS() as Obj);
}

export const ofKind = (objects: Obj[], kind: string) => objects.filter((o) => o.kind === kind);

export const consoleContainer = (deployment: Obj): Obj => deployment.spec.template.spec.containers.find((c: Obj) => c.name === 'pilothouse');

/** The container's env as the process sees it, with each Secret reference standing for a value of that Secret. */
export function processEnv(container: Obj): Record<string, string> {
  const env: Record<string, string> = {};
  for (const entry of container.env as Obj[]) {
    if (entry.valueFrom) assert.ok(entry.valueFrom.secretKeyRef?.name, `${entry.name} comes from a Secret`);
    env[entry.name] = entry.valueFrom ? 's'.repeat(44) : entry.value;
  }
  return env;
}
