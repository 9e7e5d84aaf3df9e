/** The part of pdfmake 0.3 the exports use (its package ships no types). */
declare module 'pdfmake' {
  interface OutputDocument {
    getBuffer(): Promise<Uint8Array>;
  }
  interface PdfMake {
    virtualfs: { writeFileSync(name: string, content: string, encoding: string): void };
    addVirtualFileSystem?: (vfs: Record<string, string>) => void;
    setFonts(fonts: Record<string, Record<string, string>>): void;
    setUrlAccessPolicy?: (policy: (url: string) => boolean) => void;
    setLocalAccessPolicy?: (policy: (path: string) => boolean) => void;
    createPdf(definition: object): OutputDocument;
  }
  const pdfMake: PdfMake;
  export default pdfMake;
}

declare module 'pdfmake/build/vfs_fonts.js' {
  const vfs: Record<string, string>;
  export default vfs;
}
