import { useEffect, useState } from 'react';

/**
 * Files dropped anywhere on the page are opened; returns whether files are being dragged
 * over it (for the overlay). The browser's own drop, which would navigate away to the file, is prevented.
 */
export function useFileDrop(open: (files: FileList | null) => Promise<void>): boolean {
  const [dragging, setDragging] = useState(false);
  useEffect(() => {
    const over = (e: DragEvent) => {
      if (!e.dataTransfer?.types.includes('Files')) return;
      e.preventDefault();
      setDragging(true);
    };
    // Leaving the window: relatedTarget is null.
    const leave = (e: DragEvent) => {
      if (e.relatedTarget === null) setDragging(false);
    };
    const drop = (e: DragEvent) => {
      e.preventDefault();
      setDragging(false);
      void open(e.dataTransfer?.files ?? null);
    };
    window.addEventListener('dragover', over);
    window.addEventListener('dragleave', leave);
    window.addEventListener('drop', drop);
    return () => {
      window.removeEventListener('dragover', over);
      window.removeEventListener('dragleave', leave);
      window.removeEventListener('drop', drop);
    };
  }, [open]);
  return dragging;
}
