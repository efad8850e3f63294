import { translateTimestampSince } from '@/lib/k8s/duration';
import { fromLabelSelectorObject, labelSelectorToString, type LabelSelectorObject } from '@/lib/k8s/label-selector';
import { ageColumn, at, column, int, list, nameColumn, str, swaggerDoc, type Printer } from './printer';

const CONTAINERS = 'Names of each container in the template.';
const IMAGES = 'Images referenced by each container in the template.';

/** printers.go layoutContainerCells: container names and images, each comma-joined. */
function containerCells(obj: unknown): [string, string] {
  const containers = list(at(obj, 'spec', 'template', 'spec', 'containers'));
  return [containers.map((c) => str(at(c, 'name'))).join(','), containers.map((c) => str(at(c, 'image'))).join(',')];
}

/** `LabelSelectorAsSelector(sel).String()`; a selector that does not parse prints as `<invalid>`. */
function selectorString(obj: unknown): string {
  const parsed = fromLabelSelectorObject(at(obj, 'spec', 'selector') as LabelSelectorObject | undefined);
  return parsed.ok ? labelSelectorToString(parsed.selector) : '<invalid>';
}

const age = (obj: unknown, now: Date) => translateTimestampSince(str(at(obj, 'metadata', 'creationTimestamp')), now);
/** spec.replicas as the internal type holds it after defaulting (nil means 1 for both kinds). */
const desired = (obj: unknown) => (typeof at(obj, 'spec', 'replicas') === 'number' ? int(at(obj, 'spec', 'replicas')) : 1);

export const deployments: Printer = {
  columns: [
    nameColumn(),
    column('Ready', 'Number of the pod with ready state'),
    column('Up-to-date', swaggerDoc('apps:DeploymentStatus', 'updatedReplicas')),
    column('Available', swaggerDoc('apps:DeploymentStatus', 'availableReplicas')),
    ageColumn(),
    column('Containers', CONTAINERS, { priority: 1 }),
    column('Images', IMAGES, { priority: 1 }),
    column('Selector', swaggerDoc('apps:DeploymentSpec', 'selector'), { priority: 1 }),
  ],
  row(obj, now) {
    const [names, images] = containerCells(obj);
    return {
      cells: [
        str(at(obj, 'metadata', 'name')),
        `${int(at(obj, 'status', 'readyReplicas'))}/${desired(obj)}`,
        int(at(obj, 'status', 'updatedReplicas')),
        int(at(obj, 'status', 'availableReplicas')),
        age(obj, now),
        names,
        images,
        selectorString(obj),
      ],
    };
  },
};

export const replicasets: Printer = {
  columns: [
    nameColumn(),
    column('Desired', swaggerDoc('apps:ReplicaSetSpec', 'replicas'), { type: 'integer' }),
    column('Current', swaggerDoc('apps:ReplicaSetStatus', 'replicas'), { type: 'integer' }),
    column('Ready', swaggerDoc('apps:ReplicaSetStatus', 'readyReplicas'), { type: 'integer' }),
    ageColumn(),
    column('Containers', CONTAINERS, { priority: 1 }),
    column('Images', IMAGES, { priority: 1 }),
    column('Selector', swaggerDoc('apps:ReplicaSetSpec', 'selector'), { priority: 1 }),
  ],
  row(obj, now) {
    const [names, images] = containerCells(obj);
    // metav1.FormatLabelSelector prints an empty selector as <none>.
    return {
      cells: [
        str(at(obj, 'metadata', 'name')),
        desired(obj),
        int(at(obj, 'status', 'replicas')),
        int(at(obj, 'status', 'readyReplicas')),
        age(obj, now),
        names,
        images,
        selectorString(obj) || '<none>',
      ],
    };
  },
};
