/**
 * Expanding `paperlab lint` arguments into files without a glob dependency (Node 20 has no fs.glob):
 * a file, a folder (its experiment configs, recursively) or a glob with `*`, `**`, `?` and `{a,b}`.
 */
import { statSync } from 'node:fs';
import path from 'node:path';
import { isExperimentFile } from '../core/files/experimentFile';
import { walkFilesSync } from '../core/files/walk';

const SKIP_DIRS = new Set(['node_modules', '.git', '.paperlab', 'dist', 'out']);

export function hasGlob(p: string): boolean {
  return /[*?{[]/.test(p);
}

/** A glob → a RegExp over '/'-separated paths. */
export function globToRegExp(glob: string): RegExp {
  let re = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === '*') {
      if (glob[i + 1] === '*') {
        // `**/` matches any number of folders, including none.
        const slash = glob[i + 2] === '/';
        re += slash ? '(?:.*/)?' : '.*';
        i += slash ? 2 : 1;
      } else re += '[^/]*';
    } else if (c === '?') re += '[^/]';
    else if (c === '{') {
      const close = glob.indexOf('}', i);
      if (close < 0) re += '\\{';
      else {
        re += `(?:${glob
          .slice(i + 1, close)
          .split(',')
          .map((alt) => alt.replace(/[.+^$()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/]*'))
          .join('|')})`;
        i = close;
      }
    } else re += c.replace(/[.+^$()|[\]\\}]/g, '\\$&');
  }
  return new RegExp(`^${re}$`);
}

/**
 * The files under a folder (skipping node_modules, .git, run folders), depth-first, sorted for stable
 * output; each folder once, however many symbolic links lead back to it.
 */
export function walk(dir: string): string[] {
  return walkFilesSync(dir, { skipDirs: SKIP_DIRS });
}

export interface Expanded {
  files: string[];
  /** Arguments that matched nothing, with why. */
  problems: string[];
}

export function expandArgs(args: string[], cwd = process.cwd()): Expanded {
  const files: string[] = [];
  const problems: string[] = [];
  const add = (f: string) => {
    if (!files.includes(f)) files.push(f);
  };
  for (const arg of args) {
    const norm = arg.split(path.sep).join('/');
    if (!hasGlob(norm)) {
      const abs = path.resolve(cwd, arg);
      let st;
      try {
        st = statSync(abs);
      } catch {
        problems.push(`${arg}: no such file or folder`);
        continue;
      }
      if (st.isDirectory()) {
        const found = walk(abs).filter((f) => isExperimentFile(f));
        if (!found.length) problems.push(`${arg}: no *.exp.yaml, *.exp.yml or *.exp.json files in this folder`);
        found.forEach((f) => add(path.relative(cwd, f) || f));
      } else add(arg);
      continue;
    }
    // The folder before the first glob character is where the walk starts.
    const parts = norm.split('/');
    const firstGlob = parts.findIndex(hasGlob);
    const base = parts.slice(0, firstGlob).join('/') || (norm.startsWith('/') ? '/' : '.');
    const absBase = path.resolve(cwd, base);
    const absPattern = globToRegExp(
      path.resolve(cwd, base).split(path.sep).join('/') + '/' + parts.slice(firstGlob).join('/'),
    );
    const found = walk(absBase).filter((f) => absPattern.test(f.split(path.sep).join('/')));
    if (!found.length) problems.push(`${arg}: no files match`);
    found.forEach((f) => add(path.relative(cwd, f) || f));
  }
  return { files, problems };
}
