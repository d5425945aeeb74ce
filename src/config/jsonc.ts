/**
 * JSON with comments, for migsafe.config.json: `// line` and `/* block *\/` comments and
 * trailing commas are blanked out (with spaces, keeping newlines) so JSON.parse error
 * positions still point at the right place. `migsafe init` writes a commented config.
 */
export function stripJsonComments(text: string): string {
  const out: string[] = [];
  const n = text.length;
  let i = 0;
  let lastComma = -1; // index in `out` of a comma that may turn out to be trailing
  while (i < n) {
    const c = text[i]!;
    if (c === '"') {
      let j = i + 1;
      while (j < n && text[j] !== '"' && text[j] !== '\n') j += text[j] === '\\' ? 2 : 1;
      out.push(text.slice(i, Math.min(j + 1, n)));
      i = j + 1;
      lastComma = -1;
      continue;
    }
    if (c === '/' && text[i + 1] === '/') {
      let j = i;
      while (j < n && text[j] !== '\n') j++;
      out.push(' '.repeat(j - i));
      i = j;
      continue;
    }
    if (c === '/' && text[i + 1] === '*') {
      const end = text.indexOf('*/', i + 2);
      const j = end < 0 ? n : end + 2;
      out.push(text.slice(i, j).replace(/[^\n]/g, ' '));
      i = j;
      continue;
    }
    if (c === ',') {
      lastComma = out.length;
      out.push(c);
      i++;
      continue;
    }
    if ((c === '}' || c === ']') && lastComma >= 0) out[lastComma] = ' ';
    if (!/\s/.test(c)) lastComma = -1;
    out.push(c);
    i++;
  }
  return out.join('');
}
