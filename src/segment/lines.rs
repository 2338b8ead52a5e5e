//! Line structure: which single newlines end something and which are soft
//! wraps inside a sentence.
//!
//! A paragraph may hold several lines. A newline is a hard break (the text
//! on either side can never be one sentence) when:
//! - a blank line separates the two lines;
//! - the next line starts with a list marker (`•`, `- `, `1.`, `a)`);
//! - the lines form a list: a run of two or more lines none of which ends a
//!   sentence (`features` / `contact manager` / `events, activities`), unless
//!   the line ends in a comma or a word that cannot end a phrase;
//! - the line is a heading: it ends no sentence, is clearly shorter than the
//!   longest line of its run, and the next line starts with a capital;
//! - the run is not hard-wrapped (a line is longer than any wrap width), so
//!   its newlines were typed on purpose, and the next line does not start in
//!   lower case.
//!
//! Any other newline is white space, and the punctuation rules decide.

use super::lists;

/// One non-blank line, trimmed.
struct Line {
    start: usize,
    end: usize,
    /// A blank line (or the start of the text) comes before it.
    after_blank: bool,
    /// It ends with sentence punctuation, maybe followed by closing quotes.
    ends_sentence: bool,
    /// It ends in a way that asks for more (`,`, `and`, `the`).
    continues: bool,
    /// It starts with a bullet or an enumerator.
    marker: bool,
    /// It starts with a capital letter or digit (after opening quotes).
    capital: bool,
    /// It starts with a lower-case letter (after opening quotes).
    lower: bool,
    /// It starts with an upper-case letter (after opening quotes).
    upper: bool,
    /// Length in chars.
    chars: usize,
    /// The line is a marker and nothing else (`3`, `2.1.`, `IV.`, `•`).
    number: bool,
    /// It opens with a marker and the words after it are in title case
    /// (`2.1. New Institutions`): a numbered heading, not a list item.
    titled: bool,
    /// It opens with a number and a spaced dash (`1990 - The plant opens`,
    /// `2- Bo Chan`): a timeline or numbered entry.
    dash_item: bool,
    /// It ends with a colon: it introduces what follows.
    colon: bool,
}

/// A line no longer than this share (in tenths) of the longest line in its
/// run, ending without punctuation and followed by a capitalized line, is a
/// heading. Wrapped prose fills each line but the last to near the wrap
/// width, so 7/10 leaves room for ragged wrapping while short headings and
/// captions stay below it.
const HEADING_TENTHS: usize = 7;

/// Hard-wrapped text (e-mail, PDF, terminal copy) wraps at 60 to 80
/// columns; a run holding a line longer than this was not wrapped, so its
/// newlines are deliberate. Chosen above the widest common wrap width with a
/// margin; polnear-dev's reader-comment runs (lines of 150 to 950 chars) and
/// its ragged link-stripped runs (all lines under 100) fall on either side.
const MAX_WRAP_WIDTH: usize = 100;

/// Words that cannot end a phrase, so a line ending in one continues.
const OPEN_ENDINGS: &[&str] = &[
    "a", "an", "and", "as", "at", "by", "for", "from", "in", "into", "its", "of", "on", "or",
    "the", "their", "to", "with",
];

/// Splits `text` into blocks separated by hard line breaks, as byte ranges.
/// Blocks are trimmed; blank ones are left out.
pub(super) fn blocks(text: &str, out: &mut Vec<(usize, usize)>) {
    if !text.contains('\n') {
        out.push((0, text.len()));
        return;
    }
    let lines = lines(text);
    let mut run_start = 0;
    while run_start < lines.len() {
        let mut run_end = run_start + 1;
        while lines.get(run_end).is_some_and(|l| !l.after_blank) {
            run_end += 1;
        }
        let run = &lines[run_start..run_end];
        split_run(run, out);
        run_start = run_end;
    }
}

fn split_run(run: &[Line], out: &mut Vec<(usize, usize)>) {
    let Some(first) = run.first() else {
        return;
    };
    let is_list = run.len() >= 2 && run.iter().all(|l| !l.ends_sentence);
    let longest = run.iter().map(|l| l.chars).max().unwrap_or(0);
    let unwrapped = longest > MAX_WRAP_WIDTH;
    let mut block_start = first.start;
    for (n, pair) in run.windows(2).enumerate() {
        let (prev, next) = (&pair[0], &pair[1]);
        // The line under a lone section number is its heading (`3` /
        // `Penalties` / `Fines apply.`), so it ends at its line end.
        let under_number = n > 0 && run[n - 1].number && prev.upper;
        // Entries opening with a number and a dash (`1990 - The plant
        // opens`) after a line that introduces them or after another such
        // entry: each is an item. Alone in prose (`won\n3 - 1 at home`) a
        // number and a dash are a score or a range.
        let dash_entry = next.dash_item && (prev.colon || prev.dash_item);
        let heading = !prev.ends_sentence
            && !prev.continues
            && next.capital
            && prev.chars * 10 <= longest * HEADING_TENTHS;
        let typed = unwrapped && !prev.continues && !next.lower;
        let numbered_heading = (prev.titled || under_number) && !prev.ends_sentence && next.capital;
        // A section number alone on its line belongs to the heading under
        // it (`3` / `Introduction`): a number is no sentence.
        let numbers_heading = prev.number && next.upper;
        let hard = !numbers_heading
            && (next.marker
                || dash_entry
                || (is_list && !prev.continues)
                || heading
                || typed
                || numbered_heading);
        if hard {
            out.push((block_start, prev.end));
            block_start = next.start;
        }
    }
    if let Some(last) = run.last() {
        out.push((block_start, last.end));
    }
}

fn lines(text: &str) -> Vec<Line> {
    let mut out = Vec::new();
    let mut pos = 0;
    let mut after_blank = true;
    for raw in text.split('\n') {
        let lead = raw.len() - raw.trim_start().len();
        let body = raw.trim();
        if body.is_empty() {
            after_blank = true;
        } else {
            let start = pos + lead;
            let first = body
                .trim_start_matches(['"', '\'', '“', '”', '‘', '’', '(', '['])
                .chars()
                .next();
            let marker = lists::marker_len(body);
            let numbered = numbered_heading(body);
            out.push(Line {
                number: marker == body.len() || section_number(body),
                titled: marker > 0 && title_case(&body[marker..]) || numbered,
                start,
                end: start + body.len(),
                after_blank,
                ends_sentence: ends_sentence(body),
                continues: continues(body),
                marker: marker > 0,
                capital: first.is_some_and(|c| c.is_uppercase() || c.is_ascii_digit()),
                lower: first.is_some_and(char::is_lowercase),
                upper: first.is_some_and(char::is_uppercase),
                chars: body.chars().count(),
                dash_item: dash_item(body),
                colon: body.ends_with(':'),
            });
            after_blank = false;
        }
        pos += raw.len() + 1;
    }
    out
}

/// Each level of a section number (`3`, `4.2`) has at most this many
/// digits; a longer number alone on a line is a year, a figure or a code.
const MAX_SECTION_DIGITS: usize = 2;

/// Levels in a section number: `1.3.2.4` at most.
const MAX_SECTION_LEVELS: usize = 4;

/// True when `line` is a section number without a closing period (`3`,
/// `4.2`); closed ones (`2.`, `4.2.`) are list markers already.
fn section_number(line: &str) -> bool {
    // `§ 3`, `§3`: the section sign names what follows as a section number.
    let line = line.strip_prefix('§').map_or(line, str::trim_start);
    // A roman numeral alone on its line numbers a part or section (`IV`
    // over `Results`); the next line must open with a capital, as for `3`.
    if roman_section(line) {
        return true;
    }
    let levels: Vec<&str> = line.split('.').collect();
    levels.len() <= MAX_SECTION_LEVELS
        && levels.iter().all(|l| {
            (1..=MAX_SECTION_DIGITS).contains(&l.len()) && l.bytes().all(|b| b.is_ascii_digit())
        })
}

/// Digits in the number of a dash entry: a year at most.
const MAX_ENTRY_DIGITS: usize = 4;

/// True when `line` opens with a number of up to four digits and a dash
/// followed by a space (`1990 - The plant opens`, `2- Bo Chan`, `3 – Cy`).
fn dash_item(line: &str) -> bool {
    let digits = line.bytes().take_while(u8::is_ascii_digit).count();
    if !(1..=MAX_ENTRY_DIGITS).contains(&digits) {
        return false;
    }
    let rest = line[digits..].trim_start_matches(' ');
    ["- ", "– ", "— "].iter().any(|d| rest.starts_with(d))
}

/// True when `line` is a bare section number and title-case words with no
/// stop (`6 Conclusion`, `4.2 Data and Methods`, `§ 3 Penalties`): a
/// numbered heading. Prose does not open with a bare number followed only
/// by capitalized words.
fn numbered_heading(line: &str) -> bool {
    let line = line.strip_prefix('§').map_or(line, str::trim_start);
    let Some((number, words)) = line.split_once(' ') else {
        return false;
    };
    number.starts_with(|c: char| c.is_ascii_digit())
        && section_number(number)
        && !ends_sentence(words)
        && title_case(words)
}

/// True when `word` is a roman numeral in capitals as sections are numbered
/// (`II`, `IV`, `XII`): valid digits only, at most five of them.
fn roman_section(word: &str) -> bool {
    (1..=5).contains(&word.len())
        && word.bytes().all(|b| matches!(b, b'I' | b'V' | b'X' | b'L'))
        && !word.contains("IIII")
        && !word.contains("VV")
}

/// True when `words` (after a marker) are one or more words in title case:
/// each capitalized, or a minor word such as `of` or `and`.
fn title_case(words: &str) -> bool {
    let mut any = false;
    for w in words.split_whitespace() {
        let core = w.trim_matches(|c: char| !c.is_alphanumeric());
        if core.is_empty() {
            continue;
        }
        if !(core.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit())
            || super::headlines::is_title_minor(core))
        {
            return false;
        }
        any = true;
    }
    any
}

fn ends_sentence(line: &str) -> bool {
    let core = line.trim_end_matches(['"', '\'', '”', '’', ')', ']', '»']);
    core.ends_with(['.', '!', '?', '…', '。', '！', '？', '．'])
}

fn continues(line: &str) -> bool {
    if line.ends_with([',', ';', ':', '-', '–', '—', '(', '&', '/']) {
        return true;
    }
    let last = line.rsplit(char::is_whitespace).next().unwrap_or("");
    OPEN_ENDINGS.iter().any(|w| last.eq_ignore_ascii_case(w))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(text: &str) -> Vec<&str> {
        let mut out = Vec::new();
        blocks(text, &mut out);
        out.into_iter().map(|(s, e)| &text[s..e]).collect()
    }

    #[test]
    fn line_structure() {
        let rows: &[(&str, &str, &[&str])] = &[
            ("one line", "Just one line.", &["Just one line."]),
            (
                "soft wrap",
                "The minister said the talks\nwould go on.",
                &["The minister said the talks\nwould go on."],
            ),
            (
                "list without stops",
                "apples\npears and plums\ngrapes\n",
                &["apples", "pears and plums", "grapes"],
            ),
            (
                "list line ending in a comma continues",
                "red,\ngreen\nblue",
                &["red,\ngreen", "blue"],
            ),
            (
                "bulleted lines",
                "We agreed:\n- to meet again.\n- to talk.",
                &["We agreed:", "- to meet again.", "- to talk."],
            ),
            (
                "heading over prose",
                "Talks stall\nThe ministers met for three hours on Thursday and then left.",
                &[
                    "Talks stall",
                    "The ministers met for three hours on Thursday and then left.",
                ],
            ),
            (
                "wrapped name is not a heading",
                "The ministers met for three hours with President\nObama on Thursday.",
                &["The ministers met for three hours with President\nObama on Thursday."],
            ),
            ("blank lines", "One.\n\n  \nTwo.", &["One.", "Two."]),
            (
                "lone section number",
                "4\nFindings\nThe survey covered nine ports.",
                &["4\nFindings", "The survey covered nine ports."],
            ),
            (
                "numbered heading",
                "3.2. Earlier Surveys\nMost ports were counted twice.",
                &["3.2. Earlier Surveys", "Most ports were counted twice."],
            ),
            (
                "wrapped list item",
                "1. The ministers met for three hours and agreed on\nterms for the talks.",
                &["1. The ministers met for three hours and agreed on\nterms for the talks."],
            ),
            (
                "column of figures",
                "12\n15\n18",
                &["12", "15", "18"],
            ),
            (
                "long typed lines",
                "“He is not fit to lead. He never was,” wrote one reader from Texas after the second debate ― Ann Example\n“We deserve better than this campaign,” wrote another ― Bo Example",
                &[
                    "“He is not fit to lead. He never was,” wrote one reader from Texas after the second debate ― Ann Example",
                    "“We deserve better than this campaign,” wrote another ― Bo Example",
                ],
            ),
        ];
        for (name, text, want) in rows {
            assert_eq!(texts(text), *want, "{name}");
        }
    }
}
