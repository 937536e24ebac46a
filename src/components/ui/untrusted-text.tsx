import { revealInvisible } from '../../lib/defang';

/**
 * Text that came from third-party data: rendered as plain text (React escapes it), with invisible
 * and direction-changing characters made visible, isolated from the surrounding text direction.
 */
export function UntrustedText({ text }: { text: string }) {
  return (
    <bdi dir="ltr" className="break-all">
      {revealInvisible(text)}
    </bdi>
  );
}
