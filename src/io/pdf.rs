//! The referral letter as a PDF, laid out the way [`Letter::to_text`] lays it out in columns.
//!
//! Written with `pdf-writer` (the typst project's low-level writer), not `printpdf`: a letter
//! is text in two of the standard-14 fonts plus one rule, and `pdf-writer` writes exactly the
//! objects asked for with four small dependencies, while `printpdf` 0.12 brings a layout
//! engine, a font shaper and fontconfig (some 130 crates) into a binary that has to stay small.
//! The price is doing the layout here, which a letter needs anyway: wrapping by Helvetica's
//! real advance widths, page breaks that keep what belongs together, and a [`layout`] that
//! the tests can check line by line before any PDF syntax is involved.
//!
//! No font is embedded: Helvetica and Helvetica-Bold are in every PDF reader, so the text
//! is limited to WinAnsiEncoding; an emoji becomes the word `[emoji]` and anything else
//! outside it '?'.

use pdf_writer::{Content, Finish, Name, Pdf, Rect, Ref, Str, TextStr};

use crate::domain::letter::{Block, Letter};

/// A4 in points: 210 × 297 mm.
const PAGE_W: f32 = 595.276;
const PAGE_H: f32 = 841.89;
/// 2.5 cm.
const MARGIN: f32 = 70.866;
const LEFT: f32 = MARGIN;
const RIGHT: f32 = PAGE_W - MARGIN;
const TOP: f32 = PAGE_H - MARGIN;
const TEXT_W: f32 = RIGHT - LEFT;
const SIZE: f32 = 11.0;
const LEADING: f32 = 14.0;
/// From the top of a row to its baseline: the descender (0.207 em) then stays inside the row.
const BASELINE_DROP: f32 = SIZE;
/// The label column never takes more than this share of the line, so a long label cannot
/// squeeze its value into a sliver.
const LABEL_SHARE: f32 = 0.4;
/// Slack for float comparisons, far below anything visible.
const EPS: f32 = 0.01;

/// The letter as a PDF document: A4, 2.5 cm margins, Helvetica 11 pt (bold for `Head` and
/// `Strong`), as many pages as the text needs, "n / m" at the foot when there is more than
/// one. The same letter always gives the same bytes: no dates, no random file id.
pub fn letter_pdf(letter: &Letter) -> Vec<u8> {
    document_pdf(&format!("Surat rujukan {}", letter.number), &letter.blocks)
}

/// Any document made of a letter's blocks (the Tugas handover sheet too), laid out as a
/// letter is: the one PDF writer of meja. `title` is the document's only metadata.
pub fn document_pdf(title: &str, blocks: &[Block]) -> Vec<u8> {
    let lay = layout(blocks);
    let catalog = Ref::new(1);
    let tree = Ref::new(2);
    let regular = Ref::new(3);
    let bold = Ref::new(4);
    let info = Ref::new(5);
    let mut next_id = Ref::new(6);
    // Each page and its content stream.
    let pages: Vec<(Ref, Ref)> = (0..lay.pages)
        .map(|_| (next_id.bump(), next_id.bump()))
        .collect();

    let mut pdf = Pdf::new();
    pdf.catalog(catalog).pages(tree);
    pdf.pages(tree)
        .kids(pages.iter().map(|&(page, _)| page))
        .count(pages.len() as i32);
    for (font, id) in [(Font::Regular, regular), (Font::Bold, bold)] {
        pdf.type1_font(id)
            .base_font(font.base_font())
            .encoding_predefined(Name(b"WinAnsiEncoding"));
    }
    // Only what identifies the document: an author or creator field would carry a worker's
    // name out of the letter's visible text.
    pdf.document_info(info)
        .title(TextStr(title))
        .producer(TextStr("meja"));

    for (p, &(page_id, content_id)) in pages.iter().enumerate() {
        let mut page = pdf.page(page_id);
        page.media_box(Rect::new(0.0, 0.0, PAGE_W, PAGE_H))
            .parent(tree)
            .contents(content_id);
        page.resources()
            .fonts()
            .pair(Font::Regular.resource(), regular)
            .pair(Font::Bold.resource(), bold);
        page.finish();
        let content = page_content(&lay, p);
        pdf.stream(content_id, &content);
    }
    pdf.finish()
}

fn page_content(lay: &Layout, page: usize) -> Vec<u8> {
    let mut c = Content::new();
    for &(_, y) in lay.rules.iter().filter(|(p, _)| *p == page) {
        // The usual Indonesian letterhead closes with a thick rule over a thin one.
        c.set_line_width(1.5);
        c.move_to(LEFT, y + 1.25).line_to(RIGHT, y + 1.25).stroke();
        c.set_line_width(0.5);
        c.move_to(LEFT, y - 1.25).line_to(RIGHT, y - 1.25).stroke();
    }
    for line in lay.lines.iter().filter(|l| l.page == page) {
        show(&mut c, line.font, line.x, line.y, &line.text);
    }
    if lay.pages > 1 {
        let foot = encode(&format!("{} / {}", page + 1, lay.pages));
        let x = LEFT + (TEXT_W - Font::Regular.width(&foot)) / 2.0;
        show(&mut c, Font::Regular, x, MARGIN / 2.0, &foot);
    }
    c.finish().into_vec()
}

/// One text object per line, so that text extraction (and copying from a viewer) yields the
/// letter's lines rather than one run-on string.
fn show(c: &mut Content, font: Font, x: f32, y: f32, text: &[u8]) {
    c.begin_text();
    c.set_font(font.resource(), SIZE);
    c.set_text_matrix([1.0, 0.0, 0.0, 1.0, x, y]);
    c.show(Str(text));
    c.end_text();
}

// ---------------------------------------------------------------------------------------------
// Layout

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Font {
    Regular,
    Bold,
}

impl Font {
    fn base_font(self) -> Name<'static> {
        match self {
            Font::Regular => Name(b"Helvetica"),
            Font::Bold => Name(b"Helvetica-Bold"),
        }
    }

    fn resource(self) -> Name<'static> {
        match self {
            Font::Regular => Name(b"F1"),
            Font::Bold => Name(b"F2"),
        }
    }

    /// Advance width in points of WinAnsi-encoded text at [`SIZE`]. Plain `Tj` applies no
    /// kerning, so the sum of advances is exactly what the reader draws.
    fn width(self, text: &[u8]) -> f32 {
        let table = match self {
            Font::Regular => &HELVETICA,
            Font::Bold => &HELVETICA_BOLD,
        };
        let units: u32 = text
            .iter()
            .map(|&b| {
                b.checked_sub(0x20)
                    .and_then(|i| table.get(usize::from(i)))
                    .map_or(0, |&w| u32::from(w))
            })
            .sum();
        units as f32 * SIZE / 1000.0
    }
}

/// A line of text placed on a page: `x`, `y` are its baseline's start in PDF points from the
/// bottom left; `text` is WinAnsi bytes, exactly what goes into the content stream.
#[derive(Debug, Clone, PartialEq)]
struct Line {
    page: usize,
    x: f32,
    y: f32,
    font: Font,
    text: Vec<u8>,
}

#[derive(Debug, Default)]
struct Layout {
    pages: usize,
    lines: Vec<Line>,
    /// The letterhead rule: page and the y of its middle.
    rules: Vec<(usize, f32)>,
}

/// Rows are placed top-down; `top` is the top of the next row on `page`.
struct Cursor {
    out: Layout,
    page: usize,
    top: f32,
}

impl Cursor {
    fn rows_left(&self) -> usize {
        ((self.top - MARGIN + EPS) / LEADING).max(0.0) as usize
    }

    fn at_top(&self) -> bool {
        self.top >= TOP - EPS
    }

    /// Starts a new page unless `rows` more rows fit on this one. A fresh page takes whatever
    /// comes, so a block longer than a page still flows instead of looping.
    fn keep(&mut self, rows: usize) {
        if rows > self.rows_left() && !self.at_top() {
            self.page += 1;
            self.top = TOP;
        }
    }

    fn row(&mut self, pieces: impl IntoIterator<Item = (f32, Font, Vec<u8>)>) {
        self.keep(1);
        let y = self.top - BASELINE_DROP;
        for (x, font, text) in pieces {
            if !text.is_empty() {
                self.out.lines.push(Line {
                    page: self.page,
                    x,
                    y,
                    font,
                    text,
                });
            }
        }
        self.top -= LEADING;
    }

    fn rule(&mut self) {
        self.keep(1);
        self.out.rules.push((self.page, self.top - LEADING / 2.0));
        self.top -= LEADING;
    }

    /// A blank row, except where a page break already separates: a continuation page never
    /// starts with white space.
    fn blank(&mut self) {
        if (self.at_top() && self.page > 0) || self.rows_left() == 0 {
            return;
        }
        self.top -= LEADING;
    }

    fn finish(mut self) -> Layout {
        self.out.pages = self.page + 1;
        self.out
    }
}

/// Where each line of the letter goes. Mirrors [`Letter::to_text`]: centred bold letterhead,
/// right-aligned place/date and signature, `label : value` with the labels in one column and
/// the value wrapped under itself, wrapped paragraphs.
/// How many pages `blocks` take: lets a one-page sheet drop rows until it fits.
pub fn page_count(blocks: &[Block]) -> usize {
    layout(blocks).pages
}

fn layout(blocks: &[Block]) -> Layout {
    let label_w = blocks
        .iter()
        .filter_map(|b| match b {
            Block::Field(l, _) => Some(Font::Regular.width(&encode(l))),
            _ => None,
        })
        .fold(0.0, f32::max)
        .min(TEXT_W * LABEL_SHARE);
    let colon_x = LEFT + label_w + Font::Regular.width(b" ");
    let value_x = LEFT + label_w + Font::Regular.width(b" : ");

    let mut c = Cursor {
        out: Layout::default(),
        page: 0,
        top: TOP,
    };
    for (i, block) in blocks.iter().enumerate() {
        match block {
            Block::Head(s) => {
                for line in wrap(s, Font::Bold, TEXT_W) {
                    let x = LEFT + (TEXT_W - Font::Bold.width(&line)) / 2.0;
                    c.row([(x, Font::Bold, line)]);
                }
            }
            Block::Rule => c.rule(),
            Block::Right(s) => {
                // Whatever stays of the right-aligned run (the signature block: regards,
                // office, room to sign, name) must not be split over two pages.
                c.keep(right_run_rows(&blocks[i..]));
                for line in wrap(s, Font::Regular, TEXT_W) {
                    let x = RIGHT - Font::Regular.width(&line);
                    c.row([(x, Font::Regular, line)]);
                }
            }
            Block::Field(l, v) => {
                let labels = wrap(l, Font::Regular, label_w);
                let values = wrap(v, Font::Regular, RIGHT - value_x);
                // The whole label stands beside the value's first line, so they move together.
                c.keep(labels.len());
                let rows = labels.len().max(values.len());
                let mut labels = labels.into_iter();
                let mut values = values.into_iter();
                for n in 0..rows {
                    let colon = if n == 0 { b":".to_vec() } else { Vec::new() };
                    c.row([
                        (LEFT, Font::Regular, labels.next().unwrap_or_default()),
                        (colon_x, Font::Regular, colon),
                        (value_x, Font::Regular, values.next().unwrap_or_default()),
                    ]);
                }
            }
            Block::Para(s) => {
                let lines = wrap(s, Font::Regular, TEXT_W);
                // No paragraph starts with a lone line at the foot of a page.
                c.keep(lines.len().min(2));
                for line in lines {
                    c.row([(LEFT, Font::Regular, line)]);
                }
            }
            Block::Strong(s) => {
                let lines = wrap(s, Font::Bold, TEXT_W);
                // A title is kept with the start of what it heads.
                let next = blocks.get(i + 1).map_or(0, |b| lead_rows(b, label_w));
                c.keep(lines.len() + next);
                for line in lines {
                    c.row([(LEFT, Font::Bold, line)]);
                }
            }
            Block::Blank => c.blank(),
        }
    }
    c.finish()
}

/// The rows a block insists on having on the page where it starts.
fn lead_rows(block: &Block, label_w: f32) -> usize {
    match block {
        Block::Blank => 0,
        Block::Para(s) => wrap(s, Font::Regular, TEXT_W).len().min(2),
        Block::Field(l, _) => wrap(l, Font::Regular, label_w).len(),
        Block::Head(_) | Block::Rule | Block::Right(_) | Block::Strong(_) => 1,
    }
}

/// Rows from here to the end of the run of `Right` blocks and the blanks between them.
fn right_run_rows(blocks: &[Block]) -> usize {
    let mut rows = 0;
    let mut pending_blanks = 0;
    for b in blocks {
        match b {
            Block::Right(s) => {
                rows += pending_blanks + wrap(s, Font::Regular, TEXT_W).len();
                pending_blanks = 0;
            }
            Block::Blank => pending_blanks += 1,
            _ => break,
        }
    }
    rows
}

/// Greedy word wrap by advance width, as [`crate::domain::letter::wrap`] does by characters:
/// `\n` starts a new line, runs of white space collapse, a word wider than the line is cut.
fn wrap(text: &str, font: Font, max: f32) -> Vec<Vec<u8>> {
    let space = font.width(b" ");
    let mut lines = Vec::new();
    for para in text.split('\n') {
        let mut line: Vec<u8> = Vec::new();
        let mut line_w = 0.0;
        for word in para.split_whitespace() {
            let mut word = encode(word);
            let mut w = font.width(&word);
            while w > max + EPS {
                if !line.is_empty() {
                    lines.push(std::mem::take(&mut line));
                    line_w = 0.0;
                }
                let rest = word.split_off(fitting(&word, font, max));
                lines.push(std::mem::replace(&mut word, rest));
                w = font.width(&word);
            }
            if word.is_empty() {
                continue;
            }
            if !line.is_empty() && line_w + space + w > max + EPS {
                lines.push(std::mem::take(&mut line));
                line_w = 0.0;
            }
            if !line.is_empty() {
                line.push(b' ');
                line_w += space;
            }
            line.extend_from_slice(&word);
            line_w += w;
        }
        lines.push(line);
    }
    lines
}

/// How many leading bytes of `word` fit in `max`; at least one, so cutting always progresses.
fn fitting(word: &[u8], font: Font, max: f32) -> usize {
    let mut w = 0.0;
    for (n, &b) in word.iter().enumerate() {
        w += font.width(&[b]);
        if w > max + EPS {
            return n.max(1);
        }
    }
    word.len()
}

// ---------------------------------------------------------------------------------------------
// WinAnsiEncoding

/// Unicode for the WinAnsi codes 0x80–0x9F, where it differs from Latin-1; `None` where
/// WinAnsi leaves the code undefined.
const WINANSI_80: [Option<char>; 32] = [
    Some('€'),
    None,
    Some('‚'),
    Some('ƒ'),
    Some('„'),
    Some('…'),
    Some('†'),
    Some('‡'),
    Some('ˆ'),
    Some('‰'),
    Some('Š'),
    Some('‹'),
    Some('Œ'),
    None,
    Some('Ž'),
    None,
    None,
    Some('‘'),
    Some('’'),
    Some('“'),
    Some('”'),
    Some('•'),
    Some('–'),
    Some('—'),
    Some('˜'),
    Some('™'),
    Some('š'),
    Some('›'),
    Some('œ'),
    None,
    Some('ž'),
    Some('Ÿ'),
];

fn winansi(c: char) -> Option<u8> {
    match c {
        ' '..='~' | '\u{A0}'..='\u{FF}' => u8::try_from(u32::from(c)).ok(),
        // Hyphens that look the same but have no code of their own.
        '\u{2010}' | '\u{2011}' | '\u{2212}' => Some(b'-'),
        _ => WINANSI_80
            .iter()
            .position(|&w| w == Some(c))
            .and_then(|i| u8::try_from(0x80 + i).ok()),
    }
}

/// Marks that only modify what precedes them (joiners, variation selectors, skin tones, tag
/// characters of flag sequences): dropped, so an emoji sequence becomes one '?', not several.
fn is_modifier(c: char) -> bool {
    matches!(
        c,
        '\u{200B}'..='\u{200F}'
            | '\u{2060}'
            | '\u{FE00}'..='\u{FE0F}'
            | '\u{FEFF}'
            | '\u{1F3FB}'..='\u{1F3FF}'
            | '\u{E0000}'..='\u{E007F}'
    )
}

/// A letter followed by a combining accent (as some keyboards and macOS file names send
/// "é"), composed to the precomposed character WinAnsi has.
fn compose(base: char, mark: char) -> Option<char> {
    let (from, to) = match mark {
        '\u{300}' => ("AEIOUaeiou", "ÀÈÌÒÙàèìòù"),
        '\u{301}' => ("AEIOUYaeiouy", "ÁÉÍÓÚÝáéíóúý"),
        '\u{302}' => ("AEIOUaeiou", "ÂÊÎÔÛâêîôû"),
        '\u{303}' => ("ANOano", "ÃÑÕãñõ"),
        '\u{308}' => ("AEIOUYaeiouy", "ÄËÏÖÜŸäëïöüÿ"),
        '\u{30A}' => ("Aa", "Åå"),
        '\u{327}' => ("Cc", "Çç"),
        '\u{30C}' => ("SZsz", "ŠŽšž"),
        _ => return None,
    };
    let i = from.chars().position(|c| c == base)?;
    to.chars().nth(i)
}

/// Pictographs — emoji, dingbats, flags — that WinAnsi cannot show. A worker types them in a
/// chronology copied from a chat ("dia bilang 🙏"); a '?' in their place reads as a question
/// the client never asked, so they become the visible word [`EMOJI`] instead (issue 16).
fn is_emoji(c: char) -> bool {
    matches!(
        c,
        '\u{1F000}'..='\u{1FAFF}' | '\u{2600}'..='\u{27BF}' | '\u{2B00}'..='\u{2BFF}'
    )
}

/// What an emoji (or a run of them, a family or a flag) is written as in a PDF.
pub const EMOJI: &str = "[emoji]";

/// Text as WinAnsi bytes; an emoji becomes [`EMOJI`], anything else WinAnsi cannot show
/// becomes '?'. Never fails, and never lets a UTF-8 byte through to be misread as a Latin-1
/// character.
fn encode(s: &str) -> Vec<u8> {
    let mut out = Vec::with_capacity(s.len());
    let mut chars = s.chars().peekable();
    // Whether the last thing written was an emoji: a sequence joined by ZWJ, a flag's two
    // letters or a run typed together is one mark, not several.
    let mut after_emoji = false;
    while let Some(c) = chars.next() {
        if is_modifier(c) {
            continue;
        }
        if is_emoji(c) {
            if !after_emoji {
                out.extend_from_slice(EMOJI.as_bytes());
            }
            after_emoji = true;
            continue;
        }
        after_emoji = false;
        let c = match chars.peek().and_then(|&m| compose(c, m)) {
            Some(composed) => {
                chars.next();
                composed
            }
            None => c,
        };
        out.push(winansi(c).unwrap_or(b'?'));
    }
    out
}

/// Advance widths (1/1000 em) for the WinAnsi codes 0x20–0xFF, from Adobe's Helvetica AFM
/// (the standard-14 metrics every PDF reader uses); 0 where WinAnsi has no character. The
/// numbers are data, kept in `assets/pdf/` and read when meja is compiled.
const HELVETICA: [u16; 224] = widths(include_bytes!("../../assets/pdf/helvetica.widths"));

/// As [`HELVETICA`], from the Helvetica-Bold AFM.
const HELVETICA_BOLD: [u16; 224] = widths(include_bytes!("../../assets/pdf/helvetica-bold.widths"));

/// The 224 numbers of a widths file, in order; `#` to the end of a line is a comment. A file
/// with more or fewer numbers stops the build.
const fn widths(text: &[u8]) -> [u16; 224] {
    let mut out = [0u16; 224];
    let (mut i, mut k, mut n, mut in_number, mut in_comment) = (0, 0, 0u32, false, false);
    while i <= text.len() {
        // One step past the end, as a separator, so a last number with no newline counts.
        let b = if i < text.len() { text[i] } else { b'\n' };
        if in_comment {
            in_comment = b != b'\n';
        } else if b.is_ascii_digit() {
            n = n * 10 + (b - b'0') as u32;
            in_number = true;
        } else {
            if in_number {
                assert!(k < 224, "a widths file has more than 224 numbers");
                out[k] = n as u16;
                k += 1;
                n = 0;
                in_number = false;
            }
            in_comment = b == b'#';
        }
        i += 1;
    }
    assert!(k == 224, "a widths file has fewer than 224 numbers");
    out
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;

    use super::*;
    use crate::domain::agency::Agency;
    use crate::domain::intake::{Intake, Perpetrator, Victim};
    use crate::domain::letter::{LetterInput, Sender, compose};
    use crate::domain::referral::{Referral, Status};
    use crate::i18n::Lang;

    const NUMBER: &str = "007/UPTD-PPA/XI/2026";
    const AGENCY: &str = "Biro Psikologi Harapan";

    fn letter(victim_name: &str, chronology: &str) -> Letter {
        let today = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
        let mut case = Intake::default();
        case.reporter.phone = "081234567890".into();
        case.victims = vec![Victim {
            name: victim_name.into(),
            sex: "P".into(),
            birth_date: "01-03-2014".into(),
            address: "Jl. Melati No. 5 – belakang pasar".into(),
            guardian: "Ibu Renée".into(),
            ..Default::default()
        }];
        case.perpetrators = vec![Perpetrator {
            name: "Budi Santoso".into(),
            relation: "tetangga".into(),
            age: "40".into(),
            ..Default::default()
        }];
        case.incident.violence = vec!["seksual".into()];
        case.incident.chronology = chronology.into();
        case.consent.share = "ya".into();
        let referral = Referral {
            id: 1,
            case_id: 1,
            case_number: "PPA/2026/0001".into(),
            agency_id: 1,
            agency_name: AGENCY.into(),
            service: "psikologis".into(),
            reason: "Anak menunjukkan tanda trauma; mohon asesmen psikologis.".into(),
            follow_up: NaiveDate::from_ymd_opt(2026, 11, 30),
            status: Status::Dikirim,
            status_note: String::new(),
            override_reason: None,
            letter_number: None,
            created: today,
            created_by: "ani".into(),
            version: 1,
        };
        let agency = Agency {
            name: AGENCY.into(),
            address: "Jl. Kenanga 2, Metro".into(),
            ..Default::default()
        };
        let head = vec!["PEMERINTAH KOTA CONTOH".to_string(), "UPTD PPA".to_string()];
        compose(&LetterInput {
            lang: Lang::Id,
            words: crate::i18n::letter_word,
            sender: Sender {
                office: "UPTD PPA Kota Contoh",
                letterhead: &head,
                city: "Metro",
                phone: "0725-000000",
                contact: "Ani Lestari",
                ..Default::default()
            },
            number: NUMBER,
            date: today,
            agency: &agency,
            referral: &referral,
            case: &case,
            include: &[],
        })
    }

    fn normal() -> Letter {
        letter("Siti Aminah", "Kejadian di rumah tetangga pada sore hari.")
    }

    fn long() -> Letter {
        let para = "Pada hari itu anak pulang dari sekolah dan bercerita kepada ibunya tentang \
                    apa yang terjadi; ibu lalu melapor ke ketua RT dan ke UPTD PPA. "
            .repeat(12);
        letter("Siti Aminah", &vec![para; 8].join("\n\n"))
    }

    fn parse(pdf: &[u8]) -> lopdf::Document {
        lopdf::Document::load_mem(pdf).expect("the PDF parses")
    }

    /// The text of every page as a PDF reader decodes it, through the font's declared encoding.
    fn texts(doc: &lopdf::Document) -> Vec<String> {
        doc.get_pages()
            .keys()
            .map(|&n| doc.extract_text(&[n]).expect("text extracts"))
            .collect()
    }

    fn text_of(line: &Line) -> String {
        lopdf::Encoding::SimpleEncoding(b"WinAnsiEncoding")
            .bytes_to_string(&line.text)
            .unwrap()
    }

    fn rows_per_page() -> usize {
        ((TOP - MARGIN + EPS) / LEADING) as usize
    }

    #[test]
    fn a_normal_letter_is_one_page_with_its_text() {
        let doc = parse(&letter_pdf(&normal()));
        let pages = texts(&doc);
        assert_eq!(pages.len(), 1);
        let t = &pages[0];
        for want in [
            NUMBER,
            AGENCY,
            "PEMERINTAH KOTA CONTOH",
            "Metro, 23 November 2026",
            "Jl. Melati No. 5 – belakang pasar",
            "Ibu Renée",
            "Kejadian di rumah tetangga pada sore hari.",
            "Ani Lestari — 0725-000000",
        ] {
            assert!(t.contains(want), "missing {want:?} in\n{t}");
        }
        // The perpetrator is described, never named; nor does anything appear from nowhere.
        for absent in ["Budi", "Santoso", "Halaman", " / 1"] {
            assert!(!t.contains(absent), "{absent:?} in\n{t}");
        }
    }

    #[test]
    fn the_document_info_names_the_letter_and_nobody() {
        let doc = parse(&letter_pdf(&normal()));
        let info_id = doc
            .trailer
            .get(b"Info")
            .and_then(|o| o.as_reference())
            .unwrap();
        let info = doc.get_dictionary(info_id).unwrap();
        let title = info.get(b"Title").and_then(|o| o.as_str()).unwrap();
        assert_eq!(title, format!("Surat rujukan {NUMBER}").as_bytes());
        assert_eq!(
            info.get(b"Producer").and_then(|o| o.as_str()).unwrap(),
            b"meja"
        );
        for key in [&b"Author"[..], b"Creator", b"CreationDate", b"ModDate"] {
            assert!(info.get(key).is_err(), "{}", String::from_utf8_lossy(key));
        }
    }

    #[test]
    fn fonts_are_standard_helvetica_in_winansi() {
        let doc = parse(&letter_pdf(&normal()));
        let page = *doc.get_pages().values().next().unwrap();
        let fonts = doc.get_page_fonts(page).unwrap();
        let mut base: Vec<_> = fonts
            .values()
            .map(|f| {
                assert_eq!(
                    f.get(b"Encoding").and_then(|o| o.as_name()).unwrap(),
                    b"WinAnsiEncoding"
                );
                assert!(f.get(b"FontFile").is_err() && f.get(b"FontDescriptor").is_err());
                f.get(b"BaseFont")
                    .and_then(|o| o.as_name())
                    .unwrap()
                    .to_vec()
            })
            .collect();
        base.sort();
        assert_eq!(
            base,
            vec![b"Helvetica".to_vec(), b"Helvetica-Bold".to_vec()]
        );
    }

    #[test]
    fn a_long_chronology_flows_over_pages_and_the_letter_ends_on_the_last() {
        let doc = parse(&letter_pdf(&long()));
        let pages = texts(&doc);
        assert!(pages.len() >= 2, "{} pages", pages.len());
        let n = pages.len();
        assert!(pages[0].contains(NUMBER));
        assert!(pages[n - 1].contains("Ani Lestari"));
        assert!(pages[0].contains(&format!("1 / {n}")), "{}", pages[0]);
        assert!(pages[n - 1].contains(&format!("{n} / {n}")));
        let all = pages.concat();
        assert_eq!(all.matches("melapor").count(), 8 * 12, "no line lost");
    }

    #[test]
    fn every_line_stays_inside_the_margins() {
        for l in [normal(), long()] {
            let lay = layout(&l.blocks);
            assert!(!lay.lines.is_empty());
            for line in &lay.lines {
                let w = line.font.width(&line.text);
                let t = text_of(line);
                assert!(line.x >= LEFT - EPS, "{t:?} starts at {}", line.x);
                assert!(line.x + w <= RIGHT + EPS, "{t:?} ends at {}", line.x + w);
                assert!(line.y <= TOP, "{t:?} above the top margin");
                assert!(
                    line.y - 0.207 * SIZE >= MARGIN - EPS,
                    "{t:?} below the bottom"
                );
                assert!(line.page < lay.pages);
            }
        }
    }

    #[test]
    fn lines_do_not_overlap() {
        let lay = layout(&long().blocks);
        let mut seen = std::collections::HashSet::new();
        for line in &lay.lines {
            // Only a field's label, colon and value share a row, at increasing x.
            let key = (line.page, (line.y * 100.0) as i64, (line.x * 100.0) as i64);
            assert!(seen.insert(key), "two lines at {key:?}");
        }
    }

    #[test]
    fn a_field_label_and_its_first_value_line_share_a_row() {
        let lay = layout(&long().blocks);
        let at = |s: &str| {
            lay.lines
                .iter()
                .find(|l| text_of(l) == s)
                .unwrap_or_else(|| panic!("no line {s:?}"))
        };
        let label = at("Nama");
        let value = at("Siti Aminah");
        assert_eq!((label.page, label.y), (value.page, value.y));
        assert!(value.x > label.x);
        // Every value starts in the same column.
        let nomor = at("Nomor");
        let number = at(NUMBER);
        assert_eq!(number.y, nomor.y);
        assert!((number.x - value.x).abs() < EPS);
    }

    #[test]
    fn a_title_moves_to_the_next_page_with_what_it_heads() {
        let rows = rows_per_page();
        let mut blocks = vec![Block::Para("isi".into()); rows - 1];
        blocks.push(Block::Strong("KRONOLOGI".into()));
        blocks.push(Block::Para("Kejadian.".into()));
        let lay = layout(&blocks);
        let title = lay.lines.iter().find(|l| l.text == b"KRONOLOGI").unwrap();
        let next = lay.lines.iter().find(|l| l.text == b"Kejadian.").unwrap();
        assert_eq!((title.page, next.page), (1, 1));
        assert_eq!(lay.pages, 2);
        assert!(title.y > next.y);
    }

    #[test]
    fn the_signature_block_is_not_split() {
        let rows = rows_per_page();
        let mut blocks = vec![Block::Para("isi".into()); rows - 3];
        blocks.extend([
            Block::Right("Hormat kami,".into()),
            Block::Right("UPTD PPA".into()),
            Block::Blank,
            Block::Blank,
            Block::Right("Ani Lestari".into()),
            Block::Blank,
        ]);
        let lay = layout(&blocks);
        let pages: Vec<_> = lay
            .lines
            .iter()
            .filter(|l| l.text != b"isi")
            .map(|l| l.page)
            .collect();
        assert_eq!(pages, vec![1, 1, 1]);
        // A trailing blank that no longer fits does not open an empty page.
        assert_eq!(lay.pages, 2);
    }

    #[test]
    fn a_continuation_page_does_not_start_blank() {
        let rows = rows_per_page();
        let mut blocks = vec![Block::Para("isi".into()); rows];
        blocks.extend([Block::Blank, Block::Blank, Block::Para("lanjut".into())]);
        let lay = layout(&blocks);
        let next = lay.lines.iter().find(|l| l.text == b"lanjut").unwrap();
        assert_eq!(next.page, 1);
        assert!((next.y - (TOP - BASELINE_DROP)).abs() < EPS);
    }

    #[test]
    fn wrap_fills_lines_by_width_and_cuts_overlong_words() {
        let words = "kata ".repeat(200);
        let lines = wrap(&words, Font::Regular, TEXT_W);
        assert!(lines.len() > 1);
        for l in &lines {
            assert!(Font::Regular.width(l) <= TEXT_W + EPS);
        }
        // Greedy: another word would not have fitted on any line but the last.
        let word = Font::Regular.width(b" kata");
        for l in &lines[..lines.len() - 1] {
            assert!(Font::Regular.width(l) + word > TEXT_W);
        }
        let long_word = "x".repeat(300);
        let cut = wrap(&long_word, Font::Bold, 100.0);
        assert!(cut.len() > 1);
        assert!(cut.iter().all(|l| Font::Bold.width(l) <= 100.0 + EPS));
        assert_eq!(cut.concat(), long_word.as_bytes());
        assert_eq!(wrap("satu\n\ndua", Font::Regular, TEXT_W).len(), 3);
        assert_eq!(wrap("", Font::Regular, TEXT_W), vec![Vec::<u8>::new()]);
        // "iiii" fits where "mmmm" does not: widths are real, not per character.
        let m = Font::Regular.width(b"mmmm");
        assert_eq!(wrap("iiii mmmm", Font::Regular, m).len(), 2);
        assert_eq!(wrap("iiii iiii", Font::Regular, m).len(), 1);
    }

    #[test]
    fn unmappable_text_becomes_question_marks_without_panic() {
        assert_eq!(encode("李小龙 😀"), b"??? [emoji]");
        assert_eq!(encode("👍🏽"), b"[emoji]");
        assert_eq!(encode("👨‍👩‍👧"), b"[emoji]");
        assert_eq!(encode("🇮🇩 ok ❤️"), b"[emoji] ok [emoji]");
        assert_eq!(encode("Ren\u{65}\u{301}e"), encode("Renée"));
        assert_eq!(encode("a\u{301}\u{301}"), vec![0xE1, b'?']);
        assert_eq!(
            encode("€ – • ’ é"),
            vec![0x80, b' ', 0x96, b' ', 0x95, b' ', 0x92, b' ', 0xE9]
        );
        assert_eq!(encode("tab\tnul\0"), b"tab?nul?");

        let l = letter("李小龙 😀 Ṭhảo", "Kronologi 🙏 singkat.");
        let pdf = letter_pdf(&l);
        let doc = parse(&pdf);
        let t = texts(&doc).concat();
        assert!(t.contains("??? [emoji] ?h?o"), "{t}");
        // Issue 16: an emoji is written as a visible word, never a question mark.
        assert!(t.contains("Kronologi [emoji] singkat."), "{t}");
        assert!(!t.contains('\u{FFFD}'), "{t}");
    }

    #[test]
    fn encoding_agrees_with_the_standard_winansi_table() {
        let std = lopdf::Encoding::SimpleEncoding(b"WinAnsiEncoding");
        let mut defined = 0;
        for b in 0x20..=0xFFu8 {
            let Ok(s) = std.bytes_to_string(&[b]) else {
                continue;
            };
            if s.is_empty() || s == "\u{FFFD}" || b == 0x7F {
                continue;
            }
            defined += 1;
            let back = encode(&s);
            assert_eq!(back.len(), 1, "{b:#x} {s:?}");
            // 0xA0 and 0xAD decode to look-alikes of space and hyphen, so compare what shows.
            assert_eq!(std.bytes_to_string(&back).unwrap(), s, "{b:#x}");
            let i = usize::from(back[0] - 0x20);
            assert!(
                HELVETICA[i] > 0 && HELVETICA_BOLD[i] > 0,
                "no width for {b:#x}"
            );
        }
        assert!(defined >= 214, "{defined}");
        for (i, c) in WINANSI_80.iter().enumerate() {
            let code = 0x80 + i;
            if let Some(c) = c {
                assert_eq!(encode(&c.to_string()), vec![code as u8]);
                let from_std = std.bytes_to_string(&[code as u8]).unwrap();
                assert_eq!(from_std, c.to_string(), "{code:#x}");
            } else {
                assert_eq!(HELVETICA[code - 0x20], 0);
            }
        }
    }

    /// Digits in a comment are not widths, and the last number counts without a newline.
    #[test]
    fn a_widths_file_skips_comments() {
        let mut text = String::from("# 0x20 row 12\n");
        for n in 1..=224 {
            text.push_str(&format!("{n} "));
            if n % 16 == 0 {
                text.push_str("# 0x30\n");
            }
        }
        let w = widths(
            text.trim_end()
                .trim_end_matches("# 0x30")
                .trim_end()
                .as_bytes(),
        );
        assert_eq!((w[0], w[15], w[16], w[223]), (1, 16, 17, 224));
    }

    #[test]
    fn widths_match_known_afm_values() {
        let r = |s: &[u8]| (Font::Regular.width(s) * 1000.0 / SIZE).round() as u32;
        let b = |s: &[u8]| (Font::Bold.width(s) * 1000.0 / SIZE).round() as u32;
        assert_eq!(r(b" "), 278);
        assert_eq!(r(b"i"), 222);
        assert_eq!(r(b"m"), 833);
        assert_eq!(r(b"W"), 944);
        assert_eq!(r(b"@"), 1015);
        assert_eq!(r(&[0x96]), 556); // –
        assert_eq!(r(&[0x97]), 1000); // —
        assert_eq!(r(&[0xE9]), 556); // é
        assert_eq!(b(b"i"), 278);
        assert_eq!(b(b"@"), 975);
        assert_eq!(b(&[0x93]), 500); // “
        assert_eq!(
            r(b"Helvetica"),
            722 + 556 + 222 + 500 + 556 + 278 + 222 + 500 + 556
        );
    }

    #[test]
    fn the_same_letter_gives_the_same_bytes() {
        assert_eq!(letter_pdf(&normal()), letter_pdf(&normal()));
        assert_eq!(letter_pdf(&long()), letter_pdf(&long()));
        assert_ne!(letter_pdf(&normal()), letter_pdf(&long()));
    }

    #[test]
    fn odd_letters_do_not_panic() {
        let huge = "a".repeat(20_000);
        for blocks in [
            vec![],
            vec![Block::Blank; 500],
            vec![Block::Rule; 120],
            vec![Block::Field(String::new(), String::new())],
            vec![Block::Field(huge.clone(), huge.clone())],
            vec![Block::Head(huge.clone()), Block::Right(huge.clone())],
            vec![Block::Strong(huge.clone()), Block::Para(huge)],
        ] {
            let l = Letter {
                number: "(x) \\ 1".into(),
                blocks,
            };
            let doc = parse(&letter_pdf(&l));
            assert!(!doc.get_pages().is_empty());
        }
    }
}
