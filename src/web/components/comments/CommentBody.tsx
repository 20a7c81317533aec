import { Fragment, useMemo } from 'react';
import { type Block, type Inline, type ListBlock, parseComment } from '../../../shared/comment-format';

/** Links in comments open from people's own writing: no referrer, no ranking credit, no window.opener. */
const REL = 'noopener noreferrer nofollow ugc';

function InlineNodes({ nodes }: { nodes: Inline[] }) {
  return (
    <>
      {nodes.map((n, i) => {
        const key = `${i}-${n.type}`;
        if (n.type === 'link')
          return (
            <a key={key} href={n.href} rel={REL} className="break">
              {n.text}
            </a>
          );
        if (n.type === 'mention')
          return (
            <span key={key} className="mention">
              @{n.name}
            </span>
          );
        return <Fragment key={key}>{n.text}</Fragment>;
      })}
    </>
  );
}

function Lines({ lines }: { lines: Inline[][] }) {
  return (
    <>
      {lines.map((line, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: lines have no identity but their place
        <Fragment key={i}>
          {i > 0 && <br />}
          <InlineNodes nodes={line} />
        </Fragment>
      ))}
    </>
  );
}

function List({ list }: { list: ListBlock }) {
  const items = list.items.map((it, i) => (
    // biome-ignore lint/suspicious/noArrayIndexKey: list items have no identity but their place
    <li key={i}>
      <Lines lines={it.content} />
      {it.children.map((c, j) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: as above
        <List key={j} list={c} />
      ))}
    </li>
  ));
  return list.ordered ? <ol start={list.start !== 1 ? list.start : undefined}>{items}</ol> : <ul>{items}</ul>;
}

/**
 * A comment's text, formatted safely: the pure parser in shared/comment-format.ts makes a tree and this
 * renders it with React elements (React escapes all text). No HTML string is ever built or injected.
 */
export function CommentBody({ body }: { body: string }) {
  const blocks = useMemo<Block[]>(() => parseComment(body), [body]);
  return (
    <div className="comment-body">
      {blocks.map((b, i) =>
        b.type === 'paragraph' ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: blocks have no identity but their place
          <p key={i}>
            <Lines lines={b.lines} />
          </p>
        ) : (
          // biome-ignore lint/suspicious/noArrayIndexKey: as above
          <List key={i} list={b} />
        ),
      )}
    </div>
  );
}
