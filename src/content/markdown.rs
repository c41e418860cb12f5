//! Markdown turned, once at load time, into a small document model the UI can draw
//! without re-parsing: headings, paragraphs, lists and tables of styled text, diagrams
//! (fenced blocks, [`super::diagram`]) and photos (`![what it shows](images/x.jpg)`,
//! [`super::photo`]).

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

use super::diagram::Diagram;
use super::photo::Photo;
use crate::problems::{Issue, LineIndex};

/// A run of text in one style.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Span {
    pub text: String,
    pub bold: bool,
    pub italic: bool,
}

/// A line of styled text (a paragraph, a heading, a list item or a table cell).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Inline {
    pub spans: Vec<Span>,
}

impl Inline {
    /// The text without styling, e.g. for accessible names and titles.
    pub fn plain(&self) -> String {
        self.spans.iter().map(|s| s.text.as_str()).collect()
    }

    pub fn is_blank(&self) -> bool {
        self.spans.iter().all(|s| s.text.trim().is_empty())
    }

    fn push(&mut self, text: &str, bold: bool, italic: bool) {
        match self.spans.last_mut() {
            Some(last) if last.bold == bold && last.italic == italic => last.text.push_str(text),
            _ => self.spans.push(Span {
                text: text.to_owned(),
                bold,
                italic,
            }),
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ListItem {
    /// Where the item starts, for problems about one item (a caution with no question).
    pub line: usize,
    /// 0 for a top-level item, 1 for an item of a list inside it, and so on.
    pub depth: usize,
    /// The item's number in an ordered list.
    pub number: Option<u64>,
    pub text: Inline,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TableRow {
    pub line: usize,
    pub cells: Vec<Inline>,
    /// How many cells the row has as written; Markdown itself silently pads or cuts rows.
    pub cells_in_source: usize,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Table {
    /// The header row, absent only while a table is being read.
    pub header: Option<TableRow>,
    pub rows: Vec<TableRow>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum BlockKind {
    Heading {
        level: u8,
        text: Inline,
    },
    Paragraph(Inline),
    List(Vec<ListItem>),
    Table(Table),
    /// A fenced block: a diagram, or why it cannot be drawn (the page is then refused).
    Diagram(Result<Diagram, Vec<Issue>>),
    /// A photo outside a list or table (there, its description is read as text).
    Photo(Photo),
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Block {
    pub line: usize,
    pub kind: BlockKind,
}

/// Parses Markdown into blocks. Never fails: Markdown has no syntax errors, only
/// content that the file-specific checks may reject.
pub fn parse(text: &str) -> Vec<Block> {
    let lines = LineIndex::new(text);
    let mut builder = Builder::default();
    for (event, range) in Parser::new_ext(text, Options::ENABLE_TABLES).into_offset_iter() {
        let line = lines.line_of(range.start);
        builder.event(event, line, &text[range]);
    }
    builder.blocks
}

#[derive(Default)]
struct Builder {
    blocks: Vec<Block>,
    inline: Option<Inline>,
    block_line: usize,
    bold: usize,
    italic: usize,
    /// Open lists, innermost last: the next number of each (None when unordered).
    lists: Vec<Option<u64>>,
    items: Vec<ListItem>,
    item_line: usize,
    table: Option<Table>,
    row: Option<TableRow>,
    /// An open fenced block: its word, its first line, its text so far.
    fence: Option<(String, usize, String)>,
    /// An open photo: its file and its description so far.
    photo: Option<(String, String)>,
    /// Inside a heading, where a photo's description is read as text.
    in_heading: bool,
}

impl Builder {
    fn event(&mut self, event: Event<'_>, line: usize, source: &str) {
        if let (Some((_, _, body)), Event::Text(text)) = (&mut self.fence, &event) {
            body.push_str(text);
            return;
        }
        if let Some((_, description)) = &mut self.photo {
            match &event {
                Event::Text(text) | Event::Code(text) => return description.push_str(text),
                Event::SoftBreak | Event::HardBreak => return description.push(' '),
                _ => {}
            }
        }
        match event {
            Event::Start(tag) => self.start(tag, line, source),
            Event::End(tag) => self.end(tag),
            Event::Text(text) | Event::Code(text) => self.text(&text, line),
            Event::SoftBreak => self.text(" ", line),
            Event::HardBreak => self.text("\n", line),
            // Raw HTML, rules, footnotes and the like have no place on a kiosk card.
            _ => {}
        }
    }

    fn start(&mut self, tag: Tag<'_>, line: usize, source: &str) {
        self.in_heading |= matches!(tag, Tag::Heading { .. });
        match tag {
            Tag::Paragraph | Tag::Heading { .. } => {
                if self.lists.is_empty() && self.row.is_none() {
                    self.flush_inline();
                    self.block_line = line;
                } else if let Some(inline) = &mut self.inline
                    && !inline.is_blank()
                {
                    // A second paragraph inside a list item starts on its own line.
                    inline.push("\n", false, false);
                }
            }
            Tag::Strong => self.bold += 1,
            Tag::Emphasis => self.italic += 1,
            Tag::List(start) => {
                if self.lists.is_empty() {
                    self.flush_inline();
                    self.block_line = line;
                } else {
                    // The outer item's own text comes before its nested items.
                    self.flush_item();
                }
                self.lists.push(start);
            }
            Tag::Item => {
                self.item_line = line;
                self.inline = Some(Inline::default());
            }
            Tag::Table(_) => {
                self.flush_inline();
                self.block_line = line;
                self.table = Some(Table::default());
            }
            Tag::TableHead | Tag::TableRow => {
                self.row = Some(TableRow {
                    line,
                    cells: Vec::new(),
                    cells_in_source: count_cells(source),
                })
            }
            Tag::TableCell => self.inline = Some(Inline::default()),
            Tag::CodeBlock(kind) => {
                self.flush_inline();
                self.block_line = line;
                let word = match kind {
                    pulldown_cmark::CodeBlockKind::Fenced(info) => info.to_string(),
                    pulldown_cmark::CodeBlockKind::Indented => String::new(),
                };
                self.fence = Some((word, line + 1, String::new()));
            }
            Tag::Image { dest_url, .. }
                if self.lists.is_empty() && self.row.is_none() && !self.in_heading =>
            {
                // Text before the photo in its paragraph stays a paragraph of its own.
                if let Some(last) = self.inline.as_mut().and_then(|i| i.spans.last_mut()) {
                    last.text.truncate(last.text.trim_end().len());
                }
                self.flush_inline();
                self.block_line = line;
                self.photo = Some((dest_url.to_string(), String::new()));
            }
            _ => {}
        }
    }

    fn end(&mut self, tag: TagEnd) {
        self.in_heading &= !matches!(tag, TagEnd::Heading(_));
        match tag {
            TagEnd::Paragraph if self.lists.is_empty() => {
                if let Some(text) = self.inline.take().filter(|t| !t.is_blank()) {
                    self.push(BlockKind::Paragraph(text));
                }
            }
            TagEnd::Heading(level) if self.lists.is_empty() => {
                let text = self.inline.take().unwrap_or_default();
                self.push(BlockKind::Heading {
                    level: level as u8,
                    text,
                });
            }
            TagEnd::Strong => self.bold = self.bold.saturating_sub(1),
            TagEnd::Emphasis => self.italic = self.italic.saturating_sub(1),
            TagEnd::Item => self.flush_item(),
            TagEnd::List(_) => {
                self.lists.pop();
                if self.lists.is_empty() {
                    let items = std::mem::take(&mut self.items);
                    self.push(BlockKind::List(items));
                } else {
                    // Text after a nested list continues the outer item.
                    self.inline = Some(Inline::default());
                }
            }
            TagEnd::TableCell => {
                if let Some(row) = &mut self.row {
                    row.cells.push(self.inline.take().unwrap_or_default());
                }
            }
            TagEnd::TableHead | TagEnd::TableRow => {
                if let (Some(table), Some(row)) = (&mut self.table, self.row.take()) {
                    if table.header.is_none() {
                        table.header = Some(row);
                    } else {
                        table.rows.push(row);
                    }
                }
            }
            TagEnd::Table => {
                if let Some(table) = self.table.take() {
                    self.push(BlockKind::Table(table));
                }
            }
            TagEnd::Image => {
                if let Some((src, description)) = self.photo.take() {
                    self.push(BlockKind::Photo(Photo {
                        src,
                        description: description.trim().to_owned(),
                        pixels: None,
                    }));
                }
            }
            TagEnd::CodeBlock => {
                if let Some((word, first_line, body)) = self.fence.take() {
                    self.push(BlockKind::Diagram(Diagram::parse(&word, &body, first_line)));
                }
            }
            _ => {}
        }
    }

    fn text(&mut self, text: &str, line: usize) {
        if self.inline.is_none() && text.trim().is_empty() {
            // The line break after a photo: the text after it starts a paragraph.
            return;
        }
        if self.inline.is_none() {
            self.block_line = line;
        }
        let (bold, italic) = (self.bold > 0, self.italic > 0);
        self.inline
            .get_or_insert_with(Inline::default)
            .push(text, bold, italic);
    }

    fn flush_item(&mut self) {
        let Some(text) = self.inline.take().filter(|t| !t.is_blank()) else {
            return;
        };
        let depth = self.lists.len().saturating_sub(1);
        let number = self.lists.last_mut().and_then(|next| {
            let number = *next;
            *next = next.map(|n| n + 1);
            number
        });
        self.items.push(ListItem {
            line: self.item_line,
            depth,
            number,
            text,
        });
    }

    fn flush_inline(&mut self) {
        if let Some(text) = self.inline.take().filter(|t| !t.is_blank()) {
            self.push(BlockKind::Paragraph(text));
        }
    }

    fn push(&mut self, kind: BlockKind) {
        self.blocks.push(Block {
            line: self.block_line,
            kind,
        });
    }
}

/// Counts the cells of one table row as written: `| a | b |` and `a | b` both have two.
fn count_cells(source: &str) -> usize {
    let row = source.lines().next().unwrap_or("").trim();
    let mut separators = 0;
    let mut escaped = false;
    for c in row.chars() {
        match c {
            '\\' if !escaped => escaped = true,
            '|' if !escaped => separators += 1,
            _ => escaped = false,
        }
        if c != '\\' {
            escaped = false;
        }
    }
    let leading = usize::from(row.starts_with('|'));
    let trailing = usize::from(row.len() > 1 && row.ends_with('|') && !row.ends_with("\\|"));
    separators + 1 - leading - trailing
}

/// The blocks as plain lines in reading order, one per paragraph, heading, list item or
/// table row: what Listen says, without Markdown symbols or bullets.
pub fn plain_lines(blocks: &[Block]) -> Vec<String> {
    let mut lines = Vec::new();
    for block in blocks {
        match &block.kind {
            BlockKind::Heading { text, .. } | BlockKind::Paragraph(text) => {
                lines.push(text.plain())
            }
            BlockKind::List(items) => lines.extend(items.iter().map(|i| i.text.plain())),
            BlockKind::Table(table) => {
                lines.extend(table.header.iter().chain(&table.rows).map(|row| {
                    let cells: Vec<String> = row.cells.iter().map(Inline::plain).collect();
                    cells.join(", ")
                }))
            }
            BlockKind::Diagram(Ok(diagram)) => lines.push(diagram.description()),
            BlockKind::Photo(photo) if !photo.description.is_empty() => {
                lines.push(photo.description.clone())
            }
            BlockKind::Diagram(Err(_)) | BlockKind::Photo(_) => {}
        }
    }
    lines
}

/// Why the diagrams among `blocks` cannot be drawn, each at its line: a page with any is
/// refused, as a page with any other mistake is.
pub fn diagram_issues(blocks: &[Block]) -> Vec<Issue> {
    blocks
        .iter()
        .filter_map(|block| match &block.kind {
            BlockKind::Diagram(Err(issues)) => Some(issues.iter().cloned()),
            _ => None,
        })
        .flatten()
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn plain(block: &Block) -> String {
        match &block.kind {
            BlockKind::Heading { text, .. } | BlockKind::Paragraph(text) => text.plain(),
            BlockKind::List(items) => items
                .iter()
                .map(|i| format!("{}:{}", i.depth, i.text.plain()))
                .collect::<Vec<_>>()
                .join("|"),
            BlockKind::Table(t) => format!("table of {} rows", t.rows.len()),
            BlockKind::Diagram(d) => format!("diagram {:?}", d.as_ref().map(|d| d.kind)),
            BlockKind::Photo(p) => format!("photo {} ({})", p.src, p.description),
        }
    }

    #[test]
    fn headings_paragraphs_and_lines() {
        let blocks = parse("# Title\n\nSome *soft*\nwrapped **bold** text.\n\n## Card\n");
        assert_eq!(blocks.len(), 3);
        assert!(matches!(
            blocks[0].kind,
            BlockKind::Heading { level: 1, .. }
        ));
        assert_eq!(plain(&blocks[1]), "Some soft wrapped bold text.");
        assert_eq!(blocks[1].line, 3);
        assert_eq!(blocks[2].line, 6);
        let BlockKind::Paragraph(text) = &blocks[1].kind else {
            panic!("not a paragraph")
        };
        assert!(text.spans.iter().any(|s| s.bold && s.text == "bold"));
        assert!(text.spans.iter().any(|s| s.italic && s.text == "soft"));
    }

    #[test]
    fn tight_loose_nested_and_numbered_lists() {
        let blocks = parse("- one\n- two\n  - inner\n- three\n\n1. a\n\n2. b\n");
        assert_eq!(plain(&blocks[0]), "0:one|0:two|1:inner|0:three");
        let BlockKind::List(items) = &blocks[1].kind else {
            panic!("not a list")
        };
        assert_eq!(items[0].number, Some(1));
        assert_eq!(items[1].number, Some(2));
        assert_eq!(items[1].text.plain(), "b");
    }

    #[test]
    fn tables_count_cells_as_written() {
        let blocks = parse("| A | B |\n|---|---|\n| 1 | 2 |\n| 3 | 4 | 5 |\n| 6 |\n");
        let BlockKind::Table(table) = &blocks[0].kind else {
            panic!("not a table")
        };
        assert_eq!(table.header.as_ref().unwrap().cells_in_source, 2);
        let counts: Vec<_> = table.rows.iter().map(|r| r.cells_in_source).collect();
        assert_eq!(counts, [2, 3, 1]);
        assert_eq!(table.rows[1].line, 4);
        assert_eq!(table.rows[0].cells[1].plain(), "2");
    }

    #[test]
    fn a_photo_is_a_block_of_its_own_with_its_description() {
        let text = "# T\n\nBefore.\n![The *treatment* room,\nbright](images/room.jpg)\nAfter.\n\n- ![In a list](images/x.jpg)\n\n![](images/empty.png)\n";
        let blocks = parse(text);
        let shown: Vec<_> = blocks.iter().map(|b| (b.line, plain(b))).collect();
        assert_eq!(
            shown,
            [
                (1, "T".to_owned()),
                (3, "Before.".to_owned()),
                (
                    4,
                    "photo images/room.jpg (The treatment room, bright)".to_owned()
                ),
                (6, "After.".to_owned()),
                (8, "0:In a list".to_owned()),
                (10, "photo images/empty.png ()".to_owned()),
            ]
        );
        assert_eq!(plain_lines(&blocks)[2], "The treatment room, bright");
        let heading = parse("## The room ![bright](images/a.jpg)\n");
        assert_eq!(plain(&heading[0]), "The room bright");
        assert!(matches!(
            heading[0].kind,
            BlockKind::Heading { level: 2, .. }
        ));
    }

    #[test]
    fn escaped_pipes_are_not_separators() {
        assert_eq!(count_cells(r"| a \| b | c |"), 2);
        assert_eq!(count_cells("a | b"), 2);
    }
}
