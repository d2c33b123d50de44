/** Cross-page work for message segments: collected in page order. */
import type { BuiltPage } from './build/index.js';
import type { Diagnostic } from './diagnostics.js';
import type { Segment } from './types.js';

export function collectSegments(pages: readonly BuiltPage[], _diagnostics: Diagnostic[]): Segment[] {
  return pages.flatMap((p) => p.segments);
}
