// Near misses: `nigelpulton/getting-started-k8s` for nigelpoulton's image, `ngnix` for nginx,
// `nginx:lates`. The registry answers them like any missing repository or tag; the lab adds a
// "did you mean" for its trace, because a typo in an image name is the classic ErrImagePull.

/** Optimal string alignment distance (Levenshtein plus adjacent transpositions), capped. */
export function editDistance(a: string, b: string, cap = 3): number {
  if (Math.abs(a.length - b.length) > cap) return cap + 1;
  let prev2: number[] = [];
  let prev: number[] = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, prev2[j - 2]! + 1);
      row.push(d);
      best = Math.min(best, d);
    }
    if (best > cap) return cap + 1;
    prev2 = prev;
    prev = row;
  }
  return Math.min(prev[b.length]!, cap + 1);
}

/** The closest candidate within `maxDistance` (ties: the first listed), or undefined. */
export function closest(target: string, candidates: Iterable<string>, maxDistance = 2): string | undefined {
  let best: string | undefined;
  let bestD = maxDistance + 1;
  for (const c of candidates) {
    if (c === target) continue;
    const d = editDistance(target, c, maxDistance);
    if (d < bestD) {
      best = c;
      bestD = d;
    }
  }
  return best;
}
