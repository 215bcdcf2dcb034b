// Manifests dragged in from the desktop become lab files (read with the File API) and open in
// a tab; a name already taken by a different file gets a numbered name instead.

import { useState } from 'react';
import type { DragEvent } from 'react';
import type { Lab } from '../../state/labStore.ts';
import type { ApplyResult } from './ApplyOutput.tsx';
import { baseName, homePath } from './files.ts';

const hasFiles = (e: DragEvent): boolean => [...e.dataTransfer.types].includes('Files');

function freeName(name: string, files: readonly string[], content: string, lab: Lab): string {
  const taken = (n: string): boolean => files.includes(homePath(n)) && lab.readFile(homePath(n)) !== content;
  if (!taken(name)) return name;
  const dot = name.lastIndexOf('.');
  for (let i = 2; ; i++) {
    const candidate = `${name.slice(0, dot)}-${i}${name.slice(dot)}`;
    if (!taken(candidate)) return candidate;
  }
}

export function useDroppedFiles(lab: Lab, files: readonly string[], open: (path: string) => void, report: (r: ApplyResult) => void) {
  const [over, setOver] = useState(false);
  return {
    over,
    onDragOver(e: DragEvent): void {
      if (!hasFiles(e)) return;
      e.preventDefault();
      e.stopPropagation();
      e.dataTransfer.dropEffect = 'copy';
      setOver(true);
    },
    onDragLeave(e: DragEvent): void {
      if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setOver(false);
    },
    onDrop(e: DragEvent): void {
      if (!hasFiles(e)) return;
      e.preventDefault();
      e.stopPropagation();
      setOver(false);
      const dropped = [...e.dataTransfer.files];
      const refused = dropped.filter((f) => !/\.(ya?ml|json)$/i.test(f.name)).map((f) => f.name);
      if (refused.length) report({ command: 'Drop files', lines: [{ text: `Only .yml, .yaml and .json files can be opened here (not ${refused.join(', ')}).`, stream: 'stderr' }], running: false, markers: [] });
      for (const file of dropped.filter((f) => /\.(ya?ml|json)$/i.test(f.name))) {
        const reader = new FileReader();
        reader.onload = () => {
          const content = String(reader.result ?? '');
          const name = freeName(baseName(file.name).replace(/[^\w.-]/g, '-'), files, content, lab);
          lab.writeFile(homePath(name), content);
          open(homePath(name));
        };
        reader.readAsText(file);
      }
    },
  };
}
