/**
 * Walking folders a user hands us (a folder to lint, a runs folder) without being led in circles:
 * a symbolic link back to a parent (`ln -s . loop`) would otherwise visit the same files once per
 * level, and two such links make the walk exponential. Every folder is identified by device and
 * inode, the identity a link cannot disguise, and visited once.
 */
import { readdirSync, statSync } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';

/** `dev:ino` of what a path points to (following links), or undefined if it cannot be stat'ed. */
export function fileIdentitySync(p: string): string | undefined {
  try {
    const st = statSync(p, { bigint: true });
    return `${st.dev}:${st.ino}`;
  } catch {
    return undefined;
  }
}

export async function fileIdentity(p: string): Promise<string | undefined> {
  try {
    const st = await stat(p, { bigint: true });
    return `${st.dev}:${st.ino}`;
  } catch {
    return undefined;
  }
}

export interface WalkOptions {
  /** Folder names not entered (e.g. node_modules). */
  skipDirs?: ReadonlySet<string>;
  /** Deepest level entered below the start. */
  maxDepth?: number;
  /** Stop after this many files (a walk of `/` by mistake ends in reasonable time). */
  maxFiles?: number;
}

/**
 * Every regular file under `dir`, depth-first in sorted order, each folder entered once however many
 * links lead to it. Entries that cannot be stat'ed (dangling links) are skipped; FIFOs and devices are
 * not files and are left out.
 */
export function walkFilesSync(dir: string, opts: WalkOptions = {}): string[] {
  const out: string[] = [];
  const seenDirs = new Set<string>();
  const seenFiles = new Set<string>();
  const maxDepth = opts.maxDepth ?? 32;
  const maxFiles = opts.maxFiles ?? 100_000;
  const visit = (d: string, depth: number) => {
    const id = fileIdentitySync(d);
    if (!id || seenDirs.has(id)) return;
    seenDirs.add(id);
    let names: string[];
    try {
      names = readdirSync(d).sort();
    } catch {
      return;
    }
    for (const name of names) {
      if (out.length >= maxFiles) return;
      const full = path.join(d, name);
      let st;
      try {
        st = statSync(full, { bigint: true });
      } catch {
        continue;
      }
      if (st.isDirectory()) {
        if (depth < maxDepth && !opts.skipDirs?.has(name)) visit(full, depth + 1);
      } else if (st.isFile()) {
        // Two links to one file lint it once.
        const fid = `${st.dev}:${st.ino}`;
        if (seenFiles.has(fid)) continue;
        seenFiles.add(fid);
        out.push(full);
      }
    }
  };
  visit(dir, 0);
  return out;
}

export interface ChildDir {
  name: string;
  path: string;
}

/**
 * The sub-folders of `dir` (one level, following links), sorted by name, with folders reached twice
 * (a link to a sibling, a link to `dir` itself) listed once: under their first name in sort order,
 * preferring a real folder to a link.
 */
export async function childDirs(dir: string): Promise<ChildDir[]> {
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch {
    return [];
  }
  const self = await fileIdentity(dir);
  const candidates: { name: string; path: string; id: string; link: boolean }[] = [];
  for (const e of entries) {
    if (!e.isDirectory() && !e.isSymbolicLink()) continue;
    const full = path.join(dir, e.name);
    try {
      const st = await stat(full, { bigint: true });
      if (!st.isDirectory()) continue;
      candidates.push({ name: e.name, path: full, id: `${st.dev}:${st.ino}`, link: e.isSymbolicLink() });
    } catch {
      /* dangling link */
    }
  }
  return dedupeDirs(candidates, self);
}

export function childDirsSync(dir: string): ChildDir[] {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return [];
  }
  const self = fileIdentitySync(dir);
  const candidates: { name: string; path: string; id: string; link: boolean }[] = [];
  for (const e of entries) {
    if (!e.isDirectory() && !e.isSymbolicLink()) continue;
    const full = path.join(dir, e.name);
    try {
      const st = statSync(full, { bigint: true });
      if (!st.isDirectory()) continue;
      candidates.push({ name: e.name, path: full, id: `${st.dev}:${st.ino}`, link: e.isSymbolicLink() });
    } catch {
      /* dangling link */
    }
  }
  return dedupeDirs(candidates, self);
}

function dedupeDirs(
  candidates: { name: string; path: string; id: string; link: boolean }[],
  self: string | undefined,
): ChildDir[] {
  candidates.sort((a, b) => Number(a.link) - Number(b.link) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const seen = new Set<string>(self ? [self] : []);
  const out: ChildDir[] = [];
  for (const c of candidates) {
    if (seen.has(c.id)) continue;
    seen.add(c.id);
    out.push({ name: c.name, path: c.path });
  }
  return out.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}
