// What kubectl printed for the editor's last Apply (or Convert): success lines green, errors
// red, and a button per error line that moves the cursor there.

import type { ErrorMarker } from './markers.ts';

export interface OutputLine {
  readonly text: string;
  readonly stream: 'stdout' | 'stderr';
}

export interface ApplyResult {
  readonly command: string;
  readonly lines: readonly OutputLine[];
  readonly running: boolean;
  readonly markers: readonly ErrorMarker[];
}

export function ApplyOutput({ result, onReveal, onDismiss }: { result: ApplyResult | null; onReveal(line: number): void; onDismiss(): void }) {
  if (!result) return null;
  const lines = [...new Set(result.markers.map((m) => m.line))].sort((a, b) => a - b);
  return (
    <div className="editor-output" role="status" aria-label="Apply output">
      <div className="editor-output-command">
        <span aria-hidden="true">$ </span>
        {result.command}
        {result.running && <span className="editor-output-running"> running…</span>}
        <button type="button" className="editor-tab-icon editor-output-dismiss" aria-label="Dismiss output" title="Dismiss" onClick={onDismiss}>
          ×
        </button>
      </div>
      {result.lines.map((l, i) => (
        <div key={i} className={l.stream === 'stderr' ? 'editor-output-err' : 'editor-output-ok'}>
          {l.text}
        </div>
      ))}
      {lines.length > 0 && (
        <div className="editor-output-lines">
          {lines.map((line) => (
            <button key={line} type="button" className="btn editor-output-goto" onClick={() => onReveal(line)}>
              Go to line {line}
            </button>
          ))}
        </div>
      )}
    </div>
  );
}
