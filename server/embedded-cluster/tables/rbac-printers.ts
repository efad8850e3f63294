import { translateTimestampSince } from '@/lib/k8s/duration';
import { ageColumn, at, column, list, nameColumn, record, str, type Printer } from './printer';

// printers.go printRoleBinding / printClusterRoleBinding: ROLE is `<kind>/<name>`; the wide columns list
// the subjects by kind (service accounts as namespace/name), as rbac.SubjectsStrings does.
function bindingPrinter(binding: string, roleRefDoc: string): Printer {
  return {
    columns: [
      nameColumn(),
      column('Role', roleRefDoc),
      ageColumn(),
      column('Users', `Users in the ${binding}`, { priority: 1 }),
      column('Groups', `Groups in the ${binding}`, { priority: 1 }),
      column('ServiceAccounts', `ServiceAccounts in the ${binding}`, { priority: 1 }),
    ],
    row: (obj, now) => {
      const subjects = list(at(obj, 'subjects')).map(record);
      const named = (kind: string) =>
        subjects
          .filter((s) => s.kind === kind)
          .map((s) => (kind === 'ServiceAccount' ? `${str(s.namespace)}/${str(s.name)}` : str(s.name)))
          .join(', ');
      return {
        cells: [
          str(at(obj, 'metadata', 'name')),
          `${str(at(obj, 'roleRef', 'kind'))}/${str(at(obj, 'roleRef', 'name'))}`,
          translateTimestampSince(str(at(obj, 'metadata', 'creationTimestamp')), now),
          named('User'),
          named('Group'),
          named('ServiceAccount'),
        ],
      };
    },
  };
}

export const rolebindings = bindingPrinter(
  'roleBinding',
  'RoleRef can reference a Role in the current namespace or a ClusterRole in the global namespace. If the RoleRef cannot be resolved, the Authorizer must return an error. This field is immutable.',
);

export const clusterrolebindings = bindingPrinter(
  'clusterRoleBinding',
  'RoleRef can only reference a ClusterRole in the global namespace. If the RoleRef cannot be resolved, the Authorizer must return an error. This field is immutable.',
);
