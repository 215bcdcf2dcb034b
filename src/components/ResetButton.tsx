// "Reset cluster": asks first, then starts a fresh cluster (the files and history stay).

import { useRef } from 'react';
import { useLab } from '../state/context.tsx';

export function ResetButton() {
  const lab = useLab();
  const ref = useRef<HTMLDialogElement>(null);
  return (
    <>
      <button type="button" className="btn" onClick={() => ref.current?.showModal()}>
        Reset cluster
      </button>
      <dialog ref={ref} className="dialog" aria-labelledby="reset-title">
        <h2 id="reset-title">Reset the cluster?</h2>
        <p>Every object in the cluster goes (pods, deployments, services …) and a fresh cluster starts. Your files and terminal history stay.</p>
        <form method="dialog" className="dialog-actions">
          <button className="btn" type="submit" value="cancel" autoFocus>
            Cancel
          </button>
          <button className="btn btn-danger" type="submit" value="reset" onClick={() => lab.reset()}>
            Reset cluster
          </button>
        </form>
      </dialog>
    </>
  );
}
