// Stable places for pods inside a node: a pod keeps its slot for its whole life, a new pod
// takes the first free one, and a pod that leaves frees its slot without sliding the others
// over (so nothing on screen moves except the pods that really changed).

export type Slots = ReadonlyMap<string, readonly (string | null)[]>;

/** The next slots per node, given the previous slots and each node's pods now (in arrival order). */
export function assignSlots(prev: Slots, now: ReadonlyMap<string, readonly string[]>): Map<string, (string | null)[]> {
  const next = new Map<string, (string | null)[]>();
  for (const [node, uids] of now) {
    const want = new Set(uids);
    const slots = (prev.get(node) ?? []).map((uid) => (uid !== null && want.has(uid) ? uid : null));
    const placed = new Set(slots);
    let free = 0;
    for (const uid of uids) {
      if (placed.has(uid)) continue;
      while (free < slots.length && slots[free] !== null) free++;
      if (free < slots.length) slots[free] = uid;
      else slots.push(uid);
    }
    while (slots.length && slots[slots.length - 1] === null) slots.pop();
    // Compact once a node is mostly holes (a big scale-down), rather than keep a tall box.
    const used = slots.filter((u) => u !== null);
    next.set(node, used.length * 2 + 8 < slots.length ? used : slots);
  }
  return next;
}
