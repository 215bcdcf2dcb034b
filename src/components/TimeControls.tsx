// Play/pause, step to the next trace record, the speed (0.25×–20×) and the simulated clock.

import { useLab, useLabState } from '../state/context.tsx';
import { SPEEDS } from '../state/labStore.ts';
import { formatClock } from './formatClock.ts';

export const speedLabel = (s: number): string => `${s}×`;

function Clock() {
  const simTime = useLabState((s) => s.simTime);
  return (
    <span className="clock" title="Simulated cluster time since the cluster started">
      <span className="clock-label">t=</span>
      <time aria-label="Simulated time">{formatClock(simTime)}</time>
    </span>
  );
}

export function TimeControls() {
  const lab = useLab();
  const playing = useLabState((s) => s.playing);
  const speed = useLabState((s) => s.speed);
  const index = Math.max(0, SPEEDS.findIndex((s) => s >= speed));
  return (
    <div className="time-controls" role="group" aria-label="Time controls">
      <button type="button" className="btn" onClick={() => (playing ? lab.pause() : lab.play())} aria-keyshortcuts="k" title={playing ? 'Pause simulated time (k)' : 'Play simulated time (k)'}>
        <svg className="icon" viewBox="0 0 16 16" aria-hidden="true">
          {playing ? <path d="M4 2h3v12H4zM9 2h3v12H9z" /> : <path d="M4 2l10 6-10 6z" />}
        </svg>
        {playing ? 'Pause' : 'Play'}
      </button>
      <button type="button" className="btn" onClick={() => lab.step()} aria-keyshortcuts="." title="Run to the next step a component takes (.)">
        <svg className="icon" viewBox="0 0 16 16" aria-hidden="true">
          <path d="M2 2l8 6-8 6zM11 2h3v12h-3z" />
        </svg>
        Step
      </button>
      <label className="speed">
        <span>Speed</span>
        <input
          type="range"
          aria-label="Speed"
          min={0}
          max={SPEEDS.length - 1}
          step={1}
          value={index}
          aria-valuetext={speedLabel(SPEEDS[index]!)}
          onChange={(e) => lab.setSpeed(SPEEDS[Number(e.target.value)]!)}
        />
        <output>{speedLabel(SPEEDS[index]!)}</output>
      </label>
      <Clock />
    </div>
  );
}
