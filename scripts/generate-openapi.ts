// Generates the embedded cluster's OpenAPI component schemas for the kinds it serves.
// Usage: npx tsx scripts/generate-openapi.ts
//
// Sources (both from the npm registry; nothing is added to package.json):
//  - kubernetes-types@1.30.0, fetched with `npm pack` into a temp dir: the Kubernetes API types as
//    TypeScript declarations, generated from the upstream swagger.json, keeping every field's
//    description, which fields are required (no `?`) and the apiVersion/kind literals (our GVKs).
//  - @kubernetes/client-node (already a dependency): its generated models' attributeTypeMap carries
//    the OpenAPI `format` (int32, int64, double, byte, date-time) that the declarations erase to `number`/`string`.
// No registry package ships the `x-kubernetes-list-type` / `x-kubernetes-patch-*` markers, so
// `server/embedded-cluster/openapi/curated-markers.ts` curates them from the k8s.io/api 1.32 `+listType`/`+patchMergeKey` markers.
//
// Output: server/embedded-cluster/openapi/generated/schemas.json, OpenAPI v3 `components.schemas`
// (refs as `#/components/schemas/...`, wrapped in `allOf` beside a description, as kube-openapi does).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname, resolve } from 'node:path';
import { pathToFileURL, fileURLToPath } from 'node:url';
import ts from 'typescript';
import { FIELD_EXTENSIONS, EXTRA_GVKS, SYNTHETIC_SCHEMAS, V3_ONE_OF_TYPES } from '@/server/embedded-cluster/openapi/curated-markers';

const TYPES_PACKAGE = 'kubernetes-types@1.30.0';
const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const outFile = join(repoRoot, 'server/embedded-cluster/openapi/generated/schemas.json');

/** kubernetes-types module path -> OpenAPI definition-name prefix. */
const MODULE_PREFIX: Record<string, string> = {
  'core/v1': 'io.k8s.api.core.v1',
  'apps/v1': 'io.k8s.api.apps.v1',
  'rbac/v1': 'io.k8s.api.rbac.v1',
  'networking/v1': 'io.k8s.api.networking.v1',
  'policy/v1': 'io.k8s.api.policy.v1',
  'meta/v1': 'io.k8s.apimachinery.pkg.apis.meta.v1',
  'api/resource': 'io.k8s.apimachinery.pkg.api.resource',
  runtime: 'io.k8s.apimachinery.pkg.runtime',
};

const ROOTS = [
  ...['Namespace', 'Pod', 'Node', 'Event', 'Service', 'ConfigMap', 'Secret', 'ServiceAccount', 'ResourceQuota', 'LimitRange'].flatMap((k) => [
    `io.k8s.api.core.v1.${k}`,
    `io.k8s.api.core.v1.${k}List`,
  ]),
  ...['Deployment', 'ReplicaSet'].flatMap((k) => [`io.k8s.api.apps.v1.${k}`, `io.k8s.api.apps.v1.${k}List`]),
  ...['Ingress', 'IngressClass'].flatMap((k) => [`io.k8s.api.networking.v1.${k}`, `io.k8s.api.networking.v1.${k}List`]),
  ...['PodDisruptionBudget'].flatMap((k) => [`io.k8s.api.policy.v1.${k}`, `io.k8s.api.policy.v1.${k}List`]),
  ...['ClusterRole', 'ClusterRoleBinding', 'Role', 'RoleBinding'].flatMap((k) => [`io.k8s.api.rbac.v1.${k}`, `io.k8s.api.rbac.v1.${k}List`]),
  ...['Status', 'DeleteOptions', 'WatchEvent', 'Patch'].map((k) => `io.k8s.apimachinery.pkg.apis.meta.v1.${k}`),
];

const INT_OR_STRING = 'io.k8s.apimachinery.pkg.util.intstr.IntOrString';

type Schema = Record<string, unknown>;
interface Decl {
  name: string;
  node: ts.InterfaceDeclaration | ts.TypeAliasDeclaration;
  source: ts.SourceFile;
  imports: Map<string, string>;
}

function fetchTypesPackage(): string {
  const dir = mkdtempSync(join(tmpdir(), 'k8s-types-'));
  const file = execFileSync('npm', ['pack', TYPES_PACKAGE, '--silent', '--pack-destination', dir], { encoding: 'utf8' }).trim();
  execFileSync('tar', ['xzf', join(dir, file.split('\n').pop()!), '-C', dir]);
  return join(dir, 'package');
}

/** The last JSDoc block before a node, with its `*` gutters removed; blank gutter lines are paragraph breaks. */
function docOf(node: ts.Node, source: ts.SourceFile): string {
  const ranges = ts.getLeadingCommentRanges(source.text, node.pos) ?? [];
  const last = ranges.filter((r) => source.text.startsWith('/**', r.pos)).pop();
  if (!last) return '';
  const body = source.text.slice(last.pos + 3, last.end - 2);
  return body
    .split('\n')
    .map((line) => line.replace(/^\s*\* ?/, ''))
    .join('\n')
    .trim();
}

function loadDeclarations(pkgDir: string): Map<string, Decl> {
  const decls = new Map<string, Decl>();
  for (const [mod, prefix] of Object.entries(MODULE_PREFIX)) {
    const text = readFileSync(join(pkgDir, `${mod}.d.ts`), 'utf8');
    const source = ts.createSourceFile(`${mod}.d.ts`, text, ts.ScriptTarget.ES2022, true);
    const imports = new Map<string, string>();
    for (const stmt of source.statements) {
      if (ts.isImportDeclaration(stmt) && ts.isStringLiteral(stmt.moduleSpecifier)) {
        const target = join(dirname(mod), stmt.moduleSpecifier.text).replace(/\\/g, '/');
        for (const el of (stmt.importClause?.namedBindings as ts.NamedImports | undefined)?.elements ?? []) {
          imports.set(el.name.text, target);
        }
      } else if (ts.isInterfaceDeclaration(stmt) || ts.isTypeAliasDeclaration(stmt)) {
        decls.set(`${prefix}.${stmt.name.text}`, { name: stmt.name.text, node: stmt, source, imports });
      }
    }
    for (const decl of decls.values()) if (decl.source === source) decl.imports.set('__self', mod);
  }
  return decls;
}

/** Field formats from client-node's generated models, keyed by `V1Kind.field`. */
async function loadFormats(): Promise<Map<string, string>> {
  const dir = join(repoRoot, 'node_modules/@kubernetes/client-node/dist/gen/models');
  const formats = new Map<string, string>();
  // Core, apps and meta v1 models are `V1<Kind>`; the core Event is `CoreV1Event` (events.k8s.io has its own).
  for (const file of readdirSync(dir)) {
    const m = /^(V1|CoreV1)(\w+)\.js$/.exec(file);
    if (!m) continue;
    const mod = await import(pathToFileURL(join(dir, file)).href);
    const cls = mod[file.replace(/\.js$/, '')];
    for (const attr of cls?.attributeTypeMap ?? []) {
      if (attr.format) formats.set(`${m[2]}.${attr.baseName}`, attr.format);
    }
  }
  return formats;
}

/** A v3 `oneOf` type keeps its description and format but has no `type` (see V3_ONE_OF_TYPES). */
function withOneOf(name: string, schema: Schema): Schema {
  const types = V3_ONE_OF_TYPES[name];
  if (!types) return schema;
  const { type: _v2Type, ...rest } = schema;
  return { ...rest, oneOf: types.map((type) => ({ type })) };
}

class Generator {
  readonly schemas: Record<string, Schema> = {};
  private readonly queue: string[] = [];

  constructor(
    private readonly decls: Map<string, Decl>,
    private readonly formats: Map<string, string>,
  ) {}

  run(roots: string[]): Record<string, Schema> {
    this.queue.push(...roots);
    while (this.queue.length) {
      const name = this.queue.shift()!;
      if (this.schemas[name]) continue;
      this.schemas[name] = withOneOf(name, SYNTHETIC_SCHEMAS[name] ?? this.build(name));
    }
    return Object.fromEntries(Object.entries(this.schemas).sort(([a], [b]) => a.localeCompare(b)));
  }

  private build(name: string): Schema {
    const decl = this.decls.get(name);
    if (!decl) throw new Error(`no declaration for ${name}`);
    const description = docOf(decl.node, decl.source);
    if (ts.isTypeAliasDeclaration(decl.node)) return this.alias(name, description);
    const props: Record<string, Schema> = {};
    const required: string[] = [];
    const literals: Record<string, string> = {};
    for (const member of decl.node.members) {
      if (!ts.isPropertySignature(member) || !member.type) continue;
      const field = member.name.getText(decl.source).replace(/^["']|["']$/g, '');
      if (!member.questionToken) required.push(field);
      if (ts.isLiteralTypeNode(member.type) && ts.isStringLiteral(member.type.literal)) {
        literals[field] = member.type.literal.text;
      }
      const prop = this.typeSchema(member.type, decl, `${decl.name}.${field}`);
      const doc = docOf(member, decl.source);
      props[field] = withDescription(prop, doc);
      Object.assign(props[field], FIELD_EXTENSIONS[`${name}.${field}`] ?? {});
    }
    const schema: Schema = { description, type: 'object' };
    if (Object.keys(props).length) schema.properties = props;
    if (required.length) schema.required = required.sort();
    const gvks = EXTRA_GVKS[name] ?? (literals.kind && literals.apiVersion ? [gvkOf(literals.apiVersion, literals.kind)] : undefined);
    if (gvks) schema['x-kubernetes-group-version-kind'] = gvks;
    return schema;
  }

  private alias(name: string, description: string): Schema {
    if (name.endsWith('.Time')) return { description, type: 'string', format: 'date-time' };
    if (name.endsWith('.MicroTime')) return { description, type: 'string', format: 'date-time' };
    if (name.endsWith('.Quantity')) return { description, type: 'string' };
    throw new Error(`unhandled alias ${name}`);
  }

  private ref(name: string): Schema {
    this.queue.push(name);
    return { $ref: `#/components/schemas/${name}` };
  }

  private typeSchema(type: ts.TypeNode, decl: Decl, formatKey: string): Schema {
    if (ts.isUnionTypeNode(type)) {
      const kinds = type.types.map((t) => t.kind).sort();
      if (kinds.includes(ts.SyntaxKind.NumberKeyword) && kinds.includes(ts.SyntaxKind.StringKeyword)) return this.ref(INT_OR_STRING);
      throw new Error(`unhandled union at ${formatKey}`);
    }
    if (ts.isLiteralTypeNode(type)) return { type: 'string' };
    switch (type.kind) {
      case ts.SyntaxKind.StringKeyword: {
        const format = this.formats.get(formatKey);
        return format === 'byte' ? { type: 'string', format } : { type: 'string' };
      }
      case ts.SyntaxKind.BooleanKeyword:
        return { type: 'boolean' };
      case ts.SyntaxKind.NumberKeyword: {
        const format = this.formats.get(formatKey);
        return format === 'double' ? { type: 'number', format } : { type: 'integer', format: format || 'int32' };
      }
    }
    if (ts.isTypeLiteralNode(type)) {
      const index = type.members.find(ts.isIndexSignatureDeclaration);
      if (index?.type) return { type: 'object', additionalProperties: this.typeSchema(index.type, decl, formatKey) };
    }
    if (ts.isArrayTypeNode(type)) return { type: 'array', items: this.typeSchema(type.elementType, decl, formatKey) };
    if (ts.isTypeReferenceNode(type)) {
      const refName = type.typeName.getText(decl.source);
      if (refName === 'Array' && type.typeArguments?.length === 1) {
        return { type: 'array', items: this.typeSchema(type.typeArguments[0], decl, formatKey) };
      }
      const mod = decl.imports.get(refName) ?? decl.imports.get('__self')!;
      const prefix = MODULE_PREFIX[mod];
      if (!prefix) throw new Error(`unknown module ${mod} for ${refName} at ${formatKey}`);
      return this.ref(`${prefix}.${refName}`);
    }
    throw new Error(`unhandled type ${ts.SyntaxKind[type.kind]} at ${formatKey}`);
  }
}

/** kube-openapi wraps a `$ref` that has siblings (a description) in `allOf`, since v3 ignores `$ref` siblings. */
function withDescription(prop: Schema, description: string): Schema {
  if (!description) return prop;
  if (prop.$ref) return { allOf: [prop], description };
  return { ...prop, description };
}

function gvkOf(apiVersion: string, kind: string) {
  const [group, version] = apiVersion.includes('/') ? apiVersion.split('/') : ['', apiVersion];
  return { group, kind, version };
}

async function main() {
  const pkgDir = fetchTypesPackage();
  const schemas = new Generator(loadDeclarations(pkgDir), await loadFormats()).run(ROOTS);
  const missing = Object.keys(FIELD_EXTENSIONS).filter((key) => {
    const cut = key.lastIndexOf('.');
    const props = schemas[key.slice(0, cut)]?.properties as Record<string, unknown> | undefined;
    return !props?.[key.slice(cut + 1)];
  });
  if (missing.length) throw new Error(`extensions for unknown fields: ${missing.join(', ')}`);
  mkdirSync(dirname(outFile), { recursive: true });
  const doc = { source: `${TYPES_PACKAGE} + @kubernetes/client-node formats + curated 1.32 list/patch markers`, schemas };
  writeFileSync(outFile, `${JSON.stringify(doc, null, 1)}\n`);
  console.log(`wrote ${Object.keys(schemas).length} schemas to ${outFile}`);
}

await main();
