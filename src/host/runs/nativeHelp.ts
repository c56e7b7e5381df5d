/** What to tell a researcher when the native backend cannot be installed (no vscode here: unit-tested). */

export const TFJS_NODE_SPEC = '@tensorflow/tfjs-node@4.22.0';

export function manualInstructions(dir: string): string {
  return `To install it by hand, on a machine that can reach the internet run:\n  npm install ${TFJS_NODE_SPEC} --prefix "${dir}"\n(behind a mirror, set TFJS_NODE_CDN_STORAGE to its libtensorflow location). Runs keep using WebAssembly until then.`;
}

/** Turns npm's output into the reason a researcher needs. */
export function explainNpmFailure(output: string, code: number | null): string {
  if (/ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ETIMEDOUT|getaddrinfo|storage\.googleapis\.com|tf-builds/i.test(output)) {
    return "tfjs-node downloads libtensorflow from Google's storage while it installs, and this machine could not reach it (no internet access or a blocked host).";
  }
  if (/EACCES|EPERM/.test(output))
    return "npm was not allowed to write to the extension's storage folder (permissions).";
  if (/node-pre-gyp|gyp ERR/i.test(output))
    return 'tfjs-node has no prebuilt binary for this platform and building it from source failed (it needs Python and a C++ toolchain).';
  return `npm exited with code ${code}. Its output is in the log.`;
}
