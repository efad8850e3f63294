import { z } from 'zod';
import { AFFINITY_OPERATORS, EMPTY_QUICK_FORM, type QuickForm } from '@/lib/k8s/scheduling/quick-form';

/**
 * The scheduling preview as it stands in the URL, so a preview is a link to share:
 * `/scheduling?context=&pod=default/kubia-gpu&node=gke-...-0rrx&change=gpu%3Dtrue`, or `input=form&form={...}`
 * for the quick form. A pasted manifest stays in the page (it may be long, and may hold secrets).
 */
export interface SchedulingView {
  context?: string;
  input: 'pod' | 'manifest' | 'form';
  /** `namespace/name` of an existing pod. */
  pod?: string;
  form: QuickForm;
  /** What-if: the node to change, and the change in kubectl's words (`gpu=true`, `taint k=v:NoSchedule`, `cordon`). */
  node?: string;
  change?: string;
}

const text = z.string().max(1024);
const quickFormSchema = z.object({
  nodeSelector: z.array(z.object({ key: text, value: text })).max(50).default([]),
  affinity: z.array(z.object({ key: text, operator: z.enum(AFFINITY_OPERATORS), values: text })).max(50).default([]),
  tolerations: z.array(z.object({ key: text, operator: z.enum(['Equal', 'Exists']), value: text, effect: z.enum(['', 'NoSchedule', 'PreferNoSchedule', 'NoExecute']) })).max(50).default([]),
  cpu: text.default(''),
  memory: text.default(''),
  hostPorts: text.default(''),
});

const INPUTS = ['pod', 'manifest', 'form'] as const;

/** A form link that does not parse is ignored (the empty form), never an error page. */
function parseForm(json: string | null): QuickForm {
  if (!json) return EMPTY_QUICK_FORM;
  try {
    const parsed = quickFormSchema.safeParse(JSON.parse(json));
    return parsed.success ? parsed.data : EMPTY_QUICK_FORM;
  } catch {
    return EMPTY_QUICK_FORM;
  }
}

export function parseSchedulingView(params: URLSearchParams): SchedulingView {
  const input = params.get('input');
  return {
    context: params.get('context') || undefined,
    input: (INPUTS as readonly string[]).includes(input ?? '') ? (input as SchedulingView['input']) : 'pod',
    pod: params.get('pod') || undefined,
    form: parseForm(params.get('form')),
    node: params.get('node') || undefined,
    change: params.get('change') || undefined,
  };
}

const isEmptyForm = (form: QuickForm) => JSON.stringify(form) === JSON.stringify(EMPTY_QUICK_FORM);

/** The query string (without `?`); defaults are left out. */
export function schedulingViewSearch(view: SchedulingView): string {
  const params = new URLSearchParams();
  if (view.context) params.set('context', view.context);
  if (view.input !== 'pod') params.set('input', view.input);
  if (view.input === 'pod' && view.pod) params.set('pod', view.pod);
  if (view.input === 'form' && !isEmptyForm(view.form)) params.set('form', JSON.stringify(view.form));
  if (view.node) params.set('node', view.node);
  if (view.change) params.set('change', view.change);
  return params.toString();
}
