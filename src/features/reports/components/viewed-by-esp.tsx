import type { FileViewedByEsp } from '../../../api/schemas/report-file';
import { utcMinute } from '../model/report-labels';

type Evidence = NonNullable<FileViewedByEsp['evidence']>;

const served = ({ actor, at, seq, itemId }: Evidence) =>
  `${actor.name} was served the whole file (item ${itemId}) after a reveal at ${utcMinute(at)}: audit event #${seq}.`;

/**
 * `fileViewedByEsp`: derived from the audit log, with the serving that proves it; once sent to
 * NCMEC, the answer sent, and any viewing since shown apart from it.
 */
export function ViewedByEsp({ viewed }: { viewed: FileViewedByEsp }) {
  const sent = viewed.sentAt && (
    <> Sent to NCMEC at {utcMinute(viewed.sentAt)}: this answer no longer changes.</>
  );
  const after = viewed.viewedAfterFiling && (
    <p className="text-sm">
      <strong>Viewed after filing.</strong> {served(viewed.viewedAfterFiling)} NCMEC was told “not
      viewed”, which was true when it was sent; this viewing is not sent and changes nothing NCMEC
      received.
    </p>
  );
  if (viewed.viewed && viewed.evidence) {
    return (
      <p className="text-sm">
        <strong>Viewed by the provider: yes.</strong> {served(viewed.evidence)}
        {sent}
      </p>
    );
  }
  return (
    <>
      <p className="text-sm">
        <strong>Viewed by the provider: no.</strong> No one here was served this whole file
        {viewed.sentAt ? ' before it was sent' : ''}. That is a complete answer, not a gap: after{' '}
        <cite>United States v. Wilson</cite> (9th Cir. 2021), police may need a warrant to open a
        file the provider did not view. Whether to view it is a matter of policy, not of completing
        this report.
        {sent}
      </p>
      {after}
    </>
  );
}
