import { AlignmentType, Document, Packer, Paragraph, TextRun } from 'docx'
import type { Letter } from '../../domain/letters/composeLetter.js'
import { formatDay } from '../../domain/letters/composeLetter.js'

const FONT = { ascii: 'FangSong', eastAsia: '仿宋_GB2312', hAnsi: 'FangSong' }

function body(text: string, indent = true): Paragraph {
  return new Paragraph({
    children: [new TextRun({ text, font: FONT, size: 32 })],
    indent: indent ? { firstLine: 640 } : undefined,
    spacing: { line: 560 },
  })
}

/** A letter as a Word document (仿宋三号 body, 小标宋 title), for printing and sealing. */
export async function renderLetterDocx(letter: Letter): Promise<Buffer> {
  const doc = new Document({
    creator: letter.signer,
    title: letter.title,
    sections: [
      {
        children: [
          new Paragraph({
            alignment: AlignmentType.CENTER,
            children: [
              new TextRun({
                text: letter.title,
                font: { eastAsia: '方正小标宋简体', ascii: 'SimSun', hAnsi: 'SimSun' },
                size: 44,
                bold: true,
              }),
            ],
            spacing: { after: 300 },
          }),
          new Paragraph({
            alignment: AlignmentType.RIGHT,
            children: [new TextRun({ text: `编号：${letter.number}`, font: FONT, size: 28 })],
          }),
          ...(letter.addressee ? [body(letter.addressee, false)] : []),
          ...letter.paragraphs.map((p) => body(p)),
          ...letter.remedies.map((p) => body(p)),
          new Paragraph({
            alignment: AlignmentType.RIGHT,
            spacing: { before: 600 },
            children: [new TextRun({ text: letter.signer, font: FONT, size: 32 })],
          }),
          new Paragraph({
            alignment: AlignmentType.RIGHT,
            children: [new TextRun({ text: formatDay(letter.date), font: FONT, size: 32 })],
          }),
        ],
      },
    ],
  })
  return Packer.toBuffer(doc)
}
