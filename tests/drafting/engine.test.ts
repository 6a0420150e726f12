import { describe, expect, it } from 'vitest';
import { namesIn, render, TemplateSyntaxError } from '../../electron/core/drafting/engine';

describe('template engine', () => {
  it('fills names, picks blocks by emptiness, and leaves unknown names as the user wrote them', () => {
    const src = 'Dear {{name}},{{#if ref}} ref {{ref}}{{else}} no ref{{/if}}.{{#unless gdpr}} Not GDPR.{{/unless}} Keep {{braces}}';
    expect(render(src, { name: 'Ζωή', ref: '', gdpr: 'yes' })).toBe('Dear Ζωή, no ref. Keep {{braces}}');
    expect(render(src, { name: 'Łucja', ref: 'A-1', gdpr: '' })).toBe('Dear Łucja, ref A-1. Not GDPR. Keep {{braces}}');
  });

  it('nests blocks and collapses the blank lines an empty block leaves', () => {
    expect(render('a\n\n{{#if x}}{{#if y}}both{{/if}}{{/if}}\n\n\nb', { x: '1', y: '' })).toBe('a\n\nb');
    expect(namesIn('{{#if x}}{{y}}{{else}}{{z}}{{/if}}').sort()).toEqual(['x', 'y', 'z']);
  });

  it('reports unbalanced blocks', () => {
    expect(() => render('{{#if x}}open', {})).toThrow(TemplateSyntaxError);
    expect(() => render('{{/if}}', {})).toThrow(/does not close/);
    expect(() => render('{{#if x}}a{{/unless}}', {})).toThrow(/does not close/);
  });

  it('repeats a block per item of a list, with the item’s names over the outer ones', () => {
    const vars = { who: 'LinkedIn', requests: [{ date: '2 March 2026', replied: 'yes' }, { date: '30 April 2026', replied: '' }] };
    expect(render('{{#each requests}}- {{date}}: {{#if replied}}{{who}} answered{{else}}open{{/if}}\n{{/each}}', vars)).toBe('- 2 March 2026: LinkedIn answered\n- 30 April 2026: open');
    expect(render('{{#if requests}}some{{else}}none{{/if}}', { requests: [] })).toBe('none');
    expect(namesIn('{{#each requests}}{{date}}{{#if ref}}{{ref}}{{/if}}{{/each}}{{who}}').sort()).toEqual(['requests', 'requests.date', 'requests.ref', 'who']);
    expect(() => render('{{#each requests}}{{else}}{{/each}}', vars)).toThrow(/\{\{else\}\} without an open/);
  });

  it('keeps a block over a name it does not know as written, to be rendered once that value is known', () => {
    const prefill = render('{{#if ref}}(ref {{own}}){{/if}} {{#if own}}mine: {{own}}{{/if}}', { ref: 'yes' });
    expect(prefill).toBe('(ref {{own}}) {{#if own}}mine: {{own}}{{/if}}');
    expect(render(prefill, { ref: 'yes', own: 'X-1' })).toBe('(ref X-1) mine: X-1');
  });
});
