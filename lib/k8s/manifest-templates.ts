/** A manifest to start from on the Create page. */
export interface ManifestTemplate {
  id: string;
  label: string;
  text: string;
}

/** The smallest useful object of each common kind (the chapter's own manifests come from fixtures/). */
export const MINIMAL_TEMPLATES: readonly ManifestTemplate[] = [
  { id: 'pod', label: 'Pod', text: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: my-pod\nspec:\n  containers:\n  - name: main\n    image: luksa/kubia\n' },
  {
    id: 'deployment',
    label: 'Deployment',
    text: 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: my-deployment\nspec:\n  replicas: 1\n  selector:\n    matchLabels:\n      app: my-app\n  template:\n    metadata:\n      labels:\n        app: my-app\n    spec:\n      containers:\n      - name: main\n        image: luksa/kubia\n',
  },
  { id: 'service', label: 'Service', text: 'apiVersion: v1\nkind: Service\nmetadata:\n  name: my-service\nspec:\n  selector:\n    app: my-app\n  ports:\n  - port: 80\n    targetPort: 8080\n' },
  { id: 'configmap', label: 'ConfigMap', text: 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: my-config\ndata:\n  key: value\n' },
  { id: 'namespace', label: 'Namespace', text: 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: my-namespace\n' },
];
