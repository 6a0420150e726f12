// A deliberately tiny template language, so templates stay data a translator can edit:
//   {{name}}                          a value (unknown names, and blocks over them, are left as written, so user text
//                                      with braces survives and a field's own blocks wait until its value is known)
//   {{#if name}}…{{else}}…{{/if}}      a block shown when the value is non-empty (a list: when it has items)
//   {{#unless name}}…{{/unless}}       a block shown when it is empty
//   {{#each list}}…{{/each}}           the block once per item of a list (the case's requests), with the item's names
//                                      in scope over the outer ones
export type Value = string | undefined | readonly Vars[];
export interface Vars {
  [name: string]: Value;
}

type Node =
  | { t: 'text'; s: string }
  | { t: 'var'; name: string; raw: string }
  | { t: 'if'; name: string; negate: boolean; then: Node[]; else: Node[]; raw: string }
  | { t: 'each'; name: string; body: Node[]; raw: string };

const TOKEN = /\{\{\s*(#if|#unless|#each|else|\/if|\/unless|\/each)?\s*([a-z][a-z0-9_]*)?\s*\}\}/g;

export class TemplateSyntaxError extends Error {}

export function parse(src: string): Node[] {
  const root: Node[] = [];
  type Open = { node: Extract<Node, { t: 'if' }> | Extract<Node, { t: 'each' }>; inElse: boolean; close: string; start: number };
  const stack: Open[] = [];
  const out = () => {
    const top = stack[stack.length - 1];
    if (!top) return root;
    if (top.node.t === 'each') return top.node.body;
    return top.inElse ? top.node.else : top.node.then;
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
      const node: Extract<Node, { t: 'if' }> = { t: 'if', name, negate: op === '#unless', then: [], else: [], raw: '' };
      out().push(node);
      stack.push({ node, inElse: false, close: op === '#if' ? '/if' : '/unless', start: m.index });
    } else if (op === '#each') {
      if (!name) throw new TemplateSyntaxError(`#each needs a list name: ${raw}`);
      const node: Extract<Node, { t: 'each' }> = { t: 'each', name, body: [], raw: '' };
      out().push(node);
      stack.push({ node, inElse: false, close: '/each', start: m.index });
    } else if (op === 'else') {
      const top = stack[stack.length - 1];
      if (!top || top.inElse || top.node.t === 'each') throw new TemplateSyntaxError('{{else}} without an open {{#if}}.');
      top.inElse = true;
    } else {
      const top = stack.pop();
      if (!top || top.close !== op) throw new TemplateSyntaxError(`{{${op}}} does not close an open block.`);
      top.node.raw = src.slice(top.start, last);
    }
  }
  if (stack.length) {
    const open = stack[stack.length - 1].node;
    throw new TemplateSyntaxError(`{{#${open.t === 'each' ? 'each' : 'if'} ${open.name}}} is never closed.`);
  }
  if (last < src.length) root.push({ t: 'text', s: src.slice(last) });
  return root;
}

const truthy = (v: Value) => (typeof v === 'string' ? v.trim() !== '' : Array.isArray(v) ? v.length > 0 : false);

function run(nodes: Node[], vars: Vars): string {
  let s = '';
  for (const n of nodes) {
    if (n.t === 'text') s += n.s;
    else if (n.t === 'var') {
      const v = vars[n.name];
      s += n.name in vars ? (typeof v === 'string' ? v : '') : n.raw;
    } else if (!(n.name in vars)) {
      // A block over a name this render does not know (a field, when only the case's facts are filled in) is kept as
      // written, to be rendered once the field's value is known.
      s += n.raw;
    } else if (n.t === 'each') {
      const list = vars[n.name];
      if (Array.isArray(list)) for (const item of list as readonly Vars[]) s += run(n.body, { ...vars, ...item });
    } else {
      s += run(truthy(vars[n.name]) !== n.negate ? n.then : n.else, vars);
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

/** Whether a name's value counts as true in `{{#if}}` (a requirement's or caution's fact). */
export function isTrue(vars: Vars, name: string): boolean {
  return truthy(vars[name]);
}

/**
 * Every name a template refers to (for the loader's check that templates only use names that exist). A name inside
 * `{{#each list}}` comes back as `list.name`: the loader checks it against the list's item names, then the outer ones.
 */
export function namesIn(src: string): string[] {
  const names = new Set<string>();
  const walk = (nodes: Node[], scope: string) => {
    for (const n of nodes) {
      if (n.t === 'var') names.add(scope + n.name);
      if (n.t === 'if') {
        names.add(scope + n.name);
        walk(n.then, scope);
        walk(n.else, scope);
      }
      if (n.t === 'each') {
        names.add(scope + n.name);
        walk(n.body, `${scope}${n.name}.`);
      }
    }
  };
  walk(parse(src), '');
  return [...names];
}
