//! Command-line definitions (clap derive). Only the shape of the command
//! line lives here; `main.rs` resolves it against the environment.

use clap::{Parser, Subcommand, ValueEnum};

/// Compare news reports of the same event: which sentences match, which facts
/// only one source has, which quotes both carry and how they differ.
#[derive(Debug, Parser)]
#[command(name = "wirediff", version, about, long_about = None)]
pub struct Cli {
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Print the story sentences of each article, one a line.
    Sentences {
        /// Articles: plain text, JSON, JSONL, folders, or - for standard input.
        #[arg(required = true, value_name = "FILE")]
        files: Vec<String>,
        /// Output format.
        #[arg(long, value_enum, default_value_t = ListFormat::Text)]
        format: ListFormat,
    },
    /// Compare two reports: aligned sentences with word diffs, quotes shared
    /// and differing, what only one side has.
    Compare {
        /// The first article (A): a file, `FILE.jsonl#id`, or - for standard input.
        a: String,
        /// The second article (B); omit it with `--ids`.
        #[arg(required_unless_present = "ids")]
        b: Option<String>,
        /// Compare the records with these two ids of the one JSON/JSONL input A.
        #[arg(long, num_args = 2, value_names = ["ID_A", "ID_B"], conflicts_with = "b")]
        ids: Option<Vec<String>>,
        /// Output format.
        #[arg(long, value_enum, default_value_t = CompareFormat::Terminal)]
        format: CompareFormat,
        /// Terminal layout.
        #[arg(long, value_enum, default_value_t = LayoutArg::Inline)]
        layout: LayoutArg,
        /// When to use colors.
        #[arg(long, value_enum, default_value_t = ColorArg::Auto)]
        color: ColorArg,
        /// Width in columns (default: the terminal's, else COLUMNS, else 80).
        #[arg(long)]
        width: Option<usize>,
        /// Write to FILE instead of standard output (all or nothing).
        #[arg(short = 'o', long = "output", value_name = "FILE")]
        output: Option<std::path::PathBuf>,
        /// Exit with status 1 when the articles differ.
        #[arg(long)]
        exit_code: bool,
    },
    /// Print every quotation with its speaker.
    Quotes {
        /// Articles: plain text, JSON, JSONL, folders, or - for standard input.
        #[arg(required = true, value_name = "FILE")]
        files: Vec<String>,
        /// Output format.
        #[arg(long, value_enum, default_value_t = ListFormat::Text)]
        format: ListFormat,
    },
}

/// Formats of `compare`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum CompareFormat {
    /// Colored word diffs for a terminal.
    Terminal,
    /// The JSON v1 contract.
    Json,
}

/// Terminal layouts of `compare`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum LayoutArg {
    /// Each aligned pair as one line of word diff.
    Inline,
    /// Two columns in A's order.
    SideBySide,
}

/// When to color.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorArg {
    /// Color a terminal, unless NO_COLOR is set (CLICOLOR_FORCE forces it).
    Auto,
    /// Always color.
    Always,
    /// Never color.
    Never,
}

/// Formats of the listing commands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ListFormat {
    /// One item a line.
    Text,
    /// The JSON v1 contract.
    Json,
}
