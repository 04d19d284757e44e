// What `npm test` repeats at the very end when a step fails (CI keeps only the tail of the output).

/** Failing test titles with a few lines of their errors, failed suites and failed Nx tasks; bounded. */
export function failureDigest(output) {
  // eslint-disable-next-line no-control-regex
  const lines = output.replace(/\u001b\[[0-9;]*[A-Za-z]/g, '').split(/\r?\n/);
  const picked = [];
  for (let i = 0; i < lines.length && picked.length < 200; i++) {
    const line = lines[i];
    if (/^\s*●\s/.test(line) || /^\s*FAIL\b.* > /.test(line) || /Failed tasks:/.test(line)) {
      picked.push(...lines.slice(i, i + 14).filter((l) => l.trim() !== ''));
      picked.push('');
    } else if (
      /^\s*(FAIL\b|×|✕)|Failed tasks:|^\s+- \S+:\S+$|Test Suites:.*failed|Tests:.*failed|^\s*\w*Error:/.test(
        line,
      )
    ) {
      picked.push(line);
    }
  }
  return picked.length ? picked.slice(0, 200).join('\n') : lines.slice(-40).join('\n');
}
