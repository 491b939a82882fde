/** Hands the browser a file to save, made here from what the API answered (never a link with a token in it). */
export function saveFile(content: string, type: string, name: string): void {
  const link = document.createElement('a');
  link.href = URL.createObjectURL(new Blob([content], { type }));
  link.download = name;
  link.click();
  URL.revokeObjectURL(link.href);
}

/** The content type of the register's CSV files. */
export const CSV = 'text/csv;charset=utf-8';
