import { TestBed } from '@angular/core/testing';
import { reply } from '../../../testing/forum-data';
import { ReplyTree, buildReplyTree } from './reply-tree';

describe('buildReplyTree', () => {
  it('nests flat replies in tree order under their parents and counts what is below each', () => {
    const flat = [
      reply('a'),
      reply('a1', { parentId: 'a', depth: 1 }),
      reply('a1x', { parentId: 'a1', depth: 2 }),
      reply('a2', { parentId: 'a', depth: 1 }),
      reply('b'),
    ];
    const roots = buildReplyTree(flat);
    expect(roots.map((n) => n.reply.id)).toEqual(['a', 'b']);
    expect(roots[0].children.map((n) => n.reply.id)).toEqual(['a1', 'a2']);
    expect(roots[0].children[0].children.map((n) => n.reply.id)).toEqual(['a1x']);
    expect(roots[0].descendants).toBe(3);
    expect(roots[0].children[0].descendants).toBe(1);
    expect(roots[1].descendants).toBe(0);
  });

  it('starts a tree of its own for a reply whose parent is not in the list', () => {
    const roots = buildReplyTree([
      reply('x', { parentId: 'missing', depth: 3 }),
      reply('y', { parentId: 'x', depth: 4 }),
    ]);
    expect(roots.map((n) => n.reply.id)).toEqual(['x']);
    expect(roots[0].children.map((n) => n.reply.id)).toEqual(['y']);
  });
});

describe('ReplyTree', () => {
  function tree(): ReplyTree {
    return TestBed.runInInjectionContext(() => new ReplyTree());
  }

  it('collapses and expands the replies under one reply, and forgets it on a fresh start', () => {
    const t = tree();
    t.reset([reply('a'), reply('a1', { parentId: 'a', depth: 1 }), reply('b')]);
    expect(t.isCollapsed('a')).toBe(false);
    t.toggle('a');
    expect(t.isCollapsed('a')).toBe(true);
    expect(t.isCollapsed('b')).toBe(false);
    t.toggle('a');
    expect(t.isCollapsed('a')).toBe(false);
    t.toggle('b');
    t.reset([reply('b')]);
    expect(t.isCollapsed('b')).toBe(false);
  });

  it('appends the next page without repeating replies already shown', () => {
    const t = tree();
    t.reset([reply('a')]);
    t.insert(reply('live'));
    t.append([reply('b'), reply('live'), reply('c')]);
    expect(t.replies().map((r) => r.id)).toEqual(['a', 'live', 'b', 'c']);
  });

  it('puts a new reply after the last reply below its parent, and opens a collapsed parent', () => {
    const t = tree();
    t.reset([
      reply('a'),
      reply('a1', { parentId: 'a', depth: 1 }),
      reply('a1x', { parentId: 'a1', depth: 2 }),
      reply('b'),
    ]);
    t.toggle('a');
    expect(t.insert(reply('new', { parentId: 'a', depth: 1 }))).toBe(true);
    expect(t.replies().map((r) => r.id)).toEqual(['a', 'a1', 'a1x', 'new', 'b']);
    expect(t.roots()[0].children.map((n) => n.reply.id)).toEqual(['a1', 'new']);
    expect(t.isCollapsed('a')).toBe(false);
  });

  it('puts a new top-level reply at the end, or at the start when newest come first', () => {
    const t = tree();
    t.reset([reply('a'), reply('b')]);
    t.insert(reply('z'));
    t.insert(reply('first'), 'start');
    expect(t.roots().map((n) => n.reply.id)).toEqual(['first', 'a', 'b', 'z']);
  });

  it('refuses a reply already shown, or one whose parent is not shown', () => {
    const t = tree();
    t.reset([reply('a')]);
    expect(t.insert(reply('a'))).toBe(false);
    expect(t.insert(reply('orphan', { parentId: 'elsewhere', depth: 1 }))).toBe(false);
    expect(t.size()).toBe(1);
  });

  it('continues a thread past the depth limit: the deeper replies go in under the reply, which stops offering it', () => {
    const t = tree();
    t.reset([reply('a'), reply('d5', { parentId: 'a', depth: 5, continues: true }), reply('b')]);
    t.continueFrom('d5', [
      reply('d5', { parentId: 'a', depth: 5 }),
      reply('d6', { parentId: 'd5', depth: 6 }),
      reply('d7', { parentId: 'd6', depth: 7 }),
    ]);
    expect(t.replies().map((r) => r.id)).toEqual(['a', 'd5', 'd6', 'd7', 'b']);
    expect(t.get('d5')?.continues).toBe(false);
    const d5 = t.roots()[0].children[0];
    expect(d5.children[0].reply.id).toBe('d6');
    expect(d5.children[0].children[0].reply.id).toBe('d7');
  });
});
