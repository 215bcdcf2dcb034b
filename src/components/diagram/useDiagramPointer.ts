// Pointer and keyboard handling for the whole diagram by delegation: every pickable element
// carries `data-pick` (`pod|ns|name|uid`, `node|name`, `comp|api-server`), so hundreds of pods
// need no handlers of their own. Clicking or Enter selects; hovering or focus shows a tooltip.

import { useCallback, useState } from 'react';
import type { Lab, Selection } from '../../state/labStore.ts';
import type { TraceRecord } from '../../engine/index.ts';
import type { NodeView, PodView, ServiceView } from '../../state/world.ts';
import { podDescription } from './PodGlyph.tsx';

export interface Tip {
  readonly x: number;
  readonly y: number;
  readonly title: string;
  readonly lines: readonly string[];
}

export interface DiagramData {
  readonly pods: ReadonlyMap<string, PodView>;
  readonly nodes: readonly NodeView[];
  readonly services: readonly ServiceView[];
  /** the controller manager's controllers seen so far (listed in its tooltip) */
  readonly controllers: readonly string[];
  readonly latest: Map<string, TraceRecord>;
}

export function selectionOf(pick: string): Selection | null {
  const [type, a = '', b = ''] = pick.split('|');
  if (type === 'pod') return { type: 'object', ref: { kind: 'Pod', namespace: a, name: b } };
  if (type === 'node') return { type: 'object', ref: { kind: 'Node', name: a } };
  if (type === 'comp') return { type: 'component', component: a };
  if (type === 'svc') return { type: 'object', ref: { kind: 'Service', namespace: a, name: b } };
  return null;
}

const COMPONENT_TITLES: Record<string, string> = {
  'api-server': 'API server: every read and write goes through it',
  etcd: 'etcd: the cluster store; only the API server talks to it',
  scheduler: 'scheduler: picks a node for each unbound pod',
  'controller-manager': 'controller manager: loops that make reality match the spec',
  kubectl: 'kubectl: your requests to the API server',
};

function tipFor(pick: string, data: DiagramData): Omit<Tip, 'x' | 'y'> | undefined {
  const [type, a = '', b = '', uid = ''] = pick.split('|');
  if (type === 'svc') {
    const s = data.services.find((x) => x.namespace === a && x.name === b);
    if (!s) return undefined;
    const eps = s.endpoints.length ? `endpoints ${s.endpoints.slice(0, 6).join(', ')}${s.endpoints.length > 6 ? ` and ${s.endpoints.length - 6} more` : ''}` : 'no ready endpoints';
    return { title: `Service ${a}/${b}`, lines: [`${s.type} ${s.clusterIP}, ports ${s.ports}`, eps] };
  }
  if (type === 'pod') {
    const p = data.pods.get(uid);
    if (!p) return undefined;
    const containers = p.containers.map((c) => `${c.name} (${c.image}): ${c.reason ?? c.state}${c.restarts ? `, ${c.restarts} restarts` : ''}`);
    const why = data.latest.get(`pod/${p.namespace}/${p.name}`);
    return { title: `Pod ${p.namespace}/${p.name}`, lines: [podDescription(p), ...containers, ...(why ? [`Latest (${why.component}): ${why.why}`] : [])] };
  }
  if (type === 'node') {
    const n = data.nodes.find((x) => x.name === a);
    if (!n) return undefined;
    const count = [...data.pods.values()].filter((p) => p.nodeName === a).length;
    return { title: `Node ${n.name}`, lines: [`${n.status} · roles ${n.roles}`, `InternalIP ${n.internalIP}${n.podCIDR ? ` · pod CIDR ${n.podCIDR}` : ''}`, `${count} pod${count === 1 ? '' : 's'}`] };
  }
  const why = data.latest.get(a)?.why;
  const title = COMPONENT_TITLES[a] ?? a;
  const latest = why ? `Latest: ${why}` : 'Nothing yet: run a kubectl command to see it act.';
  if (a === 'controller-manager') return { title, lines: [`Controllers: ${data.controllers.join(', ')}`, latest] };
  return { title, lines: [latest] };
}

export function useDiagramPointer(lab: Lab, data: React.RefObject<DiagramData>, host: React.RefObject<HTMLElement | null>) {
  const [tip, setTip] = useState<Tip | null>(null);
  const show = useCallback(
    (el: Element | null, x: number, y: number) => {
      const pick = el?.closest('[data-pick]')?.getAttribute('data-pick');
      const t = pick ? tipFor(pick, data.current) : undefined;
      setTip((old) => (t ? { ...t, x, y } : old && null));
    },
    [data],
  );
  const local = useCallback(
    (clientX: number, clientY: number): [number, number] => {
      const r = host.current?.getBoundingClientRect();
      return [clientX - (r?.left ?? 0), clientY - (r?.top ?? 0)];
    },
    [host],
  );
  return {
    tip,
    handlers: {
      onPointerMove: (e: React.PointerEvent) => show(e.target as Element, ...local(e.clientX, e.clientY)),
      onPointerLeave: () => setTip(null),
      onFocus: (e: React.FocusEvent) => {
        const r = (e.target as Element).getBoundingClientRect();
        show(e.target as Element, ...local(r.right, r.bottom));
      },
      onBlur: () => setTip(null),
      onClick: (e: React.MouseEvent) => {
        const pick = (e.target as Element).closest('[data-pick]')?.getAttribute('data-pick');
        if (pick) lab.select(selectionOf(pick));
      },
      onKeyDown: (e: React.KeyboardEvent) => {
        if (e.key !== 'Enter' && e.key !== ' ') return;
        const pick = (e.target as Element).closest('[data-pick]')?.getAttribute('data-pick');
        if (!pick) return;
        e.preventDefault();
        lab.select(selectionOf(pick));
      },
    },
  };
}
