//! A strict reader for the tab-separated tables in `data/`: UTF-8, one header row, no quoting.

use std::fmt;
use std::path::Path;

/// A problem in a data table, located by file and line so it can be fixed by hand.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TableError {
    file: String,
    line: usize,
    message: String,
}

impl TableError {
    pub(crate) fn new(file: &str, line: usize, message: impl Into<String>) -> Self {
        TableError {
            file: file.to_owned(),
            line,
            message: message.into(),
        }
    }
}

impl fmt::Display for TableError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.line == 0 {
            write!(f, "{}: {}", self.file, self.message)
        } else {
            write!(f, "{}:{}: {}", self.file, self.line, self.message)
        }
    }
}

impl std::error::Error for TableError {}

/// A parsed table: the header and every data row, each row as long as the header.
#[derive(Debug, Clone)]
pub struct Table {
    name: String,
    header: Vec<String>,
    rows: Vec<(usize, Vec<String>)>,
}

/// One row of a [`Table`], read by column name.
pub struct Row<'t> {
    table: &'t Table,
    line: usize,
    cells: &'t [String],
}

impl Table {
    /// Reads `path`, requiring exactly the columns in `columns`, in that order.
    pub fn read(path: &Path, columns: &[&str]) -> Result<Table, TableError> {
        let name = path
            .file_name()
            .map(|n| format!("data/{}", n.to_string_lossy()))
            .unwrap_or_else(|| path.display().to_string());
        let text = std::fs::read_to_string(path)
            .map_err(|e| TableError::new(&name, 0, format!("cannot read: {e}")))?;
        Table::parse(&name, &text, columns)
    }

    /// Parses table text; `name` is used in error messages.
    pub fn parse(name: &str, text: &str, columns: &[&str]) -> Result<Table, TableError> {
        let mut lines = text.lines().enumerate();
        let header: Vec<String> = match lines.next() {
            Some((_, h)) => h.split('\t').map(str::to_owned).collect(),
            None => return Err(TableError::new(name, 1, "the table is empty")),
        };
        if header != columns {
            return Err(TableError::new(
                name,
                1,
                format!("expected the columns {columns:?}, found {header:?}"),
            ));
        }
        let mut rows = Vec::new();
        for (index, line) in lines {
            let number = index + 1;
            if line.trim().is_empty() {
                return Err(TableError::new(name, number, "blank line inside the table"));
            }
            let cells: Vec<String> = line.split('\t').map(str::to_owned).collect();
            if cells.len() != header.len() {
                return Err(TableError::new(
                    name,
                    number,
                    format!("{} cells, expected {}", cells.len(), header.len()),
                ));
            }
            if let Some(cell) = cells.iter().find(|c| c.trim() != c.as_str()) {
                return Err(TableError::new(
                    name,
                    number,
                    format!("cell {cell:?} has leading or trailing white space"),
                ));
            }
            rows.push((number, cells));
        }
        Ok(Table {
            name: name.to_owned(),
            header,
            rows,
        })
    }

    /// The table's file name, as used in messages.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// Every data row, in file order.
    pub fn rows(&self) -> impl Iterator<Item = Row<'_>> {
        self.rows.iter().map(move |(line, cells)| Row {
            table: self,
            line: *line,
            cells,
        })
    }
}

impl<'t> Row<'t> {
    /// The cell under `column`; the column must exist (the header was checked on read).
    pub fn get(&self, column: &str) -> &'t str {
        let index = self
            .table
            .header
            .iter()
            .position(|h| h == column)
            .unwrap_or_else(|| panic!("codegen asked for unknown column `{column}`"));
        &self.cells[index]
    }

    /// The cell under `column`, which must not be empty.
    pub fn required(&self, column: &str) -> Result<&'t str, TableError> {
        let value = self.get(column);
        if value.is_empty() {
            Err(self.error(format!("column `{column}` must not be empty")))
        } else {
            Ok(value)
        }
    }

    /// An error located at this row.
    pub fn error(&self, message: impl Into<String>) -> TableError {
        TableError::new(&self.table.name, self.line, message)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rejects_wrong_header_and_ragged_rows() {
        let err = Table::parse("t.tsv", "a\tc\n1\t2\n", &["a", "b"]).unwrap_err();
        assert!(err.to_string().starts_with("t.tsv:1: expected the columns"));
        let err = Table::parse("t.tsv", "a\tb\n1\n", &["a", "b"]).unwrap_err();
        assert_eq!(err.to_string(), "t.tsv:2: 1 cells, expected 2");
        let err = Table::parse("t.tsv", "a\tb\n1 \t2\n", &["a", "b"]).unwrap_err();
        assert!(err.to_string().contains("white space"));
    }

    #[test]
    fn reads_cells_by_column() {
        let t = Table::parse("t.tsv", "a\tb\n1\t\n", &["a", "b"]).unwrap();
        let row = t.rows().next().unwrap();
        assert_eq!(row.get("a"), "1");
        assert_eq!(
            row.required("b").unwrap_err().to_string(),
            "t.tsv:2: column `b` must not be empty"
        );
    }
}
