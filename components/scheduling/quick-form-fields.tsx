'use client';

import { AFFINITY_OPERATORS, type QuickForm } from '@/lib/k8s/scheduling/quick-form';
import { TAINT_EFFECTS } from '@/lib/k8s/scheduling/node-change-text';
import { Button } from '@/components/ui/button';

const input = 'min-w-0 flex-1 rounded-md border border-slate-300 bg-transparent px-2 py-1 font-mono text-xs dark:border-slate-700';
const select = 'rounded-md border border-slate-300 bg-white px-2 py-1 text-xs dark:border-slate-700 dark:bg-slate-900';

type ListKey = 'nodeSelector' | 'affinity' | 'tolerations';

const BLANK = {
  nodeSelector: { key: '', value: '' },
  affinity: { key: '', operator: 'In' as const, values: '' },
  tolerations: { key: '', operator: 'Equal' as const, value: '', effect: '' as const },
};

/** The quick form: only what placement depends on. Every change goes to the URL at once. */
export function QuickFormFields({ form, onChange }: { form: QuickForm; onChange: (form: QuickForm) => void }) {
  const update = <K extends ListKey>(key: K, index: number, patch: Partial<QuickForm[K][number]>) =>
    onChange({ ...form, [key]: form[key].map((item, i) => (i === index ? { ...item, ...patch } : item)) });
  const add = (key: ListKey) => onChange({ ...form, [key]: [...form[key], BLANK[key]] });
  const remove = (key: ListKey, index: number) => onChange({ ...form, [key]: form[key].filter((_, i) => i !== index) });

  return (
    <div className="grid gap-4 text-sm md:grid-cols-2">
      <fieldset className="space-y-2">
        <legend className="font-medium">Node selector</legend>
        {form.nodeSelector.map((pair, i) => (
          <div key={i} className="flex items-center gap-2">
            <input aria-label={`Node selector key ${i + 1}`} value={pair.key} onChange={(e) => update('nodeSelector', i, { key: e.target.value })} placeholder="gpu" className={input} />
            <span aria-hidden="true">=</span>
            <input aria-label={`Node selector value ${i + 1}`} value={pair.value} onChange={(e) => update('nodeSelector', i, { value: e.target.value })} placeholder="true" className={input} />
            <Button variant="ghost" aria-label={`Remove node selector ${i + 1}`} onClick={() => remove('nodeSelector', i)}>✕</Button>
          </div>
        ))}
        <Button variant="ghost" onClick={() => add('nodeSelector')}>+ Node selector pair</Button>
      </fieldset>

      <fieldset className="space-y-2">
        <legend className="font-medium">Required node affinity (one term, all must hold)</legend>
        {form.affinity.map((term, i) => (
          <div key={i} className="flex items-center gap-2">
            <input aria-label={`Affinity key ${i + 1}`} value={term.key} onChange={(e) => update('affinity', i, { key: e.target.value })} placeholder="topology.kubernetes.io/zone" className={input} />
            <select aria-label={`Affinity operator ${i + 1}`} value={term.operator} onChange={(e) => update('affinity', i, { operator: e.target.value as QuickForm['affinity'][number]['operator'] })} className={select}>
              {AFFINITY_OPERATORS.map((op) => <option key={op}>{op}</option>)}
            </select>
            <input aria-label={`Affinity values ${i + 1}`} value={term.values} disabled={term.operator === 'Exists' || term.operator === 'DoesNotExist'} onChange={(e) => update('affinity', i, { values: e.target.value })} placeholder="a,b" className={input} />
            <Button variant="ghost" aria-label={`Remove affinity ${i + 1}`} onClick={() => remove('affinity', i)}>✕</Button>
          </div>
        ))}
        <Button variant="ghost" onClick={() => add('affinity')}>+ Affinity expression</Button>
      </fieldset>

      <fieldset className="space-y-2">
        <legend className="font-medium">Tolerations</legend>
        {form.tolerations.map((t, i) => (
          <div key={i} className="flex items-center gap-2">
            <input aria-label={`Toleration key ${i + 1}`} value={t.key} onChange={(e) => update('tolerations', i, { key: e.target.value })} placeholder="key" className={input} />
            <select aria-label={`Toleration operator ${i + 1}`} value={t.operator} onChange={(e) => update('tolerations', i, { operator: e.target.value as 'Equal' | 'Exists' })} className={select}>
              <option>Equal</option>
              <option>Exists</option>
            </select>
            <input aria-label={`Toleration value ${i + 1}`} value={t.value} disabled={t.operator === 'Exists'} onChange={(e) => update('tolerations', i, { value: e.target.value })} placeholder="value" className={input} />
            <select aria-label={`Toleration effect ${i + 1}`} value={t.effect} onChange={(e) => update('tolerations', i, { effect: e.target.value as QuickForm['tolerations'][number]['effect'] })} className={select}>
              <option value="">any effect</option>
              {TAINT_EFFECTS.map((effect) => <option key={effect}>{effect}</option>)}
            </select>
            <Button variant="ghost" aria-label={`Remove toleration ${i + 1}`} onClick={() => remove('tolerations', i)}>✕</Button>
          </div>
        ))}
        <Button variant="ghost" onClick={() => add('tolerations')}>+ Toleration</Button>
      </fieldset>

      <fieldset className="grid grid-cols-3 gap-2">
        <legend className="col-span-3 font-medium">Requests and host ports</legend>
        <label className="flex flex-col gap-1 text-xs">CPU request<input aria-label="CPU request" value={form.cpu} onChange={(e) => onChange({ ...form, cpu: e.target.value })} placeholder="500m" className={input} /></label>
        <label className="flex flex-col gap-1 text-xs">Memory request<input aria-label="Memory request" value={form.memory} onChange={(e) => onChange({ ...form, memory: e.target.value })} placeholder="256Mi" className={input} /></label>
        <label className="flex flex-col gap-1 text-xs">Host ports<input aria-label="Host ports" value={form.hostPorts} onChange={(e) => onChange({ ...form, hostPorts: e.target.value })} placeholder="8080,9090" className={input} /></label>
      </fieldset>
    </div>
  );
}
