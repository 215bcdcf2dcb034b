// The lab's virtual file system: the files a learner writes with `cat > pod.yml <<EOF`, edits
// in the manifest editor, and applies with `kubectl apply -f`. Paths are POSIX-like;
// `~` is /home/learner. Directories exist implicitly as prefixes of files, or explicitly.

export const HOME = '/home/learner';

export class VirtualFS {
  readonly #files = new Map<string, string>();
  readonly #dirs = new Set<string>(['/', '/home', HOME, '/tmp']);
  #listeners = new Set<(path: string) => void>();

  normalize(path: string, cwd: string): string {
    const abs = path.startsWith('/') ? path : `${cwd}/${path}`;
    const out: string[] = [];
    for (const part of abs.split('/')) {
      if (!part || part === '.') continue;
      if (part === '..') out.pop();
      else out.push(part);
    }
    return `/${out.join('/')}`;
  }

  read(path: string): string | undefined {
    return this.#files.get(path);
  }

  write(path: string, content: string): void {
    this.#files.set(path, content);
    let dir = path.slice(0, path.lastIndexOf('/')) || '/';
    while (dir && !this.#dirs.has(dir)) {
      this.#dirs.add(dir);
      dir = dir.slice(0, dir.lastIndexOf('/')) || '/';
    }
    for (const l of this.#listeners) l(path);
  }

  remove(path: string): boolean {
    const had = this.#files.delete(path);
    if (had) for (const l of this.#listeners) l(path);
    return had;
  }

  isDir(path: string): boolean {
    return this.#dirs.has(path);
  }

  isFile(path: string): boolean {
    return this.#files.has(path);
  }

  mkdir(path: string): void {
    if (this.#dirs.has(path)) return;
    this.#dirs.add(path);
    for (const l of this.#listeners) l(path);
  }

  /** Removes an empty directory; false when it is not one or still holds entries. */
  rmdir(path: string): boolean {
    if (path === '/' || !this.#dirs.has(path) || this.list(path).length > 0) return false;
    this.#dirs.delete(path);
    for (const l of this.#listeners) l(path);
    return true;
  }

  /** Entries directly inside `dir`, sorted as `ls` sorts them. */
  list(dir: string): { name: string; dir: boolean }[] {
    const prefix = dir === '/' ? '/' : `${dir}/`;
    const names = new Map<string, boolean>();
    for (const p of this.#files.keys()) if (p.startsWith(prefix) && !p.slice(prefix.length).includes('/')) names.set(p.slice(prefix.length), false);
    for (const d of this.#dirs) if (d !== dir && d.startsWith(prefix) && !d.slice(prefix.length).includes('/')) names.set(d.slice(prefix.length), true);
    return [...names].map(([name, isDir]) => ({ name, dir: isDir })).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  }

  /** Every file, for saving and for the editor's tabs. */
  files(): [string, string][] {
    return [...this.#files];
  }

  onChange(listener: (path: string) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }
}
