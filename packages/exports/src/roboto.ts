// eslint-disable-next-line @typescript-eslint/triple-slash-reference -- pdfmake ships no types; the declarations must reach consumers that compile this source.
/// <reference path="./pdfmake.d.ts" />
/**
 * The Roboto fonts bundled with pdfmake (`build/vfs_fonts.js`, base64), as bytes for pdfkit:
 * the same faces in every PDF export, embedded so that accents and other Unicode render
 * everywhere, and nothing read from a disk or a network (the code also runs in a web worker).
 */
import vfs from 'pdfmake/build/vfs_fonts.js';

/** The faces the exports use, by their file name in pdfmake's virtual file system. */
export const ROBOTO = {
  regular: 'Roboto-Regular.ttf',
  bold: 'Roboto-Medium.ttf',
  italic: 'Roboto-Italic.ttf',
} as const;

export type RobotoFace = keyof typeof ROBOTO;

/** Width of a text on one line, in points, in a face of Roboto at a size. */
export type Measure = (face: RobotoFace, size: number, text: string) => number;

const decoded = new Map<RobotoFace, Uint8Array>();

/** The font file of a face, decoded once per process. */
export function robotoBytes(face: RobotoFace): Uint8Array {
  let bytes = decoded.get(face);
  if (!bytes) {
    const base64 = vfs[ROBOTO[face]];
    if (base64 === undefined) throw new Error(`pdfmake's fonts lack ${ROBOTO[face]}`);
    const binary = atob(base64);
    bytes = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    decoded.set(face, bytes);
  }
  return bytes;
}
