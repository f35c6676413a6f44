//! Byte offsets to 1-based lines and columns, for every text the house reports on. The column
//! unit is the reader's: UTF-16 code units for TypeScript (tsc and editors count them), characters
//! for the Prisma schema (Prisma's own messages count them).

/// What a column counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ColumnUnit {
    Utf16,
    Chars,
}

/// Line starts of a text, for many lookups without rescanning it.
pub struct LineIndex<'t> {
    text: &'t str,
    line_starts: Vec<u32>,
    unit: ColumnUnit,
}

impl<'t> LineIndex<'t> {
    /// Columns in UTF-16 code units, as tsc and editors count them.
    pub fn new(text: &'t str) -> Self {
        Self::with_unit(text, ColumnUnit::Utf16)
    }

    pub fn with_unit(text: &'t str, unit: ColumnUnit) -> Self {
        let line_starts = std::iter::once(0).chain(memchr::memchr_iter(b'\n', text.as_bytes()).map(|i| i as u32 + 1)).collect();
        Self { text, line_starts, unit }
    }

    /// 1-based (line, column) of a byte offset (clamped to the text, moved back to a character
    /// boundary).
    pub fn locate(&self, offset: u32) -> (u32, u32) {
        let mut end = (offset as usize).min(self.text.len());
        while !self.text.is_char_boundary(end) {
            end -= 1;
        }
        let line = self.line_starts.partition_point(|&s| s as usize <= end) - 1;
        let before = &self.text[self.line_starts[line] as usize..end];
        let column = match self.unit {
            ColumnUnit::Utf16 => before.chars().map(char::len_utf16).sum::<usize>(),
            ColumnUnit::Chars => before.chars().count(),
        };
        (line as u32 + 1, column as u32 + 1)
    }

    /// The text of a 1-based line, without its line break.
    pub fn line_text(&self, line: u32) -> &'t str {
        let i = (line as usize).saturating_sub(1);
        let Some(&start) = self.line_starts.get(i) else { return "" };
        let end = self.line_starts.get(i + 1).map_or(self.text.len(), |&e| e as usize);
        self.text[start as usize..end].trim_end_matches(['\n', '\r'])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf16_columns_count_an_emoji_twice() {
        let text = "ab\n😀x\r\nlast";
        let idx = LineIndex::new(text);
        assert_eq!(idx.locate(0), (1, 1));
        assert_eq!(idx.locate(1), (1, 2));
        assert_eq!(idx.locate(3), (2, 1));
        // The emoji is 4 bytes and 2 UTF-16 units.
        assert_eq!(idx.locate(7), (2, 3));
        // Inside the emoji: back to its start.
        assert_eq!(idx.locate(5), (2, 1));
        assert_eq!(idx.line_text(2), "😀x");
        assert_eq!(idx.locate(text.len() as u32), (3, 5));
    }

    #[test]
    fn character_columns_count_an_emoji_once() {
        let text = "ab\n😀x\r\nlast";
        let idx = LineIndex::with_unit(text, ColumnUnit::Chars);
        assert_eq!(idx.locate(7), (2, 2));
        assert_eq!(idx.locate(1000), (3, 5));
    }
}
