import { useState, type ReactNode } from 'react';

/**
 * A dashed area that takes a dropped file, with a "choose a file" picker inside. It handles the
 * drop itself (preventDefault), so the shell's drop-anywhere-to-verify leaves it alone.
 */
export function DropZone({ onFile, inputLabel, children, note }: { onFile: (file: File) => void; inputLabel: string; children: ReactNode; note?: ReactNode }) {
  const [over, setOver] = useState(false);
  return (
    <div
      className={`dropzone${over ? ' over' : ''}`}
      onDragOver={(e) => {
        e.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={(e) => {
        e.preventDefault();
        setOver(false);
        const file = e.dataTransfer.files[0];
        if (file) onFile(file);
      }}
    >
      {children}{' '}
      <label className="btn small">
        choose a file
        <input type="file" className="visually-hidden" aria-label={inputLabel} onChange={(e) => e.target.files?.[0] && onFile(e.target.files[0])} />
      </label>
      {note && <div className="faint">{note}</div>}
    </div>
  );
}
