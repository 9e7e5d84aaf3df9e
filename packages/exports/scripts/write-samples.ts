/**
 * Writes one export of each kind to EXPORTS_LOOK_DIR (e.g. /tmp/exports-look) for a person to
 * render (pdftoppm, LibreOffice) and look at, and the benchmark's 10,000-row late list as PDF
 * (`late-10k.pdf`; its first, a middle and its last page are the ones to look at):
 *   EXPORTS_LOOK_DIR=/tmp/exports-look npx tsx --conditions=@contact-desk/source scripts/write-samples.ts
 */
import { platformFigures } from "@contact-desk/shared";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import {
  figuresPdf,
  lateListCsv,
  lateListPdf,
  lateListXlsx,
  lateResponseRows,
  minutesDocx,
  minutesMarkdown,
  minutesPdf,
} from "../src/index.js";
import {
  goldenRequests,
  meta,
  NOW,
  PERIOD,
  PLATFORMS,
} from "../test/fixtures.js";
import { minutesInput } from "../test/minutes-fixture.js";
import { lateListInput } from "../bench/rows.js";

const dir = process.env.EXPORTS_LOOK_DIR ?? "/tmp/exports-look";

{
  mkdirSync(dir, { recursive: true });
  const rows = lateResponseRows(goldenRequests(), PLATFORMS, PERIOD, NOW);
  const many = Array.from({ length: 60 }, (_, i) => ({
    ...rows[i % rows.length]!,
    ref: `CD-2026-${String(i + 1).padStart(5, "0")}`,
  }));
  const input = { rows: many, meta: meta() };
  writeFileSync(join(dir, "late.pdf"), await lateListPdf(input));
  // The benchmark's 10,000 rows, with a head hash as the relay gives it (64 hex digits).
  const large = lateListInput(10_000);
  const headHash = "5c1e0d9a7b3f42e8a6d1c0b9f8e7d6c5b4a39281706f5e4d3c2b1a0918273645";
  writeFileSync(
    join(dir, "late-10k.pdf"),
    await lateListPdf({ rows: large.rows, meta: { ...large.meta, headHash } }),
  );
  writeFileSync(
    join(dir, "late-10k-en.pdf"),
    await lateListPdf({ rows: large.rows.slice(0, 300), meta: { ...large.meta, headHash, language: "en" } }),
  );
  writeFileSync(join(dir, "late.xlsx"), await lateListXlsx(input));
  writeFileSync(
    join(dir, "late.csv"),
    await lateListCsv(input, { dialect: "excel-fr" }),
  );
  const weekly = [
    "2026-W44",
    "2026-W45",
    "2026-W46",
    "2026-W47",
    "2026-W48",
  ].flatMap((week, i) => [
    {
      week,
      platformId: "p1",
      medianAck: (6 + 3 * (i % 3)) * 60_000,
      medianAnswer: (35 + 8 * i) * 60_000,
    },
    {
      week,
      platformId: "p2",
      medianAck: (40 + 10 * i) * 60_000,
      medianAnswer: (200 - 20 * i) * 60_000,
    },
  ]);
  writeFileSync(
    join(dir, "figures.pdf"),
    await figuresPdf({
      figures: platformFigures(goldenRequests(), PERIOD, NOW),
      weekly,
      platforms: PLATFORMS,
      meta: meta({ title: "Chiffres — novembre 2026" }),
    }),
  );
  writeFileSync(join(dir, "minutes.pdf"), await minutesPdf(minutesInput()));
  writeFileSync(join(dir, "minutes.docx"), await minutesDocx(minutesInput()));
  writeFileSync(join(dir, "minutes.md"), await minutesMarkdown(minutesInput()));
}
