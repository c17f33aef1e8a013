import type { Citation, StreamPart } from '../message/types.js';
import { defined, num, str, type Json } from './payload.js';

/** The output texts of a Responses stream, kept to place annotations. */
export interface ResponsesAnnotations {
  /** Records a text delta of the content part `textId` (`<item_id>:<content_index>`). */
  text(textId: string, delta: string): void;
  /** An `output_text.annotation.added` annotation as its source and a citation on `textId`. */
  annotation(textId: string, annotation: Json): StreamPart[];
}

const HIGH_SURROGATE = /[\uD800-\uDBFF]/;

/**
 * Places OpenAI Responses annotations: `url_citation` → url source, `file_citation`,
 * `container_file_citation` and `file_path` → document source (by `file_id`), each with a
 * citation on its output text. OpenAI counts characters (code points); a text that has
 * characters outside the BMP gets its offsets converted to UTF-16.
 *
 * @example
 * const annotations = createResponsesAnnotations();
 * annotations.text('msg_1:0', 'Paris.');
 * annotations.annotation('msg_1:0', { type: 'file_citation', file_id: 'file-1', filename: 'a.txt', index: 6 });
 */
export function createResponsesAnnotations(): ResponsesAnnotations {
  // Only texts with astral characters need their text to convert offsets; the others count as they are.
  const texts = new Map<string, { text: string; astral: boolean }>();

  const utf16 = (textId: string, index: number | undefined): number | undefined => {
    const entry = texts.get(textId);
    if (index === undefined || entry === undefined || !entry.astral) return index;
    let offset = 0;
    for (let chars = 0; chars < index && offset < entry.text.length; chars++) {
      offset += HIGH_SURROGATE.test(entry.text.charAt(offset)) ? 2 : 1;
    }
    return offset;
  };

  const cite = (textId: string, citation: Citation): StreamPart => ({
    type: 'citation',
    id: textId,
    citation: defined(citation),
  });

  return {
    text(textId, delta) {
      const entry = texts.get(textId);
      if (entry === undefined) texts.set(textId, { text: delta, astral: HIGH_SURROGATE.test(delta) });
      else texts.set(textId, { text: entry.text + delta, astral: entry.astral || HIGH_SURROGATE.test(delta) });
    },
    annotation(textId, annotation) {
      const type = str(annotation, 'type') ?? '';
      const start = utf16(textId, num(annotation, 'start_index'));
      const end = utf16(textId, num(annotation, 'end_index') ?? num(annotation, 'index'));
      if (type === 'url_citation') {
        const url = str(annotation, 'url') ?? '';
        return [
          {
            type: 'source',
            source: defined({ id: url, sourceType: 'url' as const, url, title: str(annotation, 'title') }),
          },
          cite(textId, { sourceId: url, start, end }),
        ];
      }
      if (type === 'file_citation' || type === 'container_file_citation' || type === 'file_path') {
        const fileId = str(annotation, 'file_id') ?? '';
        return [
          {
            type: 'source',
            source: defined({
              id: fileId,
              sourceType: 'document' as const,
              fileId,
              filename: str(annotation, 'filename'),
            }),
          },
          cite(textId, { sourceId: fileId, start, end }),
        ];
      }
      return [{ type: 'ignored', what: `annotation:${type}` }];
    },
  };
}
