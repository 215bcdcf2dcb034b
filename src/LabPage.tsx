// The first page of the lab: a header with the simulated clock and a terminal on the
// simulated cluster. The full lab (diagram, editor, inspector, timeline) comes next.

import { useState } from 'react';
import { useStore } from 'zustand';
import { createLab, selectSimTime } from './state/labStore.ts';
import { Terminal } from './components/Terminal.tsx';
import { formatClock } from './components/formatClock.ts';

export function App() {
  const [lab] = useState(() => createLab(1, 'kind'));
  const simTime = useStore(lab.store, selectSimTime);
  return (
    <div className="app">
      <header className="topbar">
        <div className="brand">
          <img src="/favicon.svg" alt="" width={28} height={28} />
          <h1>kubelab</h1>
          <span className="tagline">a Kubernetes cluster, simulated in your browser</span>
        </div>
        <div className="clock" aria-label="Simulated time">
          <span className="clock-label">cluster time</span> <time>{formatClock(simTime)}</time>
        </div>
      </header>
      <main className="workspace">
        <aside className="intro" aria-label="Getting started">
          <h2>Start here</h2>
          <p>This cluster runs in this page: an API server, a scheduler and four nodes (one control plane, three workers). Nothing leaves your browser.</p>
          <ol>
            <li>
              <code>kubectl get nodes</code>
            </li>
            <li>
              <code>kubectl run hello --image=nginx</code> <span className="soon">or apply a manifest with a heredoc</span>
            </li>
            <li>
              <code>kubectl get pods --watch -o wide</code> <span className="soon">Ctrl-C to stop</span>
            </li>
            <li>
              <code>kubectl describe pod hello</code>
            </li>
          </ol>
          <p className="note">Time is simulated: it plays while the page is open, and <code>sleep 30</code> lets 30 cluster seconds pass.</p>
        </aside>
        <Terminal lab={lab} />
      </main>
    </div>
  );
}
