import { computed, signal } from '@angular/core';
import type { ForumReplyPartsFragment } from '@lantern/web-graphql';

export type Reply = ForumReplyPartsFragment;

export interface ReplyNode {
  reply: Reply;
  children: ReplyNode[];
  /** Every reply below this one that is loaded. */
  descendants: number;
}

/**
 * Nest replies that come flat in tree order (each after its parent, with `parentId`). A reply whose
 * parent is not in the list starts a tree of its own.
 */
export function buildReplyTree(flat: readonly Reply[]): ReplyNode[] {
  const byId = new Map<string, ReplyNode>();
  const roots: ReplyNode[] = [];
  for (const reply of flat) {
    const node: ReplyNode = { reply, children: [], descendants: 0 };
    byId.set(reply.id, node);
    const parent = reply.parentId ? byId.get(reply.parentId) : undefined;
    (parent ? parent.children : roots).push(node);
  }
  const count = (node: ReplyNode): number =>
    (node.descendants = node.children.reduce((n, child) => n + 1 + count(child), 0));
  roots.forEach(count);
  return roots;
}

/** Where a new reply goes among the top-level ones. */
export type TopLevelPlace = 'start' | 'end';

/**
 * The replies of a thread page as a tree: pages appended with "Load more", "Continue this thread"
 * merged in place, live replies inserted under their parent, and which replies are collapsed.
 * The list is kept flat in tree order (what the API sends); the tree is derived from it.
 */
export class ReplyTree {
  private readonly flat = signal<readonly Reply[]>([]);
  private readonly collapsedIds = signal<ReadonlySet<string>>(new Set());

  readonly replies = this.flat.asReadonly();
  readonly roots = computed(() => buildReplyTree(this.flat()));
  readonly size = computed(() => this.flat().length);

  has(id: string): boolean {
    return this.flat().some((r) => r.id === id);
  }

  get(id: string): Reply | undefined {
    return this.flat().find((r) => r.id === id);
  }

  /** Start again with the first page. */
  reset(nodes: readonly Reply[]): void {
    this.flat.set(dedupe(nodes));
    this.collapsedIds.set(new Set());
  }

  /** The next page (replies already shown, e.g. arrived live, are not repeated). */
  append(nodes: readonly Reply[]): void {
    this.flat.update((list) => {
      const known = new Set(list.map((r) => r.id));
      return [...list, ...nodes.filter((r) => !known.has(r.id))];
    });
  }

  /**
   * A new reply (posted here or arrived live). A reply to a reply goes after its parent's last
   * descendant; a top-level one at the start or end. Returns false when it is already shown or its
   * parent is not (then it would have nowhere to go).
   */
  insert(reply: Reply, place: TopLevelPlace = 'end'): boolean {
    const list = this.flat();
    if (list.some((r) => r.id === reply.id)) return false;
    if (!reply.parentId) {
      this.flat.set(place === 'start' ? [reply, ...list] : [...list, reply]);
      return true;
    }
    const at = list.findIndex((r) => r.id === reply.parentId);
    if (at < 0) return false;
    const end = subtreeEnd(list, at);
    this.flat.set([...list.slice(0, end), reply, ...list.slice(end)]);
    // Show it: a collapsed parent opens.
    if (this.isCollapsed(reply.parentId)) this.toggle(reply.parentId);
    return true;
  }

  /** A reply changed (edited, deleted, accepted): replace it where it is. */
  replace(reply: Reply): void {
    this.flat.update((list) => list.map((r) => (r.id === reply.id ? reply : r)));
  }

  /**
   * A reply the viewer may no longer see (hidden by a moderator): it goes, with the replies shown
   * under it (they answer it, and would make no sense alone). Returns false when it was not shown.
   */
  remove(id: string): boolean {
    const list = this.flat();
    const at = list.findIndex((r) => r.id === id);
    if (at < 0) return false;
    this.flat.set([...list.slice(0, at), ...list.slice(subtreeEnd(list, at))]);
    return true;
  }

  /** Change every reply (e.g. which one is accepted). */
  update(change: (reply: Reply) => Reply): void {
    this.flat.update((list) => list.map(change));
  }

  /**
   * "Continue this thread": `nodes` is the reply and the replies below it (tree order, from
   * forumReplyThread). They go in under it; the reply no longer offers to continue.
   */
  continueFrom(replyId: string, nodes: readonly Reply[]): void {
    this.flat.update((list) => {
      const at = list.findIndex((r) => r.id === replyId);
      if (at < 0) return list;
      const root = nodes.find((r) => r.id === replyId) ?? list[at];
      const known = new Set(list.map((r) => r.id));
      const below = nodes.filter((r) => r.id !== replyId && !known.has(r.id));
      const end = subtreeEnd(list, at);
      return [
        ...list.slice(0, at),
        { ...root, continues: false },
        ...list.slice(at + 1, end),
        ...below,
        ...list.slice(end),
      ];
    });
  }

  isCollapsed(id: string): boolean {
    return this.collapsedIds().has(id);
  }

  /** Hide or show the replies under a reply. */
  toggle(id: string): void {
    this.collapsedIds.update((set) => {
      const next = new Set(set);
      if (!next.delete(id)) next.add(id);
      return next;
    });
  }
}

function dedupe(nodes: readonly Reply[]): Reply[] {
  const seen = new Set<string>();
  return nodes.filter((r) => !seen.has(r.id) && !!seen.add(r.id));
}

/** The index just after the last descendant of list[at] (the list is in tree order). */
function subtreeEnd(list: readonly Reply[], at: number): number {
  const depth = list[at].depth;
  let end = at + 1;
  while (end < list.length && list[end].depth > depth) end++;
  return end;
}
