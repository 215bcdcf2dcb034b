// The page's entry: a light shell that paints at once, then the lab (the simulated cluster,
// its terminal, diagram and panels) loaded as its own chunk. A failure to load or render
// shows what went wrong and how to recover, never a blank page.

import { Component, Suspense, lazy } from 'react';
import type { ReactNode } from 'react';

const LabPage = lazy(() => import('./LabPage.tsx').then((m) => ({ default: m.LabPage })));

function Brand() {
  return (
    <div className="brand">
      <img src="/favicon.svg" alt="" width={26} height={26} />
      <h1>kubelab</h1>
      <span className="tagline">a Kubernetes cluster, simulated in your browser</span>
    </div>
  );
}

function Splash({ children }: { children: ReactNode }) {
  return (
    <div className="app">
      <header className="topbar">
        <Brand />
      </header>
      <main className="splash">{children}</main>
    </div>
  );
}

interface BoundaryState {
  readonly error: Error | null;
}

/** Catches a failure anywhere in the lab and says what happened instead of going blank. */
class LabBoundary extends Component<{ children: ReactNode }, BoundaryState> {
  override state: BoundaryState = { error: null };

  static getDerivedStateFromError(error: unknown): BoundaryState {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  override componentDidCatch(error: unknown): void {
    console.error('kubelab: the lab failed', error);
  }

  override render() {
    const { error } = this.state;
    if (!error) return this.props.children;
    return (
      <Splash>
        <div className="splash-card" role="alert">
          <h2>The lab stopped</h2>
          <p>Something went wrong while showing the lab: {error.message}</p>
          <p className="dim">Your files, history and cluster are saved in this browser; reloading brings them back.</p>
          <button type="button" className="btn btn-primary" onClick={() => location.reload()}>
            Reload the lab
          </button>
        </div>
      </Splash>
    );
  }
}

export function App() {
  return (
    <LabBoundary>
      <Suspense
        fallback={
          <Splash>
            <p className="splash-card" role="status">
              Starting your cluster…
            </p>
          </Splash>
        }
      >
        <LabPage />
      </Suspense>
    </LabBoundary>
  );
}
