// A deliberately tiny template language, so templates stay data a translator can edit:
//   {{name}}                      a value (unknown names are left as written, so user text with braces survives)
//   {{#if name}}…{{else}}…{{/if}}  a block shown when the value is non-empty
//   {{#unless name}}…{{/unless}}   a block shown when it is empty
export type Vars = Record<string, string | undefined>;

type Node =
  | { t: 'text'; s: string }
  | { t: 'var'; name: string; raw: string }
  | { t: 'if'; name: string; negate: boolean; then: Node[]; else: Node[] };

const TOKEN = /\{\{\s*(#if|#unless|else|\/if|\/unless)?\s*([a-z][a-z0-9_]*)?\s*\}\}/g;

export class TemplateSyntaxError extends Error {}

export function parse(src: string): Node[] {
  const root: Node[] = [];
  const stack: { node: Extract<Node, { t: 'if' }>; inElse: boolean; close: string }[] = [];
  const out = () => {
    const top = stack[stack.length - 1];
    return top ? (top.inElse ? top.node.else : top.node.then) : root;
  };
  let last = 0;
  for (const m of src.matchAll(TOKEN)) {
    const [raw, op, name] = m;
    if (m.index > last) out().push({ t: 'text', s: src.slice(last, m.index) });
    last = m.index + raw.length;
    if (!op) {
      if (name) out().push({ t: 'var', name, raw });
      else out().push({ t: 'text', s: raw });
    } else if (op === '#if' || op === '#unless') {
      if (!name) throw new TemplateSyntaxError(`${op} needs a name: ${raw}`);
      const node: Extract<Node, { t: 'if' }> = { t: 'if', name, negate: op === '#unless', then: [], else: [] };
      out().push(node);
      stack.push({ node, inElse: false, close: op === '#if' ? '/if' : '/unless' });
    } else if (op === 'else') {
      const top = stack[stack.length - 1];
      if (!top || top.inElse) throw new TemplateSyntaxError('{{else}} without an open {{#if}}.');
      top.inElse = true;
    } else {
      const top = stack.pop();
      if (!top || top.close !== op) throw new TemplateSyntaxError(`{{${op}}} does not close an open block.`);
    }
  }
  if (stack.length) throw new TemplateSyntaxError(`{{#if ${stack[stack.length - 1].node.name}}} is never closed.`);
  if (last < src.length) root.push({ t: 'text', s: src.slice(last) });
  return root;
}

function run(nodes: Node[], vars: Vars): string {
  let s = '';
  for (const n of nodes) {
    if (n.t === 'text') s += n.s;
    else if (n.t === 'var') s += n.name in vars ? (vars[n.name] ?? '') : n.raw;
    else {
      const truthy = Boolean(vars[n.name]?.trim());
      s += run(truthy !== n.negate ? n.then : n.else, vars);
    }
  }
  return s;
}

/** Renders and tidies: blocks that rendered empty leave no run of blank lines behind. */
export function render(src: string, vars: Vars): string {
  return run(parse(src), vars)
    .replace(/[ \t]+$/gm, '')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** Every name a template refers to (for the loader's check that templates only use names that exist). */
export function namesIn(src: string): string[] {
  const names = new Set<string>();
  const walk = (nodes: Node[]) => {
    for (const n of nodes) {
      if (n.t === 'var') names.add(n.name);
      if (n.t === 'if') {
        names.add(n.name);
        walk(n.then);
        walk(n.else);
      }
    }
  };
  walk(parse(src));
  return [...names];
}
