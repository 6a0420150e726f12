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
});
