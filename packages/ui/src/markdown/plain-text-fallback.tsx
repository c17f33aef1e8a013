'use client';

import { Component, type ReactNode } from 'react';

/** Props of {@link PlainTextFallback}. */
export interface PlainTextFallbackProps {
  /** The source, shown as written if rendering it fails. */
  text: string;
  streaming: boolean;
  className?: string;
  children: ReactNode;
}

interface FallbackState {
  failed: boolean;
  text: string;
  streaming: boolean;
}

/**
 * An error boundary: if rendering its children throws, the text is shown as plain text under a
 * short note, and the rest of the page keeps working. It tries to render again once the stream
 * ends or the text is replaced (not while the same text merely grows).
 *
 * @example
 * <PlainTextFallback text={text} streaming={false}><Formatted text={text} /></PlainTextFallback>
 */
export class PlainTextFallback extends Component<PlainTextFallbackProps, FallbackState> {
  override state: FallbackState = { failed: false, text: this.props.text, streaming: this.props.streaming };

  static getDerivedStateFromError(): Partial<FallbackState> {
    return { failed: true };
  }

  static getDerivedStateFromProps(props: PlainTextFallbackProps, state: FallbackState): Partial<FallbackState> {
    // Compared only after a failure: rendering normally costs nothing proportional to the text.
    const retry = state.failed && (props.streaming !== state.streaming || !props.text.startsWith(state.text));
    return { failed: state.failed && !retry, text: props.text, streaming: props.streaming };
  }

  override render(): ReactNode {
    if (!this.state.failed) return this.props.children;
    const { text, className } = this.props;
    return (
      <div className={className ? `rill-md ${className}` : 'rill-md'} data-state="plain">
        <p className="rill-md__notice" role="note">
          This part could not be formatted; it is shown as plain text.
        </p>
        <p className="rill-md__plain">{text}</p>
      </div>
    );
  }
}
