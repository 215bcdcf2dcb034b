// The architecture's arrows (kubectl → API server, API server ↔ etcd, scheduler, controller
// manager and every kubelet), drawn under the cards; message dots travel along them.

import { memo } from 'react';
import type { DiagramLayout } from '../../viz/layout.ts';
import { architectureLinks } from '../../viz/anchors.ts';
import { linkPath } from '../../viz/paths.ts';

export const Links = memo(function Links({ layout }: { layout: DiagramLayout }) {
  return (
    <g className="links" aria-hidden="true">
      {architectureLinks(layout).map((l) => (
        <path key={l.id} className={l.id.includes('kubelet/') ? 'link link-node' : 'link'} d={linkPath(l.from, l.to, l.lift)} />
      ))}
    </g>
  );
});
