// The key facts of a selected object at a glance, from the page's world view (the same
// numbers as `kubectl get`): status, node, IP, readiness, owner, labels, selector, endpoints.
// Related objects (owner, pods behind a service, pods on a node) are links that select them.

import type { ReactNode } from 'react';
import type { KubeObject, ObjectRef } from '../../engine/index.ts';
import type { World } from '../../state/world.ts';
import { useLab } from '../../state/context.tsx';
import { statusColor } from './inspectorModel.ts';

function Chips({ map, empty = '<none>' }: { map: Readonly<Record<string, string>>; empty?: string }) {
  const entries = Object.entries(map);
  if (!entries.length) return <span className="insp-dim">{empty}</span>;
  return (
    <span className="insp-chips">
      {entries.map(([k, v]) => (
        <span key={k} className="insp-chip">{`${k}=${v}`}</span>
      ))}
    </span>
  );
}

function Link({ to, children }: { to: ObjectRef; children: ReactNode }) {
  const lab = useLab();
  return (
    <button type="button" className="insp-link" onClick={() => lab.select({ type: 'object', ref: to })}>
      {children}
    </button>
  );
}

const Fact = ({ k, children }: { k: string; children: ReactNode }) => (
  <>
    <dt>{k}</dt>
    <dd>{children}</dd>
  </>
);

function podLinks(names: readonly string[], namespace: string, max = 8) {
  if (!names.length) return <span className="insp-dim">none</span>;
  return (
    <span className="insp-links">
      {names.slice(0, max).map((n) => (
        <Link key={n} to={{ kind: 'Pod', namespace, name: n }}>{n}</Link>
      ))}
      {names.length > max && <span className="insp-dim">+{names.length - max} more</span>}
    </span>
  );
}

function factsFor(ref: ObjectRef, world: World, obj: KubeObject | undefined): ReactNode {
  const ns = ref.namespace ?? 'default';
  const same = (o: { name: string; namespace: string }) => o.name === ref.name && o.namespace === ns;
  if (ref.kind === 'Pod') {
    const p = world.pods.find(same);
    if (!p) return null;
    return (
      <>
        <Fact k="Ready">{p.readyText}</Fact>
        <Fact k="Restarts">{p.restarts}</Fact>
        <Fact k="Node">{p.nodeName ? <Link to={{ kind: 'Node', name: p.nodeName }}>{p.nodeName}</Link> : <span className="insp-dim">not scheduled yet</span>}</Fact>
        <Fact k="IP">{p.ip ?? <span className="insp-dim">none yet</span>}</Fact>
        <Fact k="Owner">{p.owner ? <Link to={{ kind: p.owner.kind, namespace: ns, name: p.owner.name }}>{`${p.owner.kind.toLowerCase()}/${p.owner.name}`}</Link> : <span className="insp-dim">none (a bare pod)</span>}</Fact>
        <Fact k="Containers">{p.containers.map((c) => `${c.name} (${c.image}): ${c.reason ?? c.state}`).join(', ')}</Fact>
        <Fact k="Labels"><Chips map={p.labels} /></Fact>
      </>
    );
  }
  if (ref.kind === 'Node') {
    const n = world.nodes.find((x) => x.name === ref.name);
    if (!n) return null;
    const pods = world.pods.filter((p) => p.nodeName === n.name);
    return (
      <>
        <Fact k="Roles">{n.roles}</Fact>
        <Fact k="Internal IP">{n.internalIP}</Fact>
        {n.podCIDR && <Fact k="Pod CIDR">{n.podCIDR}</Fact>}
        <Fact k={`Pods (${pods.length})`}>{podLinks(pods.map((p) => p.name), 'default')}</Fact>
      </>
    );
  }
  if (ref.kind === 'Service') {
    const s = world.services.find(same);
    if (!s) return null;
    const backing = world.pods.filter((p) => p.namespace === ns && p.ip && s.endpoints.includes(p.ip)).map((p) => p.name);
    return (
      <>
        <Fact k="Cluster IP">{s.clusterIP}</Fact>
        {s.externalIP !== '<none>' && <Fact k="External IP">{s.externalIP}</Fact>}
        <Fact k="Ports">{s.ports}</Fact>
        <Fact k="Selector"><Chips map={s.selector} empty="none (endpoints are managed by hand)" /></Fact>
        <Fact k="Endpoints">
          {s.endpoints.length ? s.endpoints.join(', ') : <span className="insp-warn">none ready: no ready pod matches the selector</span>}
        </Fact>
        {backing.length > 0 && <Fact k="Pods">{podLinks(backing, ns)}</Fact>}
      </>
    );
  }
  const w = world.workloads.find((x) => x.kind === ref.kind && same(x));
  if (w) {
    const children =
      w.kind === 'Deployment'
        ? world.workloads.filter((x) => x.kind === 'ReplicaSet' && x.namespace === ns && x.owner?.name === w.name)
        : [];
    const pods = w.kind === 'ReplicaSet' ? world.pods.filter((p) => p.namespace === ns && p.owner?.name === w.name).map((p) => p.name) : [];
    return (
      <>
        <Fact k="Ready">{`${w.ready}/${w.desired}`}</Fact>
        {w.owner && <Fact k="Owner"><Link to={{ kind: w.owner.kind, namespace: ns, name: w.owner.name }}>{`${w.owner.kind.toLowerCase()}/${w.owner.name}`}</Link></Fact>}
        {w.kind === 'Deployment' && (
          <Fact k="ReplicaSets">
            <span className="insp-links">
              {children.map((rs) => (
                <Link key={rs.name} to={{ kind: 'ReplicaSet', namespace: ns, name: rs.name }}>{`${rs.name} (${rs.ready}/${rs.desired})`}</Link>
              ))}
            </span>
          </Fact>
        )}
        {w.kind === 'ReplicaSet' && <Fact k="Pods">{podLinks(pods, ns)}</Fact>}
        {obj && <Fact k="Labels"><Chips map={obj.metadata.labels ?? {}} /></Fact>}
      </>
    );
  }
  if (!obj) return null;
  return (
    <>
      {obj.metadata.namespace && <Fact k="Namespace">{obj.metadata.namespace}</Fact>}
      <Fact k="Labels"><Chips map={obj.metadata.labels ?? {}} /></Fact>
    </>
  );
}

export function ObjectFacts({ objectRef, world, obj }: { objectRef: ObjectRef; world: World; obj: KubeObject | undefined }) {
  const facts = factsFor(objectRef, world, obj);
  return facts ? <dl className="insp-facts">{facts}</dl> : null;
}

/** The status chip: kubectl's STATUS for pods and nodes, the type of a service, readiness of workloads. */
export function statusOf(ref: ObjectRef, world: World): { text: string; color: string } | undefined {
  const ns = ref.namespace ?? 'default';
  const status = (text: string | undefined) => (text === undefined ? undefined : { text, color: statusColor(text) });
  if (ref.kind === 'Pod') return status(world.pods.find((p) => p.name === ref.name && p.namespace === ns)?.status);
  if (ref.kind === 'Node') return status(world.nodes.find((n) => n.name === ref.name)?.status);
  const svc = ref.kind === 'Service' ? world.services.find((s) => s.name === ref.name && s.namespace === ns) : undefined;
  if (svc) return { text: svc.type, color: 'var(--accent)' };
  const w = world.workloads.find((x) => x.kind === ref.kind && x.name === ref.name && x.namespace === ns);
  if (!w) return undefined;
  return { text: `${w.ready}/${w.desired} ready`, color: w.ready === w.desired ? 'var(--st-running)' : 'var(--st-pending)' };
}
