'use client';

import { Children, isValidElement, memo, type ReactElement, type ReactNode } from 'react';

// Messages per group: a long conversation is a few dozen groups for the browser to lay out and check for visibility, not a thousand messages.
const GROUP_SIZE = 16;

type Props = Record<string, unknown>;

/** A `memo` component's comparison (React keeps it on the type), if `type` is one with its own. */
function memoCompare(type: unknown): ((a: Props, b: Props) => boolean) | undefined {
  const compare = typeof type === 'object' && type !== null ? (type as { compare?: unknown }).compare : undefined;
  return typeof compare === 'function' ? (compare as (a: Props, b: Props) => boolean) : undefined;
}

function sameProps(a: Props, b: Props): boolean {
  let count = 0;
  for (const key in a) {
    count++;
    if (!(key === 'children' ? sameNode(a[key], b[key]) : Object.is(a[key], b[key])) || !(key in b)) return false;
  }
  for (const _key in b) count--;
  return count === 0;
}

/**
 * Whether two renders of a message would render the same: equal primitives, or elements of the same
 * type and key whose props are the same values (children compared the same way, a `memo` component's
 * props by its own comparison). Components are pure, as `memo` assumes.
 */
function sameNode(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (isValidElement(a)) {
    if (!isValidElement(b) || a.type !== b.type || a.key !== b.key) return false;
    const compare = memoCompare(a.type);
    return compare ? compare(a.props as Props, b.props as Props) : sameProps(a.props as Props, b.props as Props);
  }
  if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (!sameNode(a[i], b[i])) return false;
  return true;
}

interface GroupProps {
  items: ReactNode[];
  /** Not the newest group: the browser may skip it while it is off screen (styles.css). */
  settled: boolean;
}

const Group = memo(
  function Group({ items, settled }: GroupProps) {
    return (
      <div className="rill-conversation__group" data-settled={settled || undefined}>
        {items}
      </div>
    );
  },
  (prev, next) =>
    prev.settled === next.settled &&
    prev.items.length === next.items.length &&
    prev.items.every((item, i) => sameNode(item, next.items[i])),
);

/**
 * The conversation's messages in groups of 16, oldest first: a group whose messages render as they
 * did is not re-rendered, and only the newest group (the one that streams) is never skipped by the
 * browser off screen. A message keeps its group (and its state) as later ones arrive.
 *
 * @example <MessageGroups>{messages.map((m) => <MessageView key={m.id} message={m.message} />)}</MessageGroups>
 */
export function MessageGroups({ children }: { children: ReactNode }): ReactElement {
  const items = Children.toArray(children);
  const groups: ReactElement[] = [];
  for (let start = 0; start < items.length; start += GROUP_SIZE) {
    groups.push(
      <Group
        key={start / GROUP_SIZE}
        items={items.slice(start, start + GROUP_SIZE)}
        settled={start + GROUP_SIZE < items.length}
      />,
    );
  }
  return <>{groups}</>;
}
