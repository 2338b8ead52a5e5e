//! Command-line definitions (clap derive). Only the shape of the command
//! line lives here; `main.rs` resolves it against the environment.

use clap::{Parser, Subcommand, ValueEnum};

/// Compare news reports of the same event: which sentences match, which facts
/// only one source has, which quotes both carry and how they differ.
#[derive(Debug, Parser)]
#[command(
    name = "wirediff",
    version,
    about,
    long_about = None,
    after_help = "Examples:\n  \
        wirediff compare afp.txt reuters.txt\n  \
        wirediff dedup feed.jsonl\n  \
        wirediff sentences story.txt\n  \
        wirediff completions bash\n\n\
        Each command's --help shows more."
)]
pub struct Cli {
    /// Never page output (by default output longer than the terminal goes
    /// through $WIREDIFF_PAGER, else $PAGER, else `less -RFX`).
    #[arg(long, global = true)]
    pub no_pager: bool,
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Print the story sentences of each article, one a line.
    #[command(after_help = "Examples:\n  \
        wirediff sentences story.txt\n  \
        wirediff sentences feed.jsonl --format json\n  \
        curl -s https://example.org/a.txt | wirediff sentences -")]
    Sentences {
        /// Articles: plain text, JSON, JSONL, folders, or - for standard input.
        #[arg(required = true, value_name = "FILE")]
        files: Vec<String>,
        /// Output format.
        #[arg(long, value_enum, default_value_t = ListFormat::Text)]
        format: ListFormat,
    },
    /// Compare two reports (or more): aligned sentences with word diffs,
    /// quotes shared and differing, facts stated differently, what only one
    /// has. With three or more, the sentences each says are grouped across
    /// all of them.
    #[command(after_help = "Examples:\n  \
        wirediff compare afp.txt reuters.txt\n  \
        wirediff compare a.json b.json --layout side-by-side\n  \
        wirediff compare feed.jsonl --ids 1042 1077 --format html -o diff.html\n  \
        wirediff compare 'feed.jsonl#1042' 'feed.jsonl#1077' --format json\n  \
        wirediff compare a.txt b.txt --exit-code --color never\n  \
        wirediff compare afp.txt reuters.txt ap.txt --format json")]
    Compare {
        /// The first article (A): a file, `FILE.jsonl#id`, or - for standard input.
        a: String,
        /// The other articles (B, C, ...); omit them with `--ids`.
        #[arg(required_unless_present = "ids", value_name = "B")]
        others: Vec<String>,
        /// Compare the records with these ids (two or more) of the one
        /// JSON/JSONL input A.
        #[arg(long, num_args = 2.., value_names = ["ID_A", "ID_B"], conflicts_with = "others")]
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
        /// Background shades of changed words, for a dark or a light
        /// terminal (deletions are also struck through, insertions
        /// underlined).
        #[arg(long, value_enum, default_value_t = ThemeArg::Dark)]
        theme: ThemeArg,
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
    #[command(after_help = "Examples:\n  \
        wirediff quotes story.txt\n  \
        wirediff quotes archive/ --format json")]
    Quotes {
        /// Articles: plain text, JSON, JSONL, folders, or - for standard input.
        #[arg(required = true, value_name = "FILE")]
        files: Vec<String>,
        /// Output format.
        #[arg(long, value_enum, default_value_t = ListFormat::Text)]
        format: ListFormat,
    },
    /// Find duplicate coverage in a stream of articles: copies, rewrites and
    /// reports of the same story, with evidence. Pairs are written as they
    /// are confirmed. In a large group of identical articles, copies after
    /// the eighth are paired with the first only, so output stays linear.
    #[command(after_help = "Examples:\n  \
        wirediff dedup feed.jsonl\n  \
        wirediff dedup archive/ --format jsonl --relation duplicate,derived\n  \
        cat day1.jsonl day2.jsonl | wirediff dedup - --threshold 0.6 --exit-code\n  \
        tail -F wire.jsonl | wirediff dedup - --format jsonl --state wire.state --window 72h\n  \
        wirediff dedup today.jsonl --against wire.state")]
    Dedup {
        /// Inputs: JSONL, JSON or plain-text files, folders (searched
        /// recursively), or - for JSONL on standard input.
        #[arg(required = true, value_name = "INPUT")]
        inputs: Vec<String>,
        /// Output format.
        #[arg(long, value_enum, default_value_t = DedupFormat::Terminal)]
        format: DedupFormat,
        /// Only pairs whose score is at least this (0 to 1).
        #[arg(long, default_value_t = 0.0, value_name = "SCORE")]
        threshold: f32,
        /// Only these relations (repeat the flag or separate with commas).
        #[arg(long, value_enum, value_delimiter = ',', value_name = "RELATION")]
        relation: Vec<RelationArg>,
        /// Exit with status 1 when any pair of the relations asked for
        /// (--relation; all when none is named) is found.
        #[arg(long)]
        exit_code: bool,
        /// Keep the index in a database at PATH (created if absent, resumed
        /// if present), committed chunk by chunk: a restarted run goes on
        /// where it stopped, and articles whose id it holds are skipped.
        #[arg(long, value_name = "PATH", conflicts_with = "against")]
        state: Option<std::path::PathBuf>,
        /// Articles dated (published, else arrival) more than DURATION
        /// before the newest leave the index (and the database of --state);
        /// no pair with them is reported. As 72h, 30d, 2w.
        #[arg(long, value_name = "DURATION", value_parser = wirediff::corpus::parse_duration)]
        window: Option<i64>,
        /// Only report pairs with an article of the state at PATH, which is
        /// read and left as it is.
        #[arg(long, value_name = "PATH")]
        against: Option<std::path::PathBuf>,
        /// For benchmarks: only read, segment and tokenize the inputs, print
        /// the counts to stderr and exit.
        #[arg(long, hide = true)]
        tokenize_only: bool,
        /// For benchmarks: print to stderr, at the end, what the kept
        /// signatures and the index hold, by part.
        #[arg(long, hide = true)]
        memory_report: bool,
        /// For tests: print a line to stderr after each chunk committed to
        /// the state.
        #[arg(long, hide = true)]
        note_commits: bool,
        /// For calibration (scripts/calibrate_events.py): print every
        /// verified candidate pair and its same-event signals to stderr.
        #[arg(long, hide = true)]
        trace_candidates: bool,
    },
    /// Look after a dedup state (`dedup --state`).
    #[command(after_help = "Examples:\n  \
        wirediff state info wire.state\n  \
        wirediff state compact wire.state")]
    State {
        /// What to do with it.
        #[command(subcommand)]
        action: StateAction,
    },
    /// Print a completion script for SHELL to standard output.
    #[command(after_help = "Examples:\n  \
        wirediff completions bash > ~/.local/share/bash-completion/completions/wirediff\n  \
        wirediff completions zsh > ~/.zfunc/_wirediff\n  \
        wirediff completions fish > ~/.config/fish/completions/wirediff.fish\n  \
        wirediff completions powershell >> $PROFILE")]
    Completions {
        /// The shell.
        shell: clap_complete::Shell,
    },
    /// Print the manual page (roff) to standard output.
    #[command(after_help = "Examples:\n  \
        wirediff man | man -l -\n  \
        wirediff man > ~/.local/share/man/man1/wirediff.1")]
    Man,
}

/// What `state` does.
#[derive(Debug, Subcommand)]
pub enum StateAction {
    /// Articles, date range, links, chunks, size and version.
    Info {
        /// The state file.
        path: std::path::PathBuf,
    },
    /// Shrink the file to what it holds (after a window dropped articles).
    Compact {
        /// The state file.
        path: std::path::PathBuf,
    },
}

/// Formats of `dedup`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum DedupFormat {
    /// A table of clusters and pairs, written at the end.
    Terminal,
    /// One JSON object per pair, written as pairs are confirmed.
    Jsonl,
}

/// Relations `dedup` reports.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum RelationArg {
    /// The same article give or take boilerplate and small edits.
    Duplicate,
    /// One article largely built from the other.
    Derived,
    /// Independent reports of the same event.
    SameStory,
}

/// Formats of `compare`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum CompareFormat {
    /// Colored word diffs for a terminal.
    Terminal,
    /// The JSON v1 contract.
    Json,
    /// One self-contained HTML page.
    Html,
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
    /// Color a terminal, unless NO_COLOR is set or TERM is dumb
    /// (CLICOLOR_FORCE forces it).
    Auto,
    /// Always color.
    Always,
    /// Never color.
    Never,
}

/// The terminal's background, for the shades of changed words.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ThemeArg {
    /// A dark background (dark red and dark green shades).
    Dark,
    /// A light background (pale red and pale green shades).
    Light,
}

/// Formats of the listing commands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ListFormat {
    /// One item a line.
    Text,
    /// The JSON v1 contract.
    Json,
}
