import { ALL_PLATFORMS_NAME } from '@contact-desk/shared';
import { AlignmentType, Document, Footer, HeadingLevel, PageNumber, Paragraph, TextRun } from 'docx';
import { contentWeights, docxTable, pageOf } from './docx-table.js';
import { packDocx } from './docx-package.js';
import { figuresTable } from './figures-table.js';
import { labelSeparator, mdTable } from './markdown.js';
import { figuresTableNode } from './figures-pdf.js';
import { formatDate, formatLogPosition, formatLongDate, metaLines } from './format.js';
import { factsTable, headerCell, metaBlock, renderPdf, tableLayout, type PdfNode } from './pdf.js';
import { textsFor, type Texts } from './texts/index.js';
import type { MinutesInput } from './types.js';

/** The minutes laid out once, as plain tables and lists, for the three formats. */
function minutesModel(input: MinutesInput) {
  const texts = textsFor(input.meta.language);
  const { meeting, meta } = input;
  const { adoption } = input;
  const standing = adoption
    ? texts.minutes.adopted(
        adoption.version,
        formatLongDate(adoption.adoptedAt, meta.timeZone, texts, true),
        adoption.upToSeq,
        adoption.contentHash,
      )
    : texts.minutes.draft;
  const facts: [string, string][] = [
    [texts.minutes.standing, standing],
    ...(adoption?.note ? [[texts.minutes.amendmentNote, adoption.note] as [string, string]] : []),
    [texts.minutes.date, formatLongDate(meeting.startsAt, meta.timeZone, texts, true) + ` (${meta.timeZone})`],
    [texts.minutes.place, meeting.place],
  ];
  if (meeting.videoLink) facts.push([texts.minutes.videoLink, meeting.videoLink]);
  facts.push([texts.minutes.chair, meeting.chair]);
  const attendance = {
    header: [texts.minutes.party, texts.minutes.partyKind, texts.minutes.presence],
    body: input.attendance.map((a) => [
      a.attendees && a.attendees.length > 0 ? `${a.party} — ${a.attendees.join(', ')}` : a.party,
      a.kind === 'platform' ? texts.minutes.platform : texts.minutes.ministry,
      texts.minutes.attendanceStatus[a.status],
    ]),
  };
  const actions = {
    header: [texts.minutes.action, texts.minutes.owner, texts.minutes.due, statusHeader(texts)],
    body: input.actionItems.map((a) => [
      a.text,
      a.owner,
      a.dueDate === undefined ? '–' : formatDate(a.dueDate, meta.timeZone, texts),
      a.closedAt === undefined
        ? texts.minutes.actionStatus[a.status]
        : texts.minutes.closedOn(texts.minutes.actionStatus[a.status], formatDate(a.closedAt, meta.timeZone, texts)),
    ]),
  };
  const figures = figuresTable(input.figures, texts.language);
  // A draft says so in its heading, not only in its facts.
  const kind =
    (meeting.kind === 'emergency' ? texts.minutes.emergency : texts.minutes.regular) + (adoption ? '' : ` — ${texts.minutes.draft}`);
  return { texts, facts, attendance, actions, figures, kind };
}

function statusHeader(texts: Texts): string {
  return texts.locale.startsWith('fr') ? 'État' : 'Status';
}

/** `Label : value` in French typography, `Label: value` in English. */
const labelSep = (texts: Texts) => labelSeparator(texts.locale);

const withPlatform = (text: string, platformName?: string) => (platformName ? `${platformName} — ${text}` : text);

/**
 * The minutes of a contact-group meeting as a PDF for circulation (portrait A4): title and
 * metadata block, the meeting's facts, attendance, agenda with notes and the late requests
 * discussed, decisions, action items and the figures of the period.
 *
 * @param input the meeting, what was said and decided, the figures, and the export's metadata
 * @returns the PDF's bytes
 */
export async function minutesPdf(input: MinutesInput): Promise<Uint8Array> {
  const { texts, facts, attendance, actions, figures, kind } = minutesModel(input);
  const simpleTable = (table: { header: string[]; body: string[][] }, widths: (string | number)[]): PdfNode => ({
    table: {
      headerRows: 1,
      widths,
      body: [table.header.map(headerCell), ...table.body.map((row) => row.map((text) => ({ text })))],
    },
    layout: tableLayout(4),
  });
  const content: PdfNode[] = [
    ...metaBlock(input.meta, texts),
    { text: `${input.meeting.title} — ${kind}`, style: 'h1', margin: [0, 0, 0, 5] },
    factsTable(facts),
    { text: texts.minutes.attendance, style: 'h1' },
    simpleTable(attendance, ['*', 'auto', 'auto']),
    { text: texts.minutes.agenda, style: 'h1' },
    ...input.agenda.flatMap((item, index): PdfNode[] => [
      { text: `${index + 1}. ${withPlatform(item.title, item.platformName)}`, style: 'h2' },
      ...item.notes.split(/\n{2,}/).map((paragraph) => ({ text: paragraph, margin: [0, 0, 0, 4] })),
      ...(item.lateRequests && item.lateRequests.length > 0
        ? [{ text: [{ text: `${texts.minutes.lateRequests}${labelSep(texts)}`, bold: true }, item.lateRequests.join(', ')] }]
        : []),
    ]),
    { text: texts.minutes.decisions, style: 'h1' },
    input.decisions.length === 0
      ? { text: texts.minutes.none, italics: true }
      : { ol: input.decisions.map((d) => withPlatform(d.text, d.platformName)) },
    { text: texts.minutes.actionItems, style: 'h1' },
    input.actionItems.length === 0 ? { text: texts.minutes.none, italics: true } : simpleTable(actions, ['*', 'auto', 'auto', 'auto']),
    // Fourteen columns: on a landscape page of their own, as in the Word document.
    figures.body.length === 0
      ? { text: texts.minutes.figures, style: 'h1' }
      : { text: texts.minutes.figures, style: 'h1', pageBreak: 'before', pageOrientation: 'landscape' },
    figures.body.length === 0 ? { text: texts.minutes.none, italics: true } : figuresTableNode(figures),
    { text: texts.figures.method, style: 'note', margin: [0, 4, 0, 0] },
  ];
  return renderPdf({ meta: input.meta, texts, orientation: 'portrait', content, fontSize: 10 });
}

/**
 * The minutes as a Word document, for editing: real headings (so the navigation pane and a
 * table of contents work), the metadata, attendance, agenda with notes, numbered decisions,
 * action items and figures as Word tables, and a footer with the log position and page number.
 *
 * @param input the meeting, what was said and decided, the figures, and the export's metadata
 * @returns the `.docx` file's bytes
 */
export async function minutesDocx(input: MinutesInput): Promise<Uint8Array> {
  const { texts, facts, attendance, actions, figures, kind } = minutesModel(input);
  const { meta } = input;
  const landscape = figures.body.length > 0;
  const figuresWeights = contentWeights(figures);
  const labelled = ([label, value]: readonly [string, string]) =>
    new Paragraph({ children: [new TextRun({ text: `${label}${labelSep(texts)}`, bold: true }), new TextRun(value)] });
  const heading = (text: string, level: (typeof HeadingLevel)[keyof typeof HeadingLevel] = HeadingLevel.HEADING_1) =>
    new Paragraph({ text, heading: level, spacing: { before: 240, after: 120 } });
  const none = () => new Paragraph({ children: [new TextRun({ text: texts.minutes.none, italics: true })] });

  const footer = () =>
    new Footer({
      children: [
        new Paragraph({
          children: [
            new TextRun({
              text: `${meta.title} · ${texts.meta.logPosition} ${formatLogPosition(meta)} · ${meta.timeZone} · `,
              size: 16,
              color: '5C5C5C',
            }),
            new TextRun({ children: ['page ', PageNumber.CURRENT, ' / ', PageNumber.TOTAL_PAGES], size: 16, color: '5C5C5C' }),
          ],
        }),
      ],
    });
  const figuresPart = () => [
    heading(texts.minutes.figures),
    figures.body.length === 0
      ? none()
      : docxTable(figures, {
          weights: figuresWeights,
          orientation: 'landscape',
          numericFrom: 1,
          size: 16,
          boldRows: Object.values(ALL_PLATFORMS_NAME),
        }),
    new Paragraph({ children: [new TextRun({ text: texts.figures.method, italics: true, size: 16, color: '5C5C5C' })] }),
  ];

  const document = new Document({
    creator: 'Contact Desk',
    title: meta.title,
    description: `${texts.meta.logPosition} ${formatLogPosition(meta)}`,
    styles: { default: { document: { run: { font: 'Calibri', size: 22 } } } },
    numbering: {
      config: [
        {
          reference: 'decisions',
          levels: [
            {
              level: 0,
              format: 'decimal',
              text: '%1.',
              alignment: AlignmentType.START,
              style: { paragraph: { indent: { left: 500, hanging: 300 } } },
            },
          ],
        },
      ],
    },
    sections: [
      {
        properties: { page: pageOf('portrait') },
        footers: { default: footer() },
        children: [
          new Paragraph({ text: meta.title, heading: HeadingLevel.TITLE }),
          ...metaLines(meta, texts).map(labelled),
          heading(`${input.meeting.title} — ${kind}`),
          ...facts.map(labelled),
          heading(texts.minutes.attendance),
          docxTable(attendance, { weights: [3, 1.3, 1], orientation: 'portrait' }),
          heading(texts.minutes.agenda),
          ...input.agenda.flatMap((item, index) => [
            heading(`${index + 1}. ${withPlatform(item.title, item.platformName)}`, HeadingLevel.HEADING_2),
            ...item.notes.split(/\n{2,}/).map((paragraph) => new Paragraph({ text: paragraph, spacing: { after: 80 } })),
            ...(item.lateRequests && item.lateRequests.length > 0
              ? [labelled([texts.minutes.lateRequests, item.lateRequests.join(', ')] as const)]
              : []),
          ]),
          heading(texts.minutes.decisions),
          ...(input.decisions.length === 0
            ? [none()]
            : input.decisions.map(
                (d) => new Paragraph({ text: withPlatform(d.text, d.platformName), numbering: { reference: 'decisions', level: 0 } }),
              )),
          heading(texts.minutes.actionItems),
          input.actionItems.length === 0 ? none() : docxTable(actions, { weights: [4, 2, 1.2, 1], orientation: 'portrait' }),
          ...(landscape ? [] : figuresPart()),
        ],
      },
      // The figures table has fourteen columns: on a landscape page of its own, so that no figure wraps.
      ...(landscape ? [{ properties: { page: pageOf('landscape') }, footers: { default: footer() }, children: figuresPart() }] : []),
    ],
  });
  return packDocx(document, {
    title: meta.title,
    description: `${texts.meta.logPosition} ${formatLogPosition(meta)}`,
    at: meta.generatedAt,
  });
}

/**
 * The minutes as Markdown (GitHub flavour, tables included) for the archive: plain text that
 * stays readable and diffable for decades.
 *
 * @param input the meeting, what was said and decided, the figures, and the export's metadata
 * @returns the file's bytes (UTF-8, no byte order mark, LF line ends)
 */
export async function minutesMarkdown(input: MinutesInput): Promise<Uint8Array> {
  const { texts, facts, attendance, actions, figures, kind } = minutesModel(input);
  const sep = labelSep(texts);
  const out: string[] = [
    `# ${input.meta.title}`,
    '',
    ...metaLines(input.meta, texts).map(([k, v]) => `- **${k}**${sep}${v}`),
    '',
    `## ${input.meeting.title} — ${kind}`,
    '',
    ...facts.map(([k, v]) => `- **${k}**${sep}${v}`),
    '',
    `## ${texts.minutes.attendance}`,
    '',
    mdTable(attendance),
    '',
    `## ${texts.minutes.agenda}`,
    '',
  ];
  input.agenda.forEach((item, index) => {
    out.push(`### ${index + 1}. ${withPlatform(item.title, item.platformName)}`, '', item.notes, '');
    if (item.lateRequests && item.lateRequests.length > 0) {
      out.push(`**${texts.minutes.lateRequests}**${sep}${item.lateRequests.map((ref) => `\`${ref}\``).join(', ')}`, '');
    }
  });
  out.push(`## ${texts.minutes.decisions}`, '');
  if (input.decisions.length === 0) out.push(`_${texts.minutes.none}_`);
  input.decisions.forEach((d, i) => out.push(`${i + 1}. ${withPlatform(d.text, d.platformName)}`));
  out.push('', `## ${texts.minutes.actionItems}`, '');
  out.push(input.actionItems.length === 0 ? `_${texts.minutes.none}_` : mdTable(actions));
  out.push('', `## ${texts.minutes.figures}`, '');
  out.push(figures.body.length === 0 ? `_${texts.minutes.none}_` : mdTable(figures, 1));
  out.push('', `_${texts.figures.method}_`, '');
  return new TextEncoder().encode(out.join('\n'));
}
